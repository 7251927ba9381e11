package io.github.flatchrlucca.fake;

/** Thrown by the resources to answer an error; the front turns it into Lucca's error envelope. */
final class LuccaError extends RuntimeException {

    private final int status;

    private LuccaError(int status, String message) {
        super(message);
        this.status = status;
    }

    static LuccaError badRequest(String message) {
        return new LuccaError(400, message);
    }

    static LuccaError notFound(String message) {
        return new LuccaError(404, message);
    }

    Reply reply() {
        return Reply.error(status, getMessage());
    }
}
