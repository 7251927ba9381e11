package io.github.flatchrlucca.signals;

/** Tells a person what a delivery needs of them, and when it no longer does. */
public interface DeliveryAlerts {

    /** The hire will not reach Lucca by itself. @param why what it died of, without the candidate's e-mail or phone */
    void hireDead(String tenant, String hireId, String why);

    /**
     * The hire's move out of hired was said to need a decision (its create's answer unknown: the account may exist),
     * and its create turns out never to have been sent: nothing is in Lucca, nobody need look.
     */
    void decisionNoLongerNeeded(String tenant, String hireId);
}
