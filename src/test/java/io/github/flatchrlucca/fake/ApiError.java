package io.github.flatchrlucca.fake;

/**
 * Thrown by a fake's resources to answer an error status; the {@link Front} writes it in the error envelope
 * of the API it plays (its {@link Front.Dialect}).
 */
public class ApiError extends RuntimeException {

    private final int status;

    protected ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    public int status() {
        return status;
    }
}
