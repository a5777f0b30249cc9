package org.kechuang.brokerage;

import java.time.Clock;
import java.util.List;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Engagements over the API. Unknown engagements and those the caller may not see answer 404 alike, so that nobody
 * learns that a confidential engagement exists.
 */
@RestController
@RequestMapping("/api/v1/engagements")
@PreAuthorize("isAuthenticated()")
class EngagementApi {

    static final int MAX_SIZE = 100;

    private final EngagementDesk desk;
    private final EngagementStore store;
    private final EngagementViews views;
    private final Clock clock;

    EngagementApi(EngagementDesk desk, EngagementStore store, EngagementViews views, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.views = views;
        this.clock = clock;
    }

    record Page(long total, List<EngagementView> results) {}

    record Rate(String side, Integer score, String comment, Integer version) {}

    record HandOver(Long managerId, Integer version) {}

    /** The engagements the caller may see, overdue ones first, then the latest changed. */
    @GetMapping
    Page list(
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) Long demandId,
            @RequestParam(required = false) Long managerId,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CurrentUser user) {
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid("size", "engagement.size.invalid", MAX_SIZE);
        }
        if (page < 0) {
            throw DomainException.invalid("page", "engagement.page.invalid");
        }
        EngagementQuery query =
                new EngagementQuery(stage(stage), demandId, managerId, overdue, clock.instant(), page, size);
        return EngagementLists.page(store, query, user, views);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    EngagementView start(@RequestBody EngagementDesk.Start command, @AuthenticationPrincipal CurrentUser user) {
        return views.of(desk.start(command, user), user);
    }

    @GetMapping("/{id}")
    EngagementView get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return desk.find(id, user)
                .map(e -> views.of(e, user))
                .orElseThrow(() -> DomainException.notFound("engagement.not-found", id));
    }

    /** Moves the engagement to {@code to}, with what that stage needs, on the version the caller read. */
    @PostMapping("/{id}/transitions")
    EngagementView move(
            @PathVariable long id,
            @RequestBody EngagementDesk.Move command,
            @AuthenticationPrincipal CurrentUser user) {
        return views.of(desk.move(id, command, user), user);
    }

    @PostMapping("/{id}/ratings")
    EngagementView rate(@PathVariable long id, @RequestBody Rate rate, @AuthenticationPrincipal CurrentUser user) {
        return views.of(desk.rate(id, rate.side(), rate.score(), rate.comment(), rate.version(), user), user);
    }

    @PostMapping("/{id}/manager")
    EngagementView handOver(
            @PathVariable long id, @RequestBody HandOver handOver, @AuthenticationPrincipal CurrentUser user) {
        return views.of(desk.handOver(id, handOver.managerId(), handOver.version(), user), user);
    }

    /** Every change with its actor, time and before/after: for the parties and operators. */
    @GetMapping("/{id}/audit")
    List<RecordHistory.Entry> audit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return desk.audit(id, user);
    }

    static Stage stage(String stage) {
        if (stage == null || stage.isBlank()) {
            return null;
        }
        try {
            return Stage.valueOf(stage.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw DomainException.invalid("stage", "engagement.stage.invalid", stage);
        }
    }
}
