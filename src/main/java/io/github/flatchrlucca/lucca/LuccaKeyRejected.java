package io.github.flatchrlucca.lucca;

/** Lucca rejected the API key (401) or its rights (403): hires wait until the key works again. */
public final class LuccaKeyRejected extends LuccaCallFailed {

    LuccaKeyRejected(String call, int status, String body) {
        super(call, status, body);
    }
}
