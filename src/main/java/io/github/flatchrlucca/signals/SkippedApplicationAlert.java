package io.github.flatchrlucca.signals;

/** Tells a person that a search of Flatchr's API found an application no hire could be recorded from. */
public interface SkippedApplicationAlert {

    /**
     * @param flatchrApplicant Flatchr's id of the application, by which a person finds it in Flatchr
     * @param why              what stopped it (a field, a verdict), without the candidate's e-mail or phone
     */
    void applicationSkipped(String tenant, String flatchrApplicant, String why);
}
