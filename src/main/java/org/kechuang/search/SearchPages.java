package org.kechuang.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The results page behind the global search bar: tabs per library, facets as links, highlighted snippets, pages, the
 * order, and when nothing is found, looser searches that do find something.
 */
@Controller
class SearchPages {

    static final int PAGE_SIZE = 20;
    private static final int MAX_SUGGESTIONS = 5;
    private static final int SUGGESTIONS_SHOWN = 8;

    private final SearchEngine engine;
    private final Map<String, SearchSource> sources;
    private final SearchLabels labels;
    private final Problems problems;

    SearchPages(SearchEngine engine, List<SearchSource> sources, SearchLabels labels, Problems problems) {
        this.engine = engine;
        this.sources = sources.stream().collect(Collectors.toMap(SearchSource::type, Function.identity()));
        this.labels = labels;
        this.problems = problems;
    }

    /**
     * @param estimated the count is an estimate from a sample of the matches (the "all" tab's when the total is; the
     *     other tabs' when the facets are)
     */
    record Tab(String type, String label, long count, boolean estimated, String href, boolean current) {}

    /** @param estimated the count is an estimate from a sample of the matches */
    record FacetLink(String label, long count, boolean estimated, String href) {}

    record Facet(String dimension, String heading, List<FacetLink> values) {}

    record ActiveFilter(String label, String removeHref) {}

    /** @param snippet HTML-escaped by the engine, with the matches in {@code <em>} */
    record Result(String type, String typeLabel, String title, String href, String status, String snippet) {}

    /**
     * @param kind {@code library} (every library instead of one), {@code filter} (without the filter named by {@code
     *     text}) or {@code query} (the words {@code text} instead)
     * @param estimated the count is an estimate from a sample of the matches
     */
    record Suggestion(String kind, String text, String href, long count, boolean estimated) {}

    record Completion(String text, String href) {}

    private record Candidate(String kind, String text, SearchLink link) {}

    @GetMapping("/search")
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer trl,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        SearchLink link = new SearchLink(blankToNull(q), type, industry, chain, region, trl, sort);
        Searcher searcher = Searcher.of(user);
        model.addAttribute("searchText", link.q());
        model.addAttribute("link", link);
        SearchHits hits;
        try {
            hits = engine.search(
                    SearchApi.query(link.q(), type, industry, chain, region, trl, sort, page, PAGE_SIZE, searcher));
        } catch (DomainException refused) {
            model.addAttribute("error", problems.message(refused.key(), refused.args(), locale));
            model.addAttribute("total", 0L);
            model.addAttribute("results", List.of());
            return "search/results";
        }
        model.addAttribute("total", hits.totalExact() ? hits.total() : rounded(hits.total()));
        model.addAttribute("totalExact", hits.totalExact());
        model.addAttribute(
                "results",
                hits.results().stream().map(hit -> result(hit, locale)).toList());
        model.addAttribute("tabs", tabs(link, hits, searcher, locale));
        model.addAttribute("facets", facets(link, hits, locale));
        model.addAttribute("facetsEstimated", hits.facetsEstimated());
        model.addAttribute("active", active(link, locale));
        model.addAttribute("sortHrefs", Map.of("relevance", link.sorted(null), "date", link.sorted("date")));
        long pages = Math.min((hits.total() + PAGE_SIZE - 1) / PAGE_SIZE, SearchApi.MAX_RESULT_WINDOW / PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        if (page > 0) {
            model.addAttribute("previousHref", link.page(page - 1));
        }
        if (page + 1 < pages) {
            model.addAttribute("nextHref", link.page(page + 1));
        }
        if (hits.total() == 0) {
            model.addAttribute("suggestions", suggestions(link, searcher, locale));
        }
        return "search/results";
    }

    /** The list under the search bar as one types (htmx); empty when nothing completes the text. */
    @GetMapping("/search/suggestions")
    String suggestions(
            @RequestParam(required = false) String q, @AuthenticationPrincipal CurrentUser user, Model model) {
        List<String> suggestions = q == null || q.length() > SearchApi.MAX_QUERY_LENGTH
                ? List.of()
                : engine.suggest(q, Searcher.of(user), SUGGESTIONS_SHOWN);
        model.addAttribute(
                "suggestions",
                suggestions.stream()
                        .map(text ->
                                new Completion(text, new SearchLink(text, null, null, null, null, null, null).href()))
                        .toList());
        return "search/suggestions :: list";
    }

