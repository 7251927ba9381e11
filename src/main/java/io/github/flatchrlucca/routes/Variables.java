package io.github.flatchrlucca.routes;

/**
 * The names of the exchange variables that the YAML routes (routes/*.camel.yaml) and the Java beans share, in one
 * place: a bean reads {@code @Variable(Variables.DELIVERY)} where a route writes {@code ${variable.delivery}}.
 * Each route file's header lists those it reads and sets; RouteVariablesTest keeps this class and the YAML files
 * naming the same variables. A package of its own that imports nothing, so every package may use it without a
 * cycle.
 */
public final class Variables {

    // Intake (webhook.camel.yaml) and the admin preview (admin.camel.yaml)

    /** The tenant the call is for, found from the URL or the admin call: its rules and its Lucca. */
    public static final String TENANT = "tenant";
    /**
     * The tenant's id as plain text, for a route's URI or call that needs only that (set with the webhook's tenant;
     * the write-back's is the tenant whose results it writes back to Flatchr).
     */
    public static final String TENANT_ID = "tenantId";
    /** The Flatchr event as sent, kept for the journal before the body is parsed into JSON. */
    public static final String RAW_BODY = "rawBody";
    /** The classifier's answer: a hire, a move out of hired, or ignored with the reason. */
    public static final String VERDICT = "verdict";
    /**
     * The verdict's kind (HIRE, INCOMPLETE, OTHER_COMPANY, MOVED_OUT, IGNORED) as plain text, which the webhook's
     * choice compares without calling a method of the verdict (an expression's call copies the exchange).
     */
    public static final String VERDICT_KIND = "verdictKind";
    /** What the journal did with a new hire (recorded, or already known), for the webhook's reply. */
    public static final String INTAKE = "intake";
    /** What the journal did with a hire whose candidate left hired (withdrawn, or a person must decide). */
    public static final String MOVE_OUT = "moveOut";
    /** The admin preview's reason an event is not a hire, or null when it is one. */
    public static final String WHY_NOT_A_HIRE = "whyNotAHire";
    /** Whether the admin preview could check the departments against Lucca, as delivery would. */
    public static final String DEPARTMENTS_CHECKED = "departmentsChecked";

    // Delivery (delivery.camel.yaml) and every call to Lucca (lucca.camel.yaml)

    /** The hire being delivered (from the journal) or written back to Flatchr (a journal record). */
    public static final String HIRE = "hire";
    /** One delivery attempt's state: the mapped Lucca user, what Lucca already holds, the login chosen. */
    public static final String DELIVERY = "delivery";
    /** The tenant's Lucca (address, key, rate limiter) that the next Lucca call goes to. */
    public static final String LUCCA = "lucca";
    /** The name of the Lucca call in progress, for the failure it may become and for the logs. */
    public static final String LUCCA_CALL = "luccaCall";
    /** The rate limiter's slot taken for the Lucca call in progress, handed back with its answer. */
    public static final String LUCCA_SLOT = "luccaSlot";
    /** For a Lucca call made for a hire: that this instance still holds the hire, checked as the call takes its slot. */
    public static final String STILL_HOLDING = "stillHolding";

    // Flatchr's API: reconciliation and write-back (flatchr.camel.yaml)

    /** The tenant's Flatchr (address, key) that the next Flatchr call goes to. */
    public static final String FLATCHR = "flatchr";
    /** The name of the Flatchr call in progress, for the failure it may become and for the logs. */
    public static final String FLATCHR_CALL = "flatchrCall";
    /** One reconciliation of one tenant: what it searched, found and recorded, for its summary. */
    public static final String RUN = "run";
    /** The application the reconciliation is looking at, while the body holds Flatchr's answers about it. */
    public static final String ITEM = "item";
    /** Flatchr's details of that application, kept while its vacancy is looked up. */
    public static final String DETAILS = "details";
    /** Flatchr's answer listing the tenant's tags, kept while the result tag is found or made. */
    public static final String TAGS_ANSWER = "tagsAnswer";
    /** The Flatchr application a result is written back to. */
    public static final String APPLICANT = "applicant";
    /** The line a result's tag is written with, as it was sent. */
    public static final String RESULT_LINE = "resultLine";

    private Variables() {
    }
}
