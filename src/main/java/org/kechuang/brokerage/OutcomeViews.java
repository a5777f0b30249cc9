package org.kechuang.brokerage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The funnel, its drill-down and a manager's figures as the API and the pages show them, in the reader's language. */
@Component
class OutcomeViews {

    private final MessageSource messages;
    private final Accounts accounts;

    OutcomeViews(MessageSource messages, Accounts accounts) {
        this.messages = messages;
        this.accounts = accounts;
    }

    /** The filters as asked, carried into every link of a funnel so that the drill-down counts the same records. */
    record Filters(Long station, String chain, Long manager) {

        String query(FunnelStep step) {
            UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
            if (step != null) {
                uri.queryParam("step", step.code());
            }
            if (station != null) {
                uri.queryParam("station", station);
            }
            if (chain != null && !chain.isBlank()) {
                uri.queryParam("chain", chain.strip());
            }
            if (manager != null) {
                uri.queryParam("manager", manager);
            }
            return uri.build().encode().toUriString();
        }
    }

    /**
     * @param link the drill-down page
     * @param records the drill-down in the API
     */
    record StepCount(String step, String label, long count, String link, String records) {}

    record FunnelView(List<StepCount> steps) {}

    record DemandRef(long id, String title, String status, String link) {}

    record EngagementRef(
            long id, Stage stage, String stageLabel, Stage closedFrom, boolean confidential, String link) {}

    /** One demand behind a count; {@code demand} is null when the reader may not learn it (a confidential engagement). */
    record RowView(DemandRef demand, List<EngagementRef> engagements) {}

    record RecordsView(String step, String label, long total, int page, int size, List<RowView> results) {}

    record Person(long id, String name) {}

    record ReasonCount(CloseReason reason, String label, long count) {}

    record StageTimeView(Stage stage, String label, java.math.BigDecimal medianDays, int stays) {}

    record FiguresView(
            Person manager,
            long open,
            long won,
            long lost,
            List<ReasonCount> lostByReason,
            List<StageTimeView> stages) {}

    FunnelView funnel(Map<FunnelStep, Long> counts, Filters filters, Locale locale) {
        List<StepCount> steps = new ArrayList<>();
        counts.forEach((step, count) -> steps.add(new StepCount(
                step.code(),
                text(step.messageKey(), locale),
                count,
                "/engagements/funnel/records" + filters.query(step),
                "/api/v1/engagements/funnel/records" + filters.query(step))));
        return new FunnelView(steps);
    }

    RecordsView records(
            Funnel.Records records, FunnelStep step, int page, int size, CurrentUser reader, Locale locale) {
        List<RowView> rows = new ArrayList<>();
        for (Funnel.Row row : records.rows()) {
            boolean named = row.engagements().stream().allMatch(e -> EngagementAccess.seesParties(reader, e));
            DemandRef demand = named
                    ? new DemandRef(
                            row.demand().id(),
                            row.demand().title(),
                            row.demand().status().name(),
                            "/demands/" + row.demand().id())
                    : null;
            List<EngagementRef> engagements = row.engagements().stream()
                    .map(e -> new EngagementRef(
                            e.id(),
                            e.stage(),
                            text(e.stage().messageKey(), locale),
                            e.closedFrom(),
                            e.confidential(),
                            "/engagements/" + e.id()))
                    .toList();
            rows.add(new RowView(demand, engagements));
        }
        return new RecordsView(step.code(), text(step.messageKey(), locale), records.total(), page, size, rows);
    }

    FiguresView figures(ManagerFigures.Figures figures, Locale locale) {
        List<ReasonCount> reasons = new ArrayList<>();
        figures.lostByReason()
                .forEach((reason, count) ->
                        reasons.add(new ReasonCount(reason, text(reason.messageKey(), locale), count)));
        List<StageTimeView> stages = figures.stages().stream()
                .map(s -> new StageTimeView(s.stage(), text(s.stage().messageKey(), locale), s.median(), s.stays()))
                .toList();
        return new FiguresView(
                person(figures.managerId()), figures.open(), figures.won(), figures.lost(), reasons, stages);
    }

    Person person(long accountId) {
        return new Person(
                accountId,
                accounts.findById(accountId).map(Account::displayName).orElse("#" + accountId));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
