package io.github.flatchrlucca.mapping;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Department names the customer maps to Lucca department ids by hand, for names that differ between
 * Flatchr and Lucca: "Service IT=12;Marketing=13". Items are split by ';' and keyed by '=' because
 * department names contain spaces and commas.
 */
public final class DepartmentTable {

    // ids of at most 9 digits always fit in an int
    private static final IdTableSyntax SYNTAX = new IdTableSyntax(
            "department table", ";", Pattern.compile("([^=]*[^=\\s])\\s*=\\s*([1-9]\\d{0,8})"), "department name=luccaDepartmentId");

    private final Map<String, Integer> idByNormalizedName;

    private DepartmentTable(Map<String, Integer> idByNormalizedName) {
        this.idByNormalizedName = Map.copyOf(idByNormalizedName);
    }

    /** Blank text gives an empty table; a malformed or repeated item throws IllegalArgumentException naming it. */
    public static DepartmentTable parse(String text) {
        return new DepartmentTable(SYNTAX.parse(text, DepartmentMatcher::normalize));
    }

    /**
     * The table given as name -> id pairs (a YAML mapping), ids greater than zero. Names are compared as
     * {@link #parse} compares them, so two names that differ only in case, accents or spaces are rejected as a repeat.
     */
    public static DepartmentTable of(Map<String, Integer> idByName) {
        return new DepartmentTable(SYNTAX.fromPairs(idByName, DepartmentMatcher::normalize));
    }

    /** Looks the name up ignoring case, accents and spaces, as Lucca department names are matched. */
    public Optional<Integer> idFor(String departmentName) {
        return Optional.ofNullable(idByNormalizedName.get(DepartmentMatcher.normalize(departmentName)));
    }
}
