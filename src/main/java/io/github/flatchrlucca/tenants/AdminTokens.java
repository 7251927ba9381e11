package io.github.flatchrlucca.tenants;

import io.github.flatchrlucca.intake.WebhookToken;

/**
 * What an admin token must be, ADMIN_TOKEN and a tenant's {@code adminToken} alike: as long as every token of the
 * connector. It travels in an {@code Authorization: Bearer} header, which carries any character as it is written
 * (a base64 token's + / =): not in a URL, as a webhook token does, whose narrower rule does not apply.
 */
public final class AdminTokens {

    private AdminTokens() {
    }

    /**
     * The token, when it is one.
     *
     * @throws IllegalArgumentException saying what is wrong, without quoting the token
     */
    public static String checked(String token) {
        if (token.length() < WebhookToken.MIN_LENGTH) {
            throw new IllegalArgumentException("must be at least " + WebhookToken.MIN_LENGTH + " characters long");
        }
        return token;
    }
}
