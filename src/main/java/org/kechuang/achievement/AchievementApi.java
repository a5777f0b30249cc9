package org.kechuang.achievement;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.history.RecordHistory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Achievements over HTTP. Reading is public within the visibility rules (a hidden achievement answers 404, as a missing one);
 * members post and edit their own, station admins and operators curate.
 */
@RestController
@RequestMapping("/api/v1/achievements")
class AchievementApi {

    private final AchievementCatalog catalog;
    private final AchievementViews views;

    AchievementApi(AchievementCatalog catalog, AchievementViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    record Page(long total, List<AchievementResource> results) {}

    record ReturnRequest(String reason) {}

    /**
     * @param status a publication status or {@code ALL}; published by default, any status with {@code mine}
     * @param industry a GB/T 4754 code: a section covers all its classes, a division its groups and classes
     * @param chain an industry chain code (all its nodes) or a node code
     * @param region a GB/T 2260 code: a province covers its cities and counties
     * @param mode a cooperation mode
     * @param q part of the title, insensitive to traditional/simplified and full/half width
     * @param trl the lowest maturity level (1–9)
     * @param keyword one keyword, exactly
     * @param patent a CN patent or application number in any common form
     * @param mine only the caller's own achievements
     */
    @GetMapping
    Page list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String industry,
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long station,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) String trl,
            @RequestParam(required = false) String keyword,
            @RequestParam(required = false) String patent,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        var found = catalog.search(
                new AchievementCatalog.Query(
                        status, mine, industry, chain, region, mode, trl, keyword, patent, q, station, page, size),
                user);
        return new Page(
                found.total(),
                found.results().stream().map(d -> views.of(d, user, locale)).toList());
    }

    @GetMapping("/{id}")
    AchievementResource get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return views.of(catalog.get(id, user), user, locale);
    }

    /** Creates a draft; {@code stationId} in the body names the station it is entered into. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AchievementResource> create(
            @RequestBody AchievementDraft draft, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        Achievement created = catalog.create(draft, user);
        return ResponseEntity.created(URI.create("/api/v1/achievements/" + created.id()))
                .body(views.of(created, user, locale));
    }

    /** Replaces the content; {@code version} must be the version the edit is based on. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    AchievementResource update(
            @PathVariable long id,
            @RequestBody AchievementDraft draft,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return views.of(catalog.revise(id, draft, user), user, locale);
    }

    /** Submits the achievement: published at once when the content screen finds it clear, otherwise held. */
    @PostMapping("/{id}/submit")
    AchievementResource submit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return views.of(catalog.submit(id, user), user, locale);
    }

    @PostMapping(path = "/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    AchievementResource returnToAuthor(
            @PathVariable long id,
            @RequestBody ReturnRequest request,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return views.of(catalog.returnWith(id, request.reason(), user), user, locale);
    }

    @PostMapping("/{id}/archive")
    AchievementResource archive(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return views.of(catalog.archive(id, user), user, locale);
    }

    @GetMapping("/{id}/history")
    List<RecordHistory.Entry> history(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return catalog.history(id, user);
    }
}
