package org.kechuang.caselib;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.web.FieldProblem;
import org.kechuang.platform.web.Problems;
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
 * Application cases over HTTP. Reading is public within the visibility rules (a hidden case answers 404, as a missing
 * one); members post and edit their own, station admins and operators curate.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApi {

    private final CaseCatalog catalog;
    private final CaseViews views;
    private final Problems problems;

    CaseApi(CaseCatalog catalog, CaseViews views, Problems problems) {
        this.catalog = catalog;
        this.views = views;
        this.problems = problems;
    }

    /*
     * The problems that carry more than one error (a case with several bad fields) or more than a key (a stale edit
     * names the fields changed since) are answered here: a controller's own handlers come before every advice,
     * including the platform's, which renders every other refusal.
     */

    @ExceptionHandler(CaseRejected.class)
    ResponseEntity<ProblemDetail> rejected(CaseRejected rejected, Locale locale) {
        List<FieldProblem> errors = rejected.violations().stream()
                .map(v -> new FieldProblem(v.field(), v.key(), problems.message(v.key(), v.argArray(), locale)))
                .toList();
        return respond(problems.invalid(errors, locale));
    }

    @ExceptionHandler(CaseStale.class)
    ResponseEntity<ProblemDetail> stale(CaseStale stale, Locale locale) {
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

    record Page(long total, List<CaseResource> results) {}

    record ReturnRequest(String reason) {}

    /**
     * @param status a publication status or {@code ALL}; published by default, any status with {@code mine}
     * @param industry a GB/T 4754 code: a section covers all its classes, a division its groups and classes
     * @param chain an industry chain code (all its nodes) or a node code
     * @param region a GB/T 2260 code: a province covers its cities and counties
     * @param kind cases with an {@code ECONOMIC} or a {@code TECHNICAL} figure
     * @param keyword one keyword, exactly
     * @param demand cases that answered this demand
     * @param achievement cases that applied this achievement
     * @param expert cases this expert took part in
     * @param q part of the title, insensitive to traditional/simplified and full/half width
     * @param mine only the caller's own cases
     */
    @GetMapping
    Page list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String keyword,
            @RequestParam(required = false) Long demand,
            @RequestParam(required = false) Long achievement,
            @RequestParam(required = false) Long expert,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long station,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        var found = catalog.search(
                new CaseCatalog.Query(
                        status,
                        mine,
                        industry,
                        chain,
                        region,
                        kind,
                        keyword,
                        demand,
                        achievement,
                        expert,
                        q,
                        station,
                        page,
                        size),
                user);
        return new Page(
                found.total(),
                found.results().stream().map(c -> views.of(c, user, locale)).toList());
    }

    @GetMapping("/{id}")
    CaseResource get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return views.of(catalog.get(id, user), user, locale);
    }

    /** Creates a draft; {@code stationId} in the body names the station it is entered into. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseResource> create(
            @RequestBody CaseDraft draft, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        ApplicationCase created = catalog.create(draft, user);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + created.id()))
                .body(views.of(created, user, locale));
    }

    /** Replaces the content; {@code version} must be the version the edit is based on. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseResource update(
            @PathVariable long id,
            @RequestBody CaseDraft draft,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return views.of(catalog.revise(id, draft, user), user, locale);
    }

    /** Submits the case: published at once when the content screen finds it clear, otherwise held. */
    @PostMapping("/{id}/submit")
    CaseResource submit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return views.of(catalog.submit(id, user), user, locale);
    }

    @PostMapping(path = "/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseResource returnToAuthor(
            @PathVariable long id,
            @RequestBody ReturnRequest request,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return views.of(catalog.returnWith(id, request.reason(), user), user, locale);
    }

    @PostMapping("/{id}/archive")
    CaseResource archive(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return views.of(catalog.archive(id, user), user, locale);
    }

    @GetMapping("/{id}/history")
    List<RecordHistory.Entry> history(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return catalog.history(id, user);
    }
}
