package org.kechuang.brokerage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kechuang.demand.Demands;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The engagement pages: the managers' board by stage, an engagement's page with the forms of its next move, the start
 * form and a demand's full timeline. Every change goes through {@link EngagementDesk} exactly as the API's, with the
 * version the page was read at; what the desk refuses comes back next to the field it concerns.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class EngagementPages {

    /** Cards per open column; the column says how many more there are. */
    static final int COLUMN_SIZE = 50;
    /** Cards per ended column (evaluated, closed): the latest of the last {@link #RECENT}. */
    static final int ENDED_SIZE = 20;

    static final Duration RECENT = Duration.ofDays(30);
    /** How many engagements a text filter looks through per column. */
    static final int TEXT_SCAN = 500;

    static final int LIST_SIZE = 20;
    static final int RESULT_ROWS = 5;
    static final List<Stage> OPEN =
            List.of(Stage.PROPOSED, Stage.CONTACTED, Stage.NEGOTIATING, Stage.CONTRACTED, Stage.DELIVERING);
    static final List<Stage> ENDED = List.of(Stage.EVALUATED, Stage.CLOSED);

    private final EngagementDesk desk;
    private final EngagementStore store;
    private final EngagementViews views;
    private final EngagementTrail trail;
    private final Demands demands;
    private final Accounts accounts;
    private final Problems problems;
    private final Clock clock;

    EngagementPages(
            EngagementDesk desk,
            EngagementStore store,
            EngagementViews views,
            EngagementTrail trail,
            Demands demands,
            Accounts accounts,
            Problems problems,
            Clock clock) {
        this.desk = desk;
        this.store = store;
        this.views = views;
        this.trail = trail;
        this.demands = demands;
        this.accounts = accounts;
        this.problems = problems;
        this.clock = clock;
    }

    /** A card on the board or a row of the list: the engagement as its reader may see it. */
    record Card(EngagementView view, String due, String updated, Stage forward, boolean forwardNeedsForm) {

        public boolean mayClose() {
            return view.next().contains(Stage.CLOSED);
        }
    }

    record Column(Stage stage, List<Card> cards, long total, boolean ended) {}

    /** The board's filters as typed. */
    record Filters(String stage, Boolean overdue, String q, Long manager) {

        public boolean overdueOnly() {
            return Boolean.TRUE.equals(overdue);
        }

        public boolean any() {
            return (stage != null && !stage.isBlank())
                    || overdueOnly()
                    || (q != null && !q.isBlank())
                    || manager != null;
        }
    }

    /** What the move forms post: only what the target stage needs is read. */
    record MoveForm(
            String to,
            Integer version,
            String contractType,
            String contractValue,
            String signedOn,
            String registrationNumber,
            List<String> indicator,
            List<String> value,
            List<String> unit,
            String resultsNote,
            String reason,
            String note,
            String back) {

        static MoveForm empty() {
            return new MoveForm(
                    null, null, null, null, null, null, List.of(), List.of(), List.of(), null, null, null, null);
        }

        EngagementDesk.Move command() {
            ContractRules.Typed contract = Stage.CONTRACTED.name().equalsIgnoreCase(to)
                    ? new ContractRules.Typed(contractType, contractValue, signedOn, registrationNumber)
                    : null;
            List<EngagementDesk.TypedResult> results = new ArrayList<>();
            for (int i = 0; i < size(indicator); i++) {
                results.add(new EngagementDesk.TypedResult(at(indicator, i), at(value, i), at(unit, i)));
            }
            return new EngagementDesk.Move(to, version, contract, results, resultsNote, reason, note);
        }

        /** The measured-result rows to show: those typed, and a few empty ones. */
        public List<ResultRow> rows() {
            List<ResultRow> rows = new ArrayList<>();
            for (int i = 0; i < size(indicator); i++) {
                rows.add(new ResultRow(i, cut(at(indicator, i)), cut(at(value, i)), cut(at(unit, i))));
            }
            while (rows.size() < Math.min(EngagementDesk.MAX_RESULTS, Math.max(RESULT_ROWS, rows.size() + 2))) {
                rows.add(new ResultRow(rows.size(), null, null, null));
            }
            return rows;
        }

        private int size(List<String> values) {
            return values == null ? 0 : Math.min(values.size(), EngagementDesk.MAX_RESULTS + 1);
        }

        private static String at(List<String> values, int i) {
            return values != null && i < values.size() ? values.get(i) : null;
        }
    }

    record ResultRow(int index, String indicator, String value, String unit) {}

    /** What the start form posts. */
    record StartForm(String demandId, String counterpartType, String counterpartId, Boolean confidential) {}

    /** A stage on the engagement's stage bar. */
    record StageStep(Stage stage, String state) {}

    // ---------------------------------------------------------------- the board

    @GetMapping("/engagements")
    String board(
            @ModelAttribute Filters filters,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        return boardPage(filters, page, user, model, locale);
    }

    private String boardPage(Filters filters, int page, CurrentUser user, Model model, Locale locale) {
        model.addAttribute("filters", filters);
        model.addAttribute("stages", Stage.values());
        if (!seesBoard(user)) {
            return ownList(Math.max(page, 0), user, model);
        }
        Stage only = null;
        String filterError = null;
        try {
            only = EngagementApi.stage(filters.stage());
        } catch (DomainException bad) {
            filterError = problems.message(bad.key(), bad.args(), locale);
        }
        String text = filters.q() == null ? null : filters.q().strip();
        Long demandId = null;
        if (text != null && text.startsWith("#")) {
            text = text.substring(1);
        }
        if (text != null && text.matches("\\d{1,18}")) {
            demandId = Long.valueOf(text);
            text = null;
        } else if (text != null && text.isEmpty()) {
            text = null;
        }
        Long manager = user.isOperator() ? filters.manager() : managerScope(user);
        Instant now = clock.instant();
        List<Column> columns = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (only != null && only != stage) {
                continue;
            }
            boolean ended = stage.isFinal();
            int size = text != null ? TEXT_SCAN : ended ? ENDED_SIZE : COLUMN_SIZE;
            EngagementQuery query = new EngagementQuery(stage, demandId, manager, filters.overdueOnly(), now, 0, size);
            List<Engagement> found = visible(query, user);
            String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
            List<Card> cards = found.stream()
                    .filter(e -> !ended || e.updatedAt().isAfter(now.minus(RECENT)))
                    .map(e -> card(e, user))
                    .filter(c -> needle == null || matches(c.view(), needle))
                    .limit(ended ? ENDED_SIZE : COLUMN_SIZE)
                    .toList();
            long total = needle == null && !ended ? countVisible(query, user) : cards.size();
            columns.add(new Column(stage, cards, total, ended));
        }
        model.addAttribute("columns", columns);
        model.addAttribute("filterError", filterError);
        model.addAttribute("operator", user.isOperator());
        model.addAttribute("mayStart", user.isOperator() || user.has(Role.MANAGER));
        model.addAttribute("managers", user.isOperator() ? managers() : List.of());
        model.addAttribute("counterpartTypes", CounterpartType.values());
        model.addAttribute("closeReasons", CloseReason.values());
        return "brokerage/board";
    }

    /** Someone without the manager's or an overseer's role sees the plain list of their own engagements. */
    private String ownList(int page, CurrentUser user, Model model) {
        EngagementQuery query = new EngagementQuery(null, null, null, false, clock.instant(), page, LIST_SIZE);
        long total = store.countVisible(query, user.id(), false, List.of());
        model.addAttribute(
                "cards",
                store.visible(query, user.id(), false, List.of()).stream()
                        .map(e -> card(e, user))
                        .toList());
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", (total + LIST_SIZE - 1) / LIST_SIZE);
        return "brokerage/list";
    }

    /** The board is for managers, operators and station admins (who follow their stations' overdue work). */
    static boolean seesBoard(CurrentUser user) {
        return user.isOperator()
                || user.has(Role.MANAGER)
                || !user.administeredStations().isEmpty();
    }

    /** A manager's board holds the engagements they run; a station admin's, those of their stations. */
    private static Long managerScope(CurrentUser user) {
        return user.has(Role.MANAGER) ? user.id() : null;
    }

    private List<Engagement> visible(EngagementQuery query, CurrentUser user) {
        return store.visible(query, user.id(), user.isOperator(), stationsOf(user));
    }

    private long countVisible(EngagementQuery query, CurrentUser user) {
        return store.countVisible(query, user.id(), user.isOperator(), stationsOf(user));
    }

    private static List<Long> stationsOf(CurrentUser user) {
        return user.has(Role.MANAGER) ? List.of() : List.copyOf(user.administeredStations());
    }

    /** The text filter looks at what the reader may see: a hidden demand's title never matches. */
    private static boolean matches(EngagementView view, String needle) {
        return (view.demand() != null
                        && view.demand().title().toLowerCase(Locale.ROOT).contains(needle))
                || (view.counterpart() != null
                        && view.counterpart().name().toLowerCase(Locale.ROOT).contains(needle));
    }

    private Card card(Engagement e, CurrentUser user) {
        return card(views.of(e, user));
    }

    static Card card(EngagementView view) {
        Stage forward =
                view.next().stream().filter(s -> s != Stage.CLOSED).findFirst().orElse(null);
        return new Card(
                view,
                view.dueAt() == null ? null : EngagementTrail.SHOWN_TIME.format(view.dueAt()),
                EngagementTrail.SHOWN_TIME.format(view.updatedAt()),
                forward,
                forward == Stage.CONTRACTED || forward == Stage.EVALUATED);
    }

    private List<Account> managers() {
        return accounts.holding(Role.MANAGER).stream()
                .filter(Account::verified)
                .sorted(Comparator.comparing(Account::displayName))
                .toList();
    }

    // ---------------------------------------------------------------- an engagement

    @GetMapping("/engagements/{id}")
    String engagement(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        return engagementPage(visible(id, user), user, model, locale, MoveForm.empty(), null, Map.of(), null);
    }

    /** Moves the engagement as the API does; from the board, back to the board. */
    @PostMapping("/engagements/{id}/move")
    String move(
            @PathVariable long id,
            @ModelAttribute MoveForm form,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        try {
            Engagement moved = desk.move(id, form.command(), user);
            String done = moved.stage().name().toLowerCase(Locale.ROOT);
            return "board".equals(form.back())
                    ? "redirect:/engagements?moved=" + id
                    : "redirect:/engagements/" + id + "?moved=" + done;
        } catch (EngagementStale stale) {
            if ("board".equals(form.back())) {
                staleOn(model, stale, locale);
                return boardPage(new Filters(null, null, null, null), 0, user, model, locale);
            }
            return refused(id, stale, user, model, locale, form, form.to());
        } catch (DomainException refused) {
            return refused(id, refused, user, model, locale, form, form.to());
        }
    }

    @PostMapping("/engagements/{id}/rate")
    String rate(
            @PathVariable long id,
            @RequestParam(required = false) String side,
            @RequestParam(required = false) Integer score,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        try {
            desk.rate(id, side, score, comment, version, user);
            return "redirect:/engagements/" + id + "?rated";
        } catch (DomainException refused) {
            return refused(id, refused, user, model, locale, MoveForm.empty(), "rate-" + side);
        }
    }

    @PostMapping("/engagements/{id}/manager")
    String handOver(
            @PathVariable long id,
            @RequestParam(required = false) Long managerId,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        try {
            desk.handOver(id, managerId, version, user);
            return "redirect:/engagements/" + id + "?handedOver";
        } catch (DomainException refused) {
            return refused(id, refused, user, model, locale, MoveForm.empty(), "manager");
        }
    }

    /** A refused change: the page again with the form as typed and each message next to its field. */
    private String refused(
            long id,
            DomainException refused,
            CurrentUser user,
            Model model,
            Locale locale,
            MoveForm form,
            String failed) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
            throw refused;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String formError = null;
        if (refused instanceof EngagementStale stale) {
            staleOn(model, stale, locale);
        } else {
            List<Violation> violations = refused instanceof EngagementRefused many
                    ? many.violations()
                    : List.of(new Violation(refused.field(), refused.key(), refused.args()));
            for (Violation v : violations) {
                String message = problems.message(v.key(), v.args(), locale);
                if (v.field() == null || v.field().equals("to") || v.field().equals("version")) {
                    formError = formError == null ? message : formError + " " + message;
                } else {
                    errors.putIfAbsent(v.field(), message);
                }
            }
        }
        return engagementPage(
                visible(id, user),
                user,
                model,
                locale,
                form,
                failed == null ? null : failed.toUpperCase(Locale.ROOT),
                errors,
                formError);
    }

    private void staleOn(Model model, EngagementStale stale, Locale locale) {
        model.addAttribute("staleMessage", problems.message(stale.key(), stale.args(), locale));
        model.addAttribute("staleChanges", trail.rows(stale.changes(), locale));
    }

    private String engagementPage(
            Engagement e,
            CurrentUser user,
            Model model,
            Locale locale,
            MoveForm form,
            String failed,
            Map<String, String> errors,
            String formError) {
        Card card = card(e, user);
        EngagementView view = card.view();
        model.addAttribute("card", card);
        model.addAttribute("e", view);
        model.addAttribute("steps", steps(e));
        model.addAttribute("form", form);
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        model.addAttribute("noErrors", Map.of());
        model.addAttribute("formError", formError);
        boolean parties = EngagementAccess.seesParties(user, e);
        model.addAttribute("demandParty", parties && e.demandPartyId() != null ? displayName(e.demandPartyId()) : null);
        model.addAttribute(
                "counterpartParty",
                parties && e.counterpartPartyId() != null ? displayName(e.counterpartPartyId()) : null);
        model.addAttribute("contractTypes", ContractType.values());
        model.addAttribute("closeReasons", CloseReason.values());
        model.addAttribute(
                "today", LocalDate.now(clock.withZone(EngagementDesk.ZONE)).toString());
        model.addAttribute("entered", EngagementTrail.SHOWN_TIME.format(view.stageEnteredAt()));
        boolean audit = EngagementAccess.maySeeAudit(user, e);
        model.addAttribute("showAudit", audit);
        model.addAttribute(
                "audit", audit ? trail.rows(desk.audit(e.id(), user), locale) : List.<EngagementTrail.Row>of());
        model.addAttribute("mayHandOver", user.isOperator() && !e.stage().isFinal());
        model.addAttribute(
                "managers",
                user.isOperator()
                        ? managers().stream()
                                .filter(m -> m.id() != e.managerId())
                                .toList()
                        : List.of());
        model.addAttribute("scores", List.of(5, 4, 3, 2, 1));
        model.addAttribute("mayTimeline", parties && mayFollowDemand(user, e.demandId()));
        return "brokerage/engagement";
    }

    /** Done, current, still ahead; a closed engagement shows where it was closed. */
    private static List<StageStep> steps(Engagement e) {
        List<StageStep> steps = new ArrayList<>();
        Stage reached = e.stage() == Stage.CLOSED ? e.closedFrom() : e.stage();
        for (Stage stage : Arrays.asList(
                Stage.PROPOSED,
                Stage.CONTACTED,
                Stage.NEGOTIATING,
                Stage.CONTRACTED,
                Stage.DELIVERING,
                Stage.EVALUATED)) {
            String state;
            if (reached == null || stage.ordinal() > reached.ordinal()) {
                state = "ahead";
            } else if (stage == reached) {
                state = e.stage() == Stage.CLOSED ? "done" : "current";
            } else {
                state = "done";
            }
            steps.add(new StageStep(stage, state));
        }
        if (e.stage() == Stage.CLOSED) {
            steps.add(new StageStep(Stage.CLOSED, "current"));
        }
        return steps;
    }

    private String displayName(long accountId) {
        return accounts.findById(accountId).map(Account::displayName).orElse("#" + accountId);
    }

    private Engagement visible(long id, CurrentUser user) {
        return desk.find(id, user).orElseThrow(() -> DomainException.notFound("engagement.not-found", id));
    }

    // ---------------------------------------------------------------- starting one

    @GetMapping("/engagements/start")
    String startForm(
            @ModelAttribute StartForm form, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        return startPage(form, Map.of(), null, model);
    }

    @PostMapping("/engagements/start")
    String start(
            @ModelAttribute StartForm form, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long demandId = number(form.demandId(), "demandId", "engagement.page.start.number", errors, locale);
        Long counterpartId =
                number(form.counterpartId(), "counterpartId", "engagement.page.start.number", errors, locale);
        if (!errors.isEmpty()) {
            return startPage(form, errors, null, model);
        }
        try {
            Engagement started = desk.start(
                    new EngagementDesk.Start(
                            demandId, form.counterpartType(), counterpartId, null, form.confidential()),
                    user);
            return "redirect:/engagements/" + started.id() + "?started";
        } catch (DomainException refused) {
            if (refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            List<Violation> violations = refused instanceof EngagementRefused many
                    ? many.violations()
                    : List.of(new Violation(refused.field(), refused.key(), refused.args()));
            String formError = null;
            for (Violation v : violations) {
                String message = problems.message(v.key(), v.args(), locale);
                if (v.field() == null || v.field().equals("managerId")) {
                    formError = message;
                } else {
                    errors.putIfAbsent(v.field(), message);
                }
            }
            return startPage(form, errors, formError, model);
        }
    }

    private Long number(String typed, String field, String key, Map<String, String> errors, Locale locale) {
        String value = typed == null ? "" : typed.strip();
        if (value.startsWith("#")) {
            value = value.substring(1);
        }
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("\\d{1,18}")) {
            errors.put(field, problems.message(key, new Object[] {cut(typed)}, locale));
            return null;
        }
        return Long.valueOf(value);
    }

    private String startPage(StartForm form, Map<String, String> errors, String formError, Model model) {
        model.addAttribute(
                "form",
                new StartForm(
                        cut(form.demandId()),
                        cut(form.counterpartType()),
                        cut(form.counterpartId()),
                        form.confidential()));
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        model.addAttribute("counterpartTypes", CounterpartType.values());
        if (form.demandId() != null && form.demandId().strip().matches("\\d{1,18}")) {
            model.addAttribute(
                    "demandTitle",
                    demands.particulars(Long.parseLong(form.demandId().strip()))
                            .filter(d -> !d.confidential())
                            .map(Demands.Particulars::title)
                            .orElse(null));
        }
        return "brokerage/start";
    }

    // ---------------------------------------------------------------- a demand's timeline

    /** One entry of a demand's timeline: which engagement, and what happened to it. */
    record TimelineRow(long engagementId, String counterpart, EngagementTrail.Row entry) {}

    @GetMapping("/engagements/demand/{demandId}")
    String timeline(
            @PathVariable long demandId, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        Demands.Particulars demand = demands.particulars(demandId)
                .filter(d -> mayFollowDemand(user, d.id()))
                .orElseThrow(() -> DomainException.notFound("engagement.page.timeline.unknown", demandId));
        List<Engagement> engagements = store.ofDemand(demandId).stream()
                .filter(e -> EngagementAccess.maySee(user, e))
                .toList();
        List<Card> cards = engagements.stream().map(e -> card(e, user)).toList();
        List<TimelineRow> rows = new ArrayList<>();
        for (Card card : cards) {
            Engagement e = engagements.get(cards.indexOf(card));
            if (!EngagementAccess.maySeeAudit(user, e)) {
                continue;
            }
            String counterpart = card.view().counterpart() == null
                    ? null
                    : card.view().counterpart().name();
            for (EngagementTrail.Row row : trail.rows(desk.audit(e.id(), user), locale)) {
                rows.add(new TimelineRow(e.id(), counterpart, row));
            }
        }
        rows.sort(
                Comparator.comparing((TimelineRow r) -> r.entry().instant()).thenComparing(TimelineRow::engagementId));
        boolean named = user.isOperator()
                || (demand.authorId() != null && demand.authorId() == user.id())
                || engagements.stream().anyMatch(e -> EngagementAccess.seesParties(user, e));
        model.addAttribute("demandId", demandId);
        model.addAttribute("demandTitle", named ? demand.title() : null);
        model.addAttribute("cards", cards);
        model.addAttribute("rows", rows);
        return "brokerage/timeline";
    }

    /** A demand's timeline is for its author, the managers of its engagements and operators. */
    private boolean mayFollowDemand(CurrentUser user, long demandId) {
        if (user.isOperator()) {
            return true;
        }
        Optional<Demands.Particulars> demand = demands.particulars(demandId);
        if (demand.isPresent()
                && demand.get().authorId() != null
                && demand.get().authorId() == user.id()) {
            return true;
        }
        return store.ofDemand(demandId).stream().anyMatch(e -> e.managerId() == user.id());
    }

    static String cut(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 200);
    }
}
