package org.kechuang.matching;

import java.util.List;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.search.Searcher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Matches over HTTP: for a demand (achievements, experts or organizations), for an achievement or an expert (demands),
 * and for a text not yet saved. Reading is public within the visibility rules: a record the caller may not see answers
 * 404, and only records they may see are proposed. Accept / decline is for the demand's owner and managers.
 */
@RestController
class MatchingApi {

    private final Matching matching;
    private final MatchFeedback feedback;
    private final MatchingSync sync;
    private final MatchingIndex index;

    MatchingApi(Matching matching, MatchFeedback feedback, MatchingSync sync, MatchingIndex index) {
        this.matching = matching;
        this.feedback = feedback;
        this.sync = sync;
        this.index = index;
    }

    /**
     * The learnt vectors' state.
     *
     * @param started whether this call started a training
     * @param training whether a training is running
     * @param records records in the matching index now
     * @param learntFrom records the current vectors were learnt from (a sample), 0 before the first training
     * @param recordsWhenLearnt records the index held when they were learnt
     */
    record Training(boolean started, boolean training, long records, long learntFrom, long recordsWhenLearnt) {}

    record Matches(List<Matching.Result> results) {}

    record PreviewRequest(String text, String target, Integer limit) {}

    @GetMapping("/api/v1/demands/{id}/matches")
    Matches forDemand(
            @PathVariable long id,
            @RequestParam(defaultValue = "achievement") String target,
            @RequestParam(defaultValue = "10") int limit,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return new Matches(matching.forRecord("demand", id, target, Searcher.of(user), limit, locale));
    }

    @GetMapping("/api/v1/achievements/{id}/matches")
    Matches forAchievement(
            @PathVariable long id,
            @RequestParam(defaultValue = "10") int limit,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return new Matches(matching.forRecord("achievement", id, "demand", Searcher.of(user), limit, locale));
    }

    @GetMapping("/api/v1/experts/{id}/matches")
    Matches forExpert(
            @PathVariable long id,
            @RequestParam(defaultValue = "10") int limit,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return new Matches(matching.forRecord("expert", id, "demand", Searcher.of(user), limit, locale));
    }

    /** What the platform would propose for a demand text not yet saved. */
    @PostMapping(path = "/api/v1/matching/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    Matches preview(@RequestBody PreviewRequest request, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return new Matches(matching.forText(
                request.text(),
                request.target(),
                Searcher.of(user),
                request.limit() == null ? 10 : request.limit(),
                locale));
    }

    /** Learns the vectors again from the index in the background (operators); answers the state. */
    @PostMapping("/api/v1/matching/retrain")
    @PreAuthorize("hasRole('OPERATOR')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Training retrain() {
        return training(sync.retrainNow());
    }

    /** Whether a training is running, and what the current vectors were learnt from (operators). */
    @GetMapping("/api/v1/matching/retrain")
    @PreAuthorize("hasRole('OPERATOR')")
    Training trainingState() {
        return training(false);
    }

    private Training training(boolean started) {
        LatentSpace space = index.space();
        return new Training(
                started, sync.training(), index.count(), space == null ? 0 : space.documents(), index.spaceRecords());
    }

    /** Accepts or declines a proposed pair; the latest decision counts. */
    @PostMapping(path = "/api/v1/demands/{id}/matches/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    MatchFeedback.Decision decide(
            @PathVariable long id,
            @RequestBody MatchFeedback.Request request,
            @AuthenticationPrincipal CurrentUser user) {
        return feedback.decide(id, request, user);
    }
}
