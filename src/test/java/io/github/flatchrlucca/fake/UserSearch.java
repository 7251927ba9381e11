package io.github.flatchrlucca.fake;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** The parameters of {@code GET /api/v3/users}: filters, {@code formerEmployees}, {@code paging}, {@code fields}. */
final class UserSearch {

    private static final int MAX_PAGE_SIZE = 1000;
    private static final String CONTAINS = "like,";
    /**
     * The field that asks for the total (lucca-api.md: "fields=collection.count for the total"). Where the total is
     * in the answer is not documented: it is given beside the items, in {@code data}, as the v4 lists give theirs.
     */
    private static final String COUNT = "collection.count";

    private record Page(int offset, int limit) {
    }

    private final Predicate<User> filter;
    private final Page page;
    private final List<String> fields;
    private final boolean counted;
    private final UserFields known;

    /** {@code today}: the instance's day, before which an ended contract makes a former employee. */
    UserSearch(Query query, UserFields known, LocalDate today) {
        this.filter = textFilter(query, "mail", User::mail)
                .and(textFilter(query, "login", User::login))
                .and(dateFilter(query, "modifiedAt", User::modifiedAt))
                .and(query.isTrue("formerEmployees") ? user -> true : user -> isCurrentOrFuture(user, today));
        this.page = page(query);
        this.known = known;
        List<String> named = fields(query, known);
        this.counted = named.contains(COUNT);
        this.fields = named.stream().filter(name -> !name.equals(COUNT)).toList();
    }

    /** The v3 answer's {@code data}: the page's items, and how many match in all when {@code collection.count} is asked. */
    Map<String, Object> run(List<User> users) {
        List<User> matching = users.stream().filter(filter).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("items", matching.stream()
                .skip(page.offset)
                .limit(page.limit)
                .map(user -> known.only(user, fields))
                .toList());
        if (counted) {
            data.put("count", matching.size());
        }
        return data;
    }

    /**
     * {@code like,xyz} means "contains xyz", ignoring case; any other value means "equals", strictly (case included),
     * as Lucca documents {@code mail=} and {@code login=}.
     */
    private static Predicate<User> textFilter(Query query, String name, Function<User, String> field) {
        return query.first(name)
                .map(wanted -> wanted.startsWith(CONTAINS)
                        ? contains(field, wanted.substring(CONTAINS.length()))
                        : equalTo(field, wanted))
                .orElse(user -> true);
    }

    private static Predicate<User> contains(Function<User, String> field, String part) {
        return user -> field.apply(user) != null && field.apply(user).toLowerCase().contains(part.toLowerCase());
    }

    private static Predicate<User> equalTo(Function<User, String> field, String wanted) {
        return user -> wanted.equals(field.apply(user));
    }

    /** Former employees are those whose contract ended before the instance's today. */
    private static boolean isCurrentOrFuture(User user, LocalDate today) {
        return user.dtContractEnd() == null
                || !Dates.fromDateTime(user.dtContractEnd(), "dtContractEnd").isBefore(today);
    }

    /**
     * Lucca's date filters: {@code since,d}, {@code until,d}, {@code between,a,b} (bounds included), {@code notequal,null}.
     * Dates are v3 date-times without offset (the instance's local time), or a day alone; anything else is refused.
     */
    private static Predicate<User> dateFilter(Query query, String name, Function<User, String> field) {
        return query.first(name).map(wanted -> {
            String[] parts = wanted.split(",");
            Predicate<LocalDateTime> test;
            if (parts.length == 2 && parts[0].equals("since")) {
                LocalDateTime since = dateTime(name, parts[1]);
                test = at -> !at.isBefore(since);
            } else if (parts.length == 2 && parts[0].equals("until")) {
                LocalDateTime until = dateTime(name, parts[1]);
                test = at -> !at.isAfter(until);
            } else if (parts.length == 3 && parts[0].equals("between")) {
                LocalDateTime from = dateTime(name, parts[1]);
                LocalDateTime to = dateTime(name, parts[2]);
                test = at -> !at.isBefore(from) && !at.isAfter(to);
            } else if (wanted.equals("notequal,null")) {
                test = at -> true;
            } else {
                throw LuccaError.badRequest(name + " must be since,{d}, until,{d}, between,{a},{b} or notequal,null, got "
                        + wanted);
            }
            return (Predicate<User>) user -> field.apply(user) != null && test.test(LocalDateTime.parse(field.apply(user)));
        }).orElse(user -> true);
    }

    private static LocalDateTime dateTime(String name, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw LuccaError.badRequest(name + ": not a date-time without offset: " + value);
        }
    }

    /** {@code paging=offset,limit}; without it, the first page of the largest size. */
    private static Page page(Query query) {
        String paging = query.first("paging").orElse("0," + MAX_PAGE_SIZE);
        String[] parts = paging.split(",");
        if (parts.length != 2) {
            throw LuccaError.badRequest("paging must look like {offset},{limit}, got " + paging);
        }
        Page page = new Page(Query.parseInt("paging offset", parts[0]), Query.parseInt("paging limit", parts[1]));
        if (page.offset < 0 || page.limit < 1 || page.limit > MAX_PAGE_SIZE) {
            throw LuccaError.badRequest("paging needs an offset >= 0 and a limit from 1 to " + MAX_PAGE_SIZE);
        }
        return page;
    }

    /** Only the fields named; an unknown name is refused, so a typo in the connector fails loudly. */
    private static List<String> fields(Query query, UserFields known) {
        List<String> fields = query.first("fields")
                .map(names -> Arrays.stream(names.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList())
                .orElse(UserFields.DEFAULT);
        fields.stream().filter(name -> !name.equals(COUNT) && !known.knows(name)).findFirst().ifPresent(unknown -> {
            throw LuccaError.badRequest("unknown field " + unknown);
        });
        return fields;
    }
}
