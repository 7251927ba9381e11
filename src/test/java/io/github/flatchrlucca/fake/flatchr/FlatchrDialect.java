package io.github.flatchrlucca.fake.flatchr;

import io.github.flatchrlucca.fake.ApiError;
import io.github.flatchrlucca.fake.Front;
import io.github.flatchrlucca.fake.Json;
import io.github.flatchrlucca.fake.Query;
import io.github.flatchrlucca.fake.Reply;
import java.util.Map;

/**
 * Flatchr's side of the front: the key as {@code Authorization: Bearer KEY} or as {@code ?token=KEY}.
 * Either one carrying the key is enough (the reference does not say which wins when both are sent and differ:
 * the fake takes the lenient reading). The scheme name ignores case, as HTTP's authentication schemes do.
 * Flatchr's error body is not documented: the fake answers the plainest, {@code {"message": "..."}}, and a
 * client should rely on the status only.
 */
final class FlatchrDialect implements Front.Dialect {

    private static final String BEARER = "Bearer ";

    @Override
    public String name() {
        return "Flatchr";
    }

    @Override
    public boolean presents(String acceptedKey, String authorization, String rawQuery) {
        return acceptedKey.equals(bearer(authorization)) || acceptedKey.equals(token(rawQuery));
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length());
    }

    private static String token(String rawQuery) {
        try {
            return Query.parse(rawQuery).first("token").orElse(null);
        } catch (ApiError malformed) {
            return null; // a query the fake cannot read carries no key
        }
    }

    @Override
    public Reply error(int status, String message) {
        return new Reply(status, Json.write(Map.of("message", message)), Map.of());
    }
}
