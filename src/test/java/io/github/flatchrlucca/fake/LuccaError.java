package io.github.flatchrlucca.fake;

/** Thrown by the Lucca resources to answer an error; the front turns it into Lucca's error envelope. */
final class LuccaError extends ApiError {

    private LuccaError(int status, String message) {
        super(status, message);
    }

    public static LuccaError badRequest(String message) {
        return new LuccaError(400, message);
    }

    public static LuccaError notFound(String message) {
        return new LuccaError(404, message);
    }
}
