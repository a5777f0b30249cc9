package org.kechuang.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Searching every library at once, and the rebuild of the index for operators. */
@RestController
@RequestMapping("/api/v1/search")
class SearchApi {

    static final int MAX_QUERY_LENGTH = 100;
    static final int MAX_SIZE = 100;
    static final int MAX_SUGGESTIONS = 20;
    /** Deeper pages cost a sort over all results before them; nobody reads that far. */
    static final int MAX_RESULT_WINDOW = 10_000;

    private final SearchEngine engine;
    private final SearchRebuilds rebuilds;

    SearchApi(SearchEngine engine, SearchRebuilds rebuilds) {
        this.engine = engine;
        this.rebuilds = rebuilds;
    }

    /**
     * @param status the publication status (a draft is found by those who may see it), null for organizations
     * @param snippet a passage of the record with the matches in {@code <em>}, HTML-escaped
     */
    record Result(long id, String type, String title, String status, String snippet, float score) {}

    /** {@link Page#totalRelation()}: the total is the exact count. */
    static final String EXACTLY = "eq";
    /** {@link Page#totalRelation()}: the total is an estimate from a random sample of the matches. */
    static final String ESTIMATE = "estimate";

    /**
     * @param total how many records match: exactly when {@code totalRelation} is {@code eq}; when it is {@code
     *     estimate}, estimated from a random sample of the matches (within ±3 % in about 19 searches out of 20), so that
     *     the best could be found without visiting all of them
     * @param facetsEstimated true when the facet counts are estimates from a sample of the matches (a search matching
     *     more than {@value LuceneSearchEngine#FACETS_COUNTED_UP_TO} records), false when they are exact
     */
    record Page(
            @Schema(
                    description = "How many records match: exactly when totalRelation is eq; when it is estimate,"
                            + " estimated from a random sample of the matches, within ±3 % of the true number in"
                            + " about 19 searches out of 20 (a search matching more than "
                            + LuceneSearchEngine.FACETS_COUNTED_UP_TO
                            + " records, unless the index can count them without visiting them)")
            long total,

            @Schema(
                    description =
                            "eq: total is exact; estimate: total is estimated from a random sample of the" + " matches",
                    allowableValues = {"eq", "estimate"})
            String totalRelation,

            List<Result> results,
            Map<String, List<SearchHits.FacetCount>> facets,

            @Schema(
                    description = "true when the facet counts are estimates from a random sample of the"
                            + " matches (a search matching more than "
                            + LuceneSearchEngine.FACETS_COUNTED_UP_TO + " records)")
            boolean facetsEstimated) {}

    /**
     * The records of every library matching the words typed that the caller may see, best first, with the facet counts
     * of all of them (estimated from a sample when they are very many): published ones for everyone (confidential demands for technology managers), and every status of
     * their own records and of their stations' records.
     *
     * @param q the words, in simplified or traditional characters, full- or half-width; blank for every record
     * @param type a library: {@code demand}, {@code achievement}, {@code expert}, {@code case}, {@code organization}
     * @param industry a GB/T 4754 section, division, group or class
     * @param chain an industry chain or one of its nodes
     * @param region a GB/T 2260 code: a province covers its cities and counties
     * @param trl a technology readiness level 1–9
     * @param sort {@code relevance} (best matches first) or {@code date} (latest changed first)
     */
    @GetMapping
    Page search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer trl,
            @RequestParam(defaultValue = "relevance") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CurrentUser user) {
        SearchHits hits =
                engine.search(query(q, type, industry, chain, region, trl, sort, page, size, Searcher.of(user)));
        return new Page(
                hits.total(),
                hits.totalExact() ? EXACTLY : ESTIMATE,
                hits.results().stream()
                        .map(hit ->
                                new Result(hit.id(), hit.type(), hit.title(), hit.status(), hit.snippet(), hit.score()))
                        .toList(),
                hits.facets(),
                hits.facetsEstimated());
    }

    /** The query as the API and the results page take it, refused when out of bounds. */
    static SearchQuery query(
            String q,
            String type,
            String industry,
            String chain,
            String region,
            Integer trl,
            String sort,
            int page,
            int size,
            Searcher searcher) {
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw DomainException.invalid("q", "search.query.too-long", MAX_QUERY_LENGTH);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid("size", "search.size.invalid", MAX_SIZE);
        }
        if (page < 0 || (long) (page + 1) * size > MAX_RESULT_WINDOW) {
            throw DomainException.invalid("page", "search.page.invalid", MAX_RESULT_WINDOW);
        }
        return new SearchQuery(q, type, industry, chain, region, trl, order(sort), searcher, page, size);
    }

    private static SearchQuery.Order order(String sort) {
        if (sort == null || sort.isBlank() || sort.equals("relevance")) {
            return SearchQuery.Order.RELEVANCE;
        }
        if (sort.equals("date")) {
            return SearchQuery.Order.DATE;
        }
        throw DomainException.invalid("sort", "search.sort.invalid");
    }

    record Suggestions(List<String> suggestions) {}

    /**
     * Titles and keywords that complete what is being typed, from any of their words or by pinyin initials ({@code
     * rgzn} → 人工智能), among the records the caller may see; those of most records first.
     */
    @GetMapping("/suggest")
    Suggestions suggest(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "8") int size,
            @AuthenticationPrincipal CurrentUser user) {
        return new Suggestions(suggestions(engine, q, size, Searcher.of(user)));
    }

    static List<String> suggestions(SearchEngine engine, String q, int size, Searcher searcher) {
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw DomainException.invalid("q", "search.query.too-long", MAX_QUERY_LENGTH);
        }
        if (size < 1 || size > MAX_SUGGESTIONS) {
            throw DomainException.invalid("size", "search.size.invalid", MAX_SUGGESTIONS);
        }
        return engine.suggest(q, searcher, size);
    }

    /** Rebuilds the index from the libraries in the background; answers its status (the running one, if any). */
    @PostMapping("/reindex")
    @PreAuthorize("hasRole('OPERATOR')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SearchRebuilds.RebuildStatus reindex() {
        return rebuilds.start("operator");
    }

    /** The progress of the running rebuild, or how the last one ended. */
    @GetMapping("/reindex")
    @PreAuthorize("hasRole('OPERATOR')")
    SearchRebuilds.RebuildStatus reindexStatus() {
        return rebuilds.status();
    }
}
