package io.github.flatchrlucca.lucca;

/** One call to Lucca: method, path, an already-encoded query, and a JSON body for writes. */
public record LuccaRequest(String name, String method, String path, String query, String body) {

    /** How the call is named in the journal and logs ("create-user"), never with its data. */
    @Override
    public String toString() {
        return name;
    }
}
