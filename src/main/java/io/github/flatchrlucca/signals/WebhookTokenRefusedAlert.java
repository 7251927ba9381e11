package io.github.flatchrlucca.signals;

import java.time.Instant;

/**
 * Tells a person that webhooks to a configured tenant's URL are refused for a wrong or missing token: most likely its
 * token was changed and Flatchr's webhook URL was not. Flatchr sends no refused call again and shows none, and the
 * refusals are counted for no tenant (anyone can call the URL), so without this the hires are lost unseen.
 */
public interface WebhookTokenRefusedAlert {

    /**
     * At most once an hour per tenant, the first refusal told at once, those within the hour once it is over: a
     * scanner guessing the URL's token must not flood the chat, and a real misconfiguration, refused again, is told
     * again, even if it was fixed within the hour (the hires refused meanwhile are lost all the same).
     *
     * @param tokenGiven whether the latest refused call had a token (a wrong one) or none
     * @param refusals   how many calls were refused since the last time this was told
     * @param since      when the first of them was refused
     */
    void tokenRefused(String tenant, boolean tokenGiven, long refusals, Instant since);
}
