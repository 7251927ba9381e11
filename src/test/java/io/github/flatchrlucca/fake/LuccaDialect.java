package io.github.flatchrlucca.fake;

/** Lucca's side of the front: its {@code Authorization: lucca application=KEY} header and its legacy error envelope. */
final class LuccaDialect implements Front.Dialect {

    private static final String SCHEME = "lucca application=";

    @Override
    public String name() {
        return "Lucca";
    }

    @Override
    public boolean presents(String acceptedKey, String authorization, String rawQuery) {
        return (SCHEME + acceptedKey).equals(authorization);
    }

    @Override
    public Reply error(int status, String message) {
        return Reply.error(status, message);
    }
}
