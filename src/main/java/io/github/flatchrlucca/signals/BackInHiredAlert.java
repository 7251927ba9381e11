package io.github.flatchrlucca.signals;

/**
 * Tells a person that a candidate is back in hired after a move out of hired asked a person what to do with the
 * hire's Lucca account (made, or may have been): whatever they decided, or are deciding, was for a candidate no longer
 * hired. Flatchr shows no webhook, and the connector changes nothing in Lucca, so nobody else would know.
 */
public interface BackInHiredAlert {

    /** Once for each such move back: a resend of the hire, the candidate in hired already, is no news. */
    void backInHiredAfterDecisionAsked(String tenant, String hireId);
}
