package io.github.flatchrlucca.lucca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.flatchrlucca.http.ApiRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * A person's work contracts read page by page. Lucca documents the list as {@code {"items":[...], "count": n}} and
 * not how it pages (lucca-api.md): a page that names a {@code next} is followed, and the pages are read as one answer
 * ({@link LuccaContract#of}), which is refused when it still lacks contracts its count names.
 */
public final class WorkContractPages {

    private final ObjectNode whole = JsonNodeFactory.instance.objectNode();
    private final PagesWithoutEnd pages = new PagesWithoutEnd(LuccaRequests.FIND_WORK_CONTRACT);

    public WorkContractPages() {
        whole.putArray("items");
    }

    /**
     * Adds one page: the request for the next one, or null when this page was the last.
     *
     * @throws LuccaUnavailable when the page lists nothing the way Lucca documents, brings nothing new, or names a
     *                          next page that is not one of this list's
     */
    public ApiRequest add(JsonNode page) {
        List<JsonNode> items = LuccaEnvelopes.v4Items(LuccaRequests.FIND_WORK_CONTRACT, page);
        whole.withArray("items").addAll(items);
        // the total of the last page read: the one that names the pages' end
        if (page.has("count")) {
            whole.set("count", page.get("count"));
        } else {
            whole.remove("count");
        }
        if (!LuccaEnvelopes.hasNextPage(page)) {
            return null;
        }
        pages.next(items.stream().map(item -> item.path("id").asLong()).toList());
        return nextPage(page.path("next").asText());
    }

    /** The pages read, as one answer. */
    public JsonNode whole() {
        return whole.deepCopy();
    }

    /** A next page of this list, on the tenant's Lucca whatever host it names: only its path and query are sent. */
    private static ApiRequest nextPage(String next) {
        try {
            URI uri = new URI(next);
            if (LuccaRequests.WORK_CONTRACTS.equals(uri.getRawPath()) && uri.getRawQuery() != null) {
                return new ApiRequest(LuccaRequests.FIND_WORK_CONTRACT, "GET", LuccaRequests.WORK_CONTRACTS,
                        uri.getRawQuery(), null);
            }
        } catch (URISyntaxException e) {
            // told below, as any next page this read cannot follow
        }
        throw new LuccaUnavailable(LuccaRequests.FIND_WORK_CONTRACT, 200, LuccaAnswers.kept(next),
                "naming a next page that is not one of the work contracts' list: the read stops");
    }
}
