package io.github.flatchrlucca.delivery;

import io.github.flatchrlucca.journal.AddressReservations;

/**
 * Another hire of ours, being delivered now, holds the hire's address, or its candidate's own e-mail, in its Lucca
 * (the same person hired into another vacancy): it may be making the account, so this hire waits for it rather than
 * risk making it twice.
 */
public final class AddressBusy extends RuntimeException {

    /** @param holder the hire that holds it: an id, nothing personal */
    AddressBusy(AddressReservations.Kind kind, String holder) {
        super("hire " + holder + (kind == AddressReservations.Kind.LUCCA_MAIL ? " has the same address"
                : " has the same candidate (their own e-mail)") + " in this Lucca and is being delivered: this one "
                + "waits for it, then looks the person up again", null, false, false);
    }
}
