package org.kechuang.talent;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.web.FieldProblem;
import org.kechuang.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Expert profiles over HTTP. Reading is public within the visibility rules (a hidden profile answers 404, as a missing
 * one) and contact details are gated; experts keep their own profile and claim imported ones, station admins and
 * operators curate.
 */
@RestController
@RequestMapping("/api/v1/experts")
class ExpertApi {

    private final ExpertCatalog catalog;
    private final ExpertViews views;
    private final Problems problems;

    ExpertApi(ExpertCatalog catalog, ExpertViews views, Problems problems) {
        this.catalog = catalog;
        this.views = views;
        this.problems = problems;
    }

    /*
     * The problems that carry more than one error (a profile with several bad fields) or more than a key (a stale edit
     * names the fields changed since) are answered here: a controller's own handlers come before every advice,
     * including the platform's, which renders every other refusal.
     */

    @ExceptionHandler(ExpertRejected.class)
    ResponseEntity<ProblemDetail> rejected(ExpertRejected rejected, Locale locale) {
        List<FieldProblem> errors = rejected.violations().stream()
                .map(v -> new FieldProblem(v.field(), v.key(), problems.message(v.key(), v.argArray(), locale)))
                .toList();
        return respond(problems.invalid(errors, locale));
    }

    @ExceptionHandler(ExpertStale.class)
    ResponseEntity<ProblemDetail> stale(ExpertStale stale, Locale locale) {
        ProblemDetail problem = problems.of(stale, locale);
        problem.setProperty("changedFields", stale.changedFields());
        problem.setProperty("currentVersion", stale.currentVersion());
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    record Page(long total, List<ExpertResource> results) {}

    record ReasonRequest(String reason) {}

    record ConsentRequest(String scope) {}

    /** A claim and, when it was granted at once, the profile as it is now. */
    record ClaimResource(ExpertClaim claim, ExpertResource expert) {}

    /**
     * @param status a publication status or {@code ALL}; published by default, any status with {@code mine}
     * @param discipline an NSFC code: a department letter covers its codes, a code the codes below it
     * @param region a GB/T 2260 code: a province covers its cities and counties
     * @param keyword one keyword, exactly
     * @param field one research field, exactly
     * @param society the id of a national society the expert belongs to
     * @param young only young talents (青年人才)
     * @param overseas only overseas experts (海外)
     * @param availability {@code AVAILABLE}, {@code LIMITED} or {@code UNAVAILABLE}
     * @param q part of the name or the affiliation, insensitive to traditional/simplified and full/half width
     * @param unclaimed only profiles no expert has claimed yet
     * @param mine only the caller's own profiles (entered or claimed)
     */
    @GetMapping
    Page list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String discipline,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String keyword,
            @RequestParam(required = false) String field,
            @RequestParam(required = false) Long society,
            @RequestParam(defaultValue = "false") boolean young,
            @RequestParam(defaultValue = "false") boolean overseas,
            @RequestParam(required = false) String availability,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long station,
            @RequestParam(defaultValue = "false") boolean unclaimed,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        var found = catalog.search(
                new ExpertCatalog.Query(
                        status,
                        mine,
                        discipline,
                        region,
                        keyword,
                        field,
                        society,
                        young,
                        overseas,
                        availability,
                        q,
                        station,
                        unclaimed,
                        page,
                        size),
                user);
        return new Page(
                found.total(),
                found.results().stream().map(e -> views.of(e, user, locale)).toList());
    }

    @GetMapping("/{id}")
    ExpertResource get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return views.of(catalog.get(id, user), user, locale);
    }

    /** Creates a draft; {@code stationId} in the body names the station it is entered into. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExpertResource> create(
            @RequestBody ExpertDraft draft, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        Expert created = catalog.create(draft, user);
        return ResponseEntity.created(URI.create("/api/v1/experts/" + created.id()))
                .body(views.of(created, user, locale));
    }

    /** Replaces the content; {@code version} must be the version the edit is based on. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ExpertResource update(
            @PathVariable long id,
            @RequestBody ExpertDraft draft,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return views.of(catalog.revise(id, draft, user), user, locale);
    }

    /** Submits the profile: published at once when the content screen finds it clear, otherwise held. */
    @PostMapping("/{id}/submit")
    ExpertResource submit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return views.of(catalog.submit(id, user), user, locale);
    }

    @PostMapping(path = "/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    ExpertResource returnToAuthor(
            @PathVariable long id,
            @RequestBody ReasonRequest request,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return views.of(catalog.returnWith(id, request.reason(), user), user, locale);
    }

    @PostMapping("/{id}/archive")
    ExpertResource archive(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return views.of(catalog.archive(id, user), user, locale);
    }

    @GetMapping("/{id}/history")
    List<RecordHistory.Entry> history(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return catalog.history(id, user);
    }

    /**
     * Claims an unclaimed profile for the caller (an expert account): 200 with the profile when the caller's verified
     * e-mail is the profile's, 202 with the pending claim when a curator of the station has to decide.
     */
    @PostMapping("/{id}/claim")
    ResponseEntity<ClaimResource> claim(
            @PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        ExpertCatalog.Claimed claimed = catalog.claim(id, user);
        boolean granted = claimed.claim().status() == ExpertClaim.Status.APPROVED;
        return ResponseEntity.status(granted ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(new ClaimResource(claimed.claim(), views.of(claimed.expert(), user, locale)));
    }

    /** The profile's claims, newest first: for its curators and the expert who holds it. */
    @GetMapping("/{id}/claims")
    List<ExpertClaim> claims(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return catalog.claims(id, user);
    }

    @PostMapping("/{id}/claims/{claimId}/approve")
    ExpertResource approveClaim(
            @PathVariable long id,
            @PathVariable long claimId,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return views.of(catalog.approveClaim(id, claimId, user), user, locale);
    }

    @PostMapping(path = "/{id}/claims/{claimId}/refuse", consumes = MediaType.APPLICATION_JSON_VALUE)
    ExpertClaim refuseClaim(
            @PathVariable long id,
            @PathVariable long claimId,
            @RequestBody ReasonRequest request,
            @AuthenticationPrincipal CurrentUser user) {
        return catalog.refuseClaim(id, claimId, request.reason(), user);
    }

    /**
     * Records the expert's consent: {@code PROFILE}, {@code CONTACT} (the contact details for entitled users) or
     * {@code NONE} to withdraw it. The expert gives it themself; a curator records a consent given in writing.
     */
    @PutMapping(path = "/{id}/consent", consumes = MediaType.APPLICATION_JSON_VALUE)
    ExpertResource consent(
            @PathVariable long id,
            @RequestBody ConsentRequest request,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return views.of(catalog.consent(id, request.scope(), user), user, locale);
    }
}