    private Result result(SearchHits.Hit hit, Locale locale) {
        SearchSource source = sources.get(hit.type());
        return new Result(
                hit.type(),
                labels.type(hit.type(), locale),
                hit.title(),
                source == null ? null : source.link(hit.id()),
                hit.status() == null || hit.status().equals("PUBLISHED") ? null : labels.status(hit.status(), locale),
                hit.snippet());
    }

    /** Every library with its count for the same words and filters, whatever library is chosen now. */
    private List<Tab> tabs(SearchLink link, SearchHits hits, Searcher searcher, Locale locale) {
        SearchHits everyType =
                link.type() == null ? hits : engine.search(link.withType(null).query(searcher, 1));
        Map<String, Long> counts = counts(everyType, "type");
        List<Tab> tabs = new ArrayList<>();
        tabs.add(new Tab(
                null,
                labels.allTypes(locale),
                everyType.totalExact() ? everyType.total() : rounded(everyType.total()),
                !everyType.totalExact(),
                link.withType(null).href(),
                link.type() == null));
        for (String type : SearchLabels.TYPES) {
            tabs.add(new Tab(
                    type,
                    labels.type(type, locale),
                    counts.getOrDefault(type, 0L),
                    everyType.facetsEstimated(),
                    link.withType(type).href(),
                    type.equals(link.type())));
        }
        return tabs;
    }

    private static Map<String, Long> counts(SearchHits hits, String dimension) {
        Map<String, Long> counts = new LinkedHashMap<>();
        hits.facets().getOrDefault(dimension, List.of()).forEach(f -> counts.put(f.value(), f.count()));
        return counts;
    }

    private List<Facet> facets(SearchLink link, SearchHits hits, Locale locale) {
        List<Facet> facets = new ArrayList<>();
        for (String dimension : SearchLink.FILTERS) {
            if (link.value(dimension) != null) {
                continue;
            }
            List<FacetLink> values = hits.facets().getOrDefault(dimension, List.of()).stream()
                    .limit(12)
                    .map(f -> new FacetLink(
                            labels.value(dimension, f.value(), locale),
                            f.count(),
                            hits.facetsEstimated(),
                            link.with(dimension, f.value()).href()))
                    .toList();
            if (!values.isEmpty()) {
                facets.add(new Facet(dimension, labels.dimension(dimension, locale), values));
            }
        }
        return facets;
    }

    private List<ActiveFilter> active(SearchLink link, Locale locale) {
        List<ActiveFilter> active = new ArrayList<>();
        for (String dimension : SearchLink.FILTERS) {
            String value = link.value(dimension);
            if (value != null) {
                active.add(new ActiveFilter(
                        labels.dimension(dimension, locale) + ": " + labels.value(dimension, value, locale),
                        link.with(dimension, null).href()));
            }
        }
        return active;
    }

    /**
     * Looser searches that find something: without one of the filters, the mainland term for Taiwan vocabulary, the
     * words apart instead of as one phrase, or fewer words.
     */
    private List<Suggestion> suggestions(SearchLink link, Searcher searcher, Locale locale) {
        List<Candidate> candidates = new ArrayList<>();
        if (link.type() != null) {
            candidates.add(new Candidate("library", labels.type(link.type(), locale), link.withType(null)));
        }
        for (String dimension : SearchLink.FILTERS) {
            String value = link.value(dimension);
            if (value != null) {
                candidates.add(new Candidate(
                        "filter",
                        labels.dimension(dimension, locale) + ": " + labels.value(dimension, value, locale),
                        link.with(dimension, null)));
            }
        }
        for (String looser : QueryRelaxations.of(link.q(), engine::words)) {
            candidates.add(new Candidate("query", looser, link.withQ(looser)));
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (Candidate candidate : candidates) {
            SearchHits found = engine.search(candidate.link().query(searcher, 1));
            if (found.total() > 0) {
                suggestions.add(new Suggestion(
                        candidate.kind(),
                        candidate.text(),
                        candidate.link().href(),
                        found.totalExact() ? found.total() : rounded(found.total()),
                        !found.totalExact()));
            }
            if (suggestions.size() == MAX_SUGGESTIONS) {
                break;
            }
        }
        return suggestions;
    }

    /** An estimated total as shown: to three significant digits (236,841 → 237,000), no more precise than it is. */
    static long rounded(long estimate) {
        long unit = 1;
        while (estimate / unit >= 1_000) {
            unit *= 10;
        }
        return Math.round((double) estimate / unit) * unit;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
