package io.github.flatchrlucca.delivery;

/**
 * Another hire of ours, being delivered now, holds the hire's address in its Lucca (the same person hired into
 * another vacancy): it may be making the account, so this hire waits for it rather than risk making it twice.
 */
public final class AddressBusy extends RuntimeException {

    /** @param holder the hire that holds the address: an id, nothing personal */
    AddressBusy(String holder) {
        super("hire " + holder + " has the same address in this Lucca and is being delivered: this one waits for "
                + "it, then looks the person up again", null, false, false);
    }
}
