package org.kechuang.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.OwnRecords;
import org.kechuang.platform.web.WorkbenchPanel;
import org.kechuang.search.SearchDocument;
import org.kechuang.search.SearchSource;
import org.kechuang.search.Searcher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recommended for you (为你推荐): what matching proposes for the user's own published records — for the demands they
 * posted the achievements and experts, for the expert profile they hold and the achievements they entered the demands
 * — each proposal with the reasons of its pair. A panel on the workbench and {@code GET /api/v1/me/recommendations}.
 * The libraries say which records are the user's ({@link OwnRecords}); the proposals are only records the user may
 * see, as everywhere in matching.
 */
@RestController
class Recommendations implements WorkbenchPanel<CurrentUser> {

    /** The user's latest own records per library that recommendations are made for. */
    static final int RECORDS_PER_LIBRARY = 3;
    /** Proposals per record on the workbench; the record's page shows more. */
    static final int PANEL_SIZE = 3;

    /** For each library of the user's records, in the order shown, what is proposed for them. */
    private static final Map<String, List<String>> TARGETS = Map.of(
            "demand", List.of("achievement", "expert"),
            "expert", List.of("demand"),
            "achievement", List.of("demand"));

    private static final List<String> LIBRARIES = List.of("demand", "expert", "achievement");

    private final Matching matching;
    private final Map<String, OwnRecords> owned;
    private final Map<String, SearchSource> sources;

    Recommendations(Matching matching, List<OwnRecords> owned, List<SearchSource> sources) {
        this.matching = matching;
        this.owned = owned.stream().collect(Collectors.toMap(OwnRecords::type, Function.identity()));
        this.sources = sources.stream().collect(Collectors.toMap(SearchSource::type, Function.identity()));
    }

    /** One of the user's own records. */
    record Source(String type, long id, String title, String link) {}

    /**
     * The proposals of one kind for one of the user's records; empty when there is none yet (a record published a
     * moment ago is not yet in the matching index).
     */
    record Group(Source source, String target, List<Matching.Result> results) {}

    /**
     * @param groups per own record and kind of proposal: demands first, then the expert profile, then achievements
     * @param mayPostDemand whether the user is an enterprise (with nothing to recommend for, they are told to post a
     *     demand)
     * @param mayOffer whether the user is an expert (told to publish an achievement or get their profile)
     */
    record Recommended(List<Group> groups, boolean mayPostDemand, boolean mayOffer) {}

    @GetMapping("/api/v1/me/recommendations")
    Recommended forMe(
            @RequestParam(defaultValue = "5") int limit, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return recommended(user, limit, locale);
    }

    Recommended recommended(CurrentUser user, int limit, Locale locale) {
        if (limit < 1 || limit > Matching.MAX_LIMIT) {
            throw DomainException.invalid("limit", "matching.limit", Matching.MAX_LIMIT);
        }
        Searcher searcher = Searcher.of(user);
        List<Group> groups = new ArrayList<>();
        for (String library : LIBRARIES) {
            OwnRecords records = owned.get(library);
            SearchSource source = sources.get(library);
            if (records == null || source == null) {
                continue;
            }
            List<Long> ids = records.publishedBy(user.id(), RECORDS_PER_LIBRARY);
            List<SearchDocument> found = source.documents(ids).stream()
                    .sorted(java.util.Comparator.comparingInt(record -> ids.indexOf(record.id())))
                    .toList();
            for (SearchDocument record : found) {
                Source mine = new Source(library, record.id(), record.title(), source.link(record.id()));
                for (String target : TARGETS.get(library)) {
                    groups.add(new Group(mine, target, proposals(mine, target, searcher, limit, locale)));
                }
            }
        }
        return new Recommended(groups, user.has(Role.ENTERPRISE), user.has(Role.EXPERT));
    }

    private List<Matching.Result> proposals(Source mine, String target, Searcher searcher, int limit, Locale locale) {
        try {
            return matching.forRecord(mine.type(), mine.id(), target, searcher, limit, locale);
        } catch (DomainException notYetIndexed) {
            return List.of();
        }
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String messageKey() {
        return "matching.workbench.heading";
    }

    /** For the enterprises and experts, and for anyone with published records of their own. */
    @Override
    public Optional<Content> render(CurrentUser user, Locale locale) {
        Recommended recommended = recommended(user, PANEL_SIZE, locale);
        if (recommended.groups().isEmpty() && !recommended.mayPostDemand() && !recommended.mayOffer()) {
            return Optional.empty();
        }
        return Optional.of(new Content("matching/workbench", recommended));
    }
}
