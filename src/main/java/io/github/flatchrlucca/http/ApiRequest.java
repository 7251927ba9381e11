package io.github.flatchrlucca.http;

/** One call to Lucca or Flatchr: method, path, an already-encoded query, and a JSON body for writes. */
public record ApiRequest(String name, String method, String path, String query, String body) {

    /** How the call is named in the journal, logs and metrics ("create-user"), never with its data. */
    @Override
    public String toString() {
        return name;
    }
}
