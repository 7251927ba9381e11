package io.github.flatchrlucca.mapping;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the Lucca department for the department names a hire carries: by name among Lucca's active
 * departments first, then in the customer's table, else the configured default.
 */
public final class DepartmentMatcher {

    // built once because ICU rule loading is slow; ICU documents transliterators as safe to share between threads
    private static final Transliterator WITHOUT_ACCENTS = Transliterator.getInstance("Latin-ASCII");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final Map<String, List<Integer>> activeIdsByName;
    // every department Lucca lists, active or not: a table's id is checked against it
    private final Map<Integer, Boolean> activeById;
    private final DepartmentTable table;
    private final Integer defaultDepartmentId;
    // Why Lucca's departments are not known (dry-run, Lucca unreachable): names then match the table only, and a
    // name that does not is "not checked", never "matches no Lucca department", which nobody asked Lucca.
    private final String notCheckedBecause;

    /** @param defaultDepartmentId null to leave the department to Lucca's own default */
    public DepartmentMatcher(List<LuccaDepartment> luccaDepartments, DepartmentTable table, Integer defaultDepartmentId) {
        this(luccaDepartments, table, defaultDepartmentId, null);
    }

    private DepartmentMatcher(List<LuccaDepartment> luccaDepartments, DepartmentTable table, Integer defaultDepartmentId,
                              String notCheckedBecause) {
        this.activeIdsByName = luccaDepartments.stream()
                .filter(LuccaDepartment::active)
                .collect(Collectors.groupingBy(department -> normalize(department.name()),
                        Collectors.mapping(LuccaDepartment::id, Collectors.toList())));
        this.activeById = luccaDepartments.stream()
                .collect(Collectors.toMap(LuccaDepartment::id, LuccaDepartment::active, (one, other) -> one || other));
        this.table = table;
        this.defaultDepartmentId = defaultDepartmentId;
        this.notCheckedBecause = notCheckedBecause;
    }

    /** Without Lucca's departments, for {@code because} ("dry-run: Lucca was not asked"): the table alone decides. */
    public static DepartmentMatcher withoutLucca(DepartmentTable table, Integer defaultDepartmentId, String because) {
        return new DepartmentMatcher(List.of(), table, defaultDepartmentId, because);
    }

    /**
     * The form in which two department names are compared, here and in {@link DepartmentTable}:
     * "Service  Informatique " and "service informatique" are typed by different people for the same team.
     */
    static String normalize(String name) {
        String ascii = WITHOUT_ACCENTS.transliterate(name).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(ascii).replaceAll("");
    }

    /** @param candidateNames the hire's department names, most telling first; may be empty */
    public DepartmentChoice choose(List<String> candidateNames) {
        List<String> misses = new ArrayList<>();
        for (String name : candidateNames) {
            List<Integer> ids = activeIdsByName.getOrDefault(normalize(name), List.of());
            if (ids.size() == 1) {
                return found(ids.get(0));
            }
            misses.add("\"" + name + "\" " + (notCheckedBecause != null ? "not checked (" + notCheckedBecause + ")"
                    : "matches " + (ids.isEmpty() ? "no Lucca department" : "several Lucca departments")));
        }
        Optional<Integer> fromTable = candidateNames.stream().flatMap(name -> table.idFor(name).stream()).findFirst();
        if (fromTable.isPresent() && (notCheckedBecause != null || activeById.getOrDefault(fromTable.get(), false))) {
            return found(fromTable.get());
        }
        // the table names a department Lucca closed or never had: Lucca would refuse it, or file the person there
        fromTable.ifPresent(id -> misses.add("the departments table's " + id + (activeById.containsKey(id)
                ? " is inactive in Lucca" : " is not among Lucca's departments")));
        return new DepartmentChoice(defaultDepartmentId, misses.isEmpty() ? Optional.empty() : Optional.of(warning(misses)));
    }

    private static DepartmentChoice found(int departmentId) {
        return new DepartmentChoice(departmentId, Optional.empty());
    }

    private String warning(List<String> misses) {
        String fallback = defaultDepartmentId == null
                ? "department left to Lucca's default."
                : "default department used.";
        return "Department not found: " + String.join("; ", misses) + "; " + fallback;
    }
}
