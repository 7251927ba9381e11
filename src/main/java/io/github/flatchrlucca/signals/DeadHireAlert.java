package io.github.flatchrlucca.signals;

/** Tells a person that a hire will not reach Lucca by itself. */
public interface DeadHireAlert {

    /** @param why what the hire died of, without the candidate's e-mail or phone */
    void hireDead(String tenant, String hireId, String why);
}
