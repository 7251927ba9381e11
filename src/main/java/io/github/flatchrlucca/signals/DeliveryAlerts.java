package io.github.flatchrlucca.signals;

/** Tells a person what a delivery needs of them, and when it no longer does. */
public interface DeliveryAlerts {

    /** The hire will not reach Lucca by itself. @param why what it died of, without the candidate's e-mail or phone */
    void hireDead(String tenant, String hireId, String why);

    /**
     * A former employee is back, and the tenant's rehire policy ({@code report}) leaves them to a person: nothing was
     * written in Lucca, and they have no contract to log in with until someone decides. Once per delivery that ends so.
     *
     * @param luccaUserId the former employee's, for the person to find them in Lucca
     */
    void rehireReported(String tenant, String hireId, long luccaUserId);

    /**
     * Someone employed whose contract in Lucca ends before the hire's would (a fixed-term employee hired again): nothing
     * was written in Lucca, and they leave it on their contract's last day unless someone gives them the new one.
     *
     * @param lastDay their contract's last day, as the hire's warning says it
     */
    void contractEndsSooner(String tenant, String hireId, long luccaUserId, String lastDay);

    /**
     * The hire's move out of hired was said to need a decision (its create's answer unknown: the account may exist),
     * and its create turns out never to have been sent, or Lucca to have made nothing of it (a 4xx, a 429): nothing is
     * in Lucca, nobody need look.
     */
    void decisionNoLongerNeeded(String tenant, String hireId);

    /**
     * The tenant's default department is not among its Lucca's departments: its hires that fall back to it stop, dead,
     * until the setting is fixed. Told once, not for each hire.
     *
     * @param problem the setting and its id, and what is wrong with it
     */
    void defaultDepartmentUnlisted(String tenant, String problem);

    /** The tenant's default department, said not to be Lucca's, is now one Lucca lists. @param setting and its id */
    void defaultDepartmentListed(String tenant, String setting);
}
