package io.github.flatchrlucca.fake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@code /directory/api/4.0/work-contracts}: where the contract type and start date are set, and a rehire's made. */
final class WorkContractsResource {

    static final String PATH = "/directory/api/4.0/work-contracts";
    private static final String OWNER_FILTER = "ownerId[]";

    private final Directory directory;
    private final String baseUrl;
    /** Contracts a page when the request names no limit; 0: all of them on one page, without a next. */
    private volatile int perPage;

    WorkContractsResource(Directory directory, String baseUrl) {
        this.directory = directory;
        this.baseUrl = baseUrl;
    }

    /** See {@link FakeLucca#pageWorkContracts}. */
    void pageBy(int contracts) {
        if (contracts < 0) {
            throw new IllegalArgumentException("a page holds no fewer than 0 contracts: " + contracts);
        }
        perPage = contracts;
    }

    /**
     * {@code ownerId[]} may repeat; without it every contract is listed. {@code count} is the list's total whatever
     * the page; once paged (by a test, or by {@code page} and {@code limit}), {@code next} is the absolute URL of the
     * following page, with the same filter, and null on the last one, as the departments' list pages.
     */
    Reply list(Call call) {
        Query query = call.query();
        Set<Integer> owners = query.all(OWNER_FILTER).stream()
                .map(value -> Query.parseInt(OWNER_FILTER, value))
                .collect(Collectors.toCollection(TreeSet::new));
        List<WorkContract> items = directory.contracts().stream()
                .filter(contract -> owners.isEmpty() || owners.contains(contract.ownerId()))
                .toList();
        int page = query.integer("page", 1);
        int limit = query.integer("limit", perPage == 0 ? Math.max(items.size(), 1) : perPage);
        if (page < 1 || limit < 1) {
            throw LuccaError.badRequest("page and limit must be positive");
        }
        int from = (int) Math.min((long) (page - 1) * limit, items.size());
        int to = (int) Math.min((long) from + limit, items.size());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items.subList(from, to));
        json.put("count", items.size());
        if (perPage != 0 || query.first("limit").isPresent()) {
            json.put("next", to < items.size() ? nextPage(owners, page + 1, limit) : null);
        }
        return Reply.ok(json);
    }

    private String nextPage(Set<Integer> owners, int page, int limit) {
        String filter = owners.stream()
                .map(owner -> URLEncoder.encode(OWNER_FILTER, StandardCharsets.UTF_8) + "=" + owner + "&")
                .collect(Collectors.joining());
        return baseUrl + PATH + "?" + filter + "page=" + page + "&limit=" + limit;
    }

    /** A new contract for an existing person: 201 with the contract, or Lucca's 400 (no such person, an overlap). */
    Reply create(Call call) {
        WorkContract created = directory.addContract(ContractPatch.readNew(call.body()).newContract());
        Reply ok = Reply.ok(created);
        return new Reply(201, ok.body(), ok.headers());
    }

    Reply patch(Call call, int id) {
        ContractPatch patch = ContractPatch.read(call.body());
        return directory.changeContract(id, patch::applyTo)
                .map(Reply::ok)
                .orElseThrow(() -> LuccaError.notFound("no work contract " + id));
    }
}
