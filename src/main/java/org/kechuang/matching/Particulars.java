package org.kechuang.matching;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kechuang.search.SearchDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the reasons need of a pair beyond what the matching index holds (ADR 0016): a demand's cooperation modes and
 * budget, an achievement's transfer modes, price and discipline, an expert's disciplines, and the counts behind a
 * counterpart's activity. Read with read-only SQL from the libraries' tables, only for the records of one answer (by id,
 * one query per kind), as the knowledge module reads them (ADR 0012); matching writes nothing there.
 */
@Component
class Particulars {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A change within this period counts as recent activity. */
    static final Duration RECENT = Duration.ofDays(90);

    record DemandFacts(Set<String> modes, BigDecimal budgetMin, BigDecimal budgetMax) {}

    record AchievementFacts(Set<String> modes, BigDecimal priceMin, BigDecimal priceMax, String discipline) {}

    record DisciplineName(String code, String name, String nameEn) {}

    /**
     * @param records published achievements and demands of an organization (0 for other kinds)
     * @param accepted proposals of the record that the demand's side accepted
     * @param won deals the counterpart won (0 for a demand)
     */
    record Activity(boolean updatedRecently, int records, int accepted, int won) {}

    /** What was read for one answer. */
    record Known(
            Map<Long, DemandFacts> demands,
            Map<Long, AchievementFacts> achievements,
            Map<Long, List<String>> experts,
            Map<String, Activity> activities) {

        DemandFacts demand(SearchDocument document) {
            return demands.get(document.id());
        }

        AchievementFacts achievement(SearchDocument document) {
            return achievements.get(document.id());
        }

        List<String> expertDisciplines(long id) {
            return experts.getOrDefault(id, List.of());
        }

        Activity activity(SearchDocument document) {
            return activities.getOrDefault(document.type() + ":" + document.id(), new Activity(false, 0, 0, 0));
        }
    }

    private final JdbcClient jdbc;
    private final MatchOutcomes outcomes;
    private final Clock clock;

    Particulars(JdbcClient jdbc, MatchOutcomes outcomes, Clock clock) {
        this.jdbc = jdbc;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** The facts of the source and the proposed records that the reasons use. */
    Known of(SearchDocument source, List<SearchDocument> targets) {
        Map<String, List<Long>> byType = new HashMap<>();
        List<SearchDocument> all = new ArrayList<>(targets);
        if (source.id() != 0) {
            all.add(source);
        }
        for (SearchDocument each : all) {
            byType.computeIfAbsent(each.type(), type -> new ArrayList<>()).add(each.id());
        }
        Map<Long, DemandFacts> demands = new HashMap<>();
        Map<Long, AchievementFacts> achievements = new HashMap<>();
        Map<Long, List<String>> experts = new HashMap<>();
        List<Long> demandIds = byType.getOrDefault("demand", List.of());
        if (!demandIds.isEmpty()) {
            jdbc.sql("select id, cooperation_modes, budget_min, budget_max from demand where id in (:ids)")
                    .param("ids", demandIds)
                    .query(row -> {
                        demands.put(
                                row.getLong("id"),
                                new DemandFacts(
                                        strings(row, "cooperation_modes").stream()
                                                .collect(Collectors.toSet()),
                                        row.getBigDecimal("budget_min"),
                                        row.getBigDecimal("budget_max")));
                    });
        }
        List<Long> achievementIds = byType.getOrDefault("achievement", List.of());
        if (!achievementIds.isEmpty()) {
            jdbc.sql("select id, transfer_modes, price_min, price_max, discipline_code from achievement"
                            + " where id in (:ids)")
                    .param("ids", achievementIds)
                    .query(row -> {
                        achievements.put(
                                row.getLong("id"),
                                new AchievementFacts(
                                        strings(row, "transfer_modes").stream().collect(Collectors.toSet()),
                                        row.getBigDecimal("price_min"),
                                        row.getBigDecimal("price_max"),
                                        row.getString("discipline_code")));
                    });
        }
        List<Long> expertIds = byType.getOrDefault("expert", List.of());
        if (!expertIds.isEmpty()) {
            jdbc.sql("select id, discipline_codes from expert where id in (:ids)")
                    .param("ids", expertIds)
                    .query(row -> {
                        experts.put(row.getLong("id"), strings(row, "discipline_codes"));
                    });
        }
        return new Known(demands, achievements, experts, activities(targets));
    }

    private Map<String, Activity> activities(List<SearchDocument> targets) {
        Map<String, List<Long>> byType = new HashMap<>();
        targets.forEach(each ->
                byType.computeIfAbsent(each.type(), type -> new ArrayList<>()).add(each.id()));
        Map<String, Activity> activities = new HashMap<>();
        java.time.Instant since = clock.instant().minus(RECENT);
        byType.forEach((type, ids) -> {
            Map<Long, Integer> accepted = accepted(type, ids);
            Map<Long, Integer> won = outcomes.wonCounts(type, ids);
            Map<Long, Integer> records = type.equals("organization") ? organizationRecords(ids) : Map.of();
            for (SearchDocument each : targets) {
                if (each.type().equals(type)) {
                    // an organization's index entry carries no date of its own activity: its records count instead
                    boolean recent = !type.equals("organization")
                            && !each.updatedAt().isBefore(since)
                            && !each.updatedAt().isAfter(clock.instant());
                    activities.put(
                            type + ":" + each.id(),
                            new Activity(
                                    recent,
                                    records.getOrDefault(each.id(), 0),
                                    accepted.getOrDefault(each.id(), 0),
                                    won.getOrDefault(each.id(), 0)));
                }
            }
        });
        return activities;
    }

    private Map<Long, Integer> accepted(String type, Collection<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>();
        String sql = type.equals("demand")
                ? "select demand_id as id, count(*) as n from match_feedback where demand_id in (:ids)"
                        + " and verdict = 'ACCEPTED' group by demand_id"
                : "select target_id as id, count(*) as n from match_feedback where target_type = :type"
                        + " and target_id in (:ids) and verdict = 'ACCEPTED' group by target_id";
        JdbcClient.StatementSpec query = jdbc.sql(sql).param("ids", new ArrayList<>(ids));
        if (!type.equals("demand")) {
            query = query.param("type", type);
        }
        query.query(row -> {
            counts.put(row.getLong("id"), row.getInt("n"));
        });
        return counts;
    }

    /** Published achievements and demands per organization. */
    private Map<Long, Integer> organizationRecords(Collection<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("""
                        select organization_id as id, count(*) as n from (
                            select organization_id from achievement
                            where organization_id in (:ids) and status = 'PUBLISHED'
                            union all
                            select organization_id from demand
                            where organization_id in (:ids) and status = 'PUBLISHED'
                        ) published group by organization_id""").param("ids", new ArrayList<>(ids)).query(row -> {
            counts.put(row.getLong("id"), row.getInt("n"));
        });
        return counts;
    }

    /** The discipline and those enclosing it, most specific first, below the NSFC departments (level 0). */
    List<DisciplineName> disciplineAndParents(String code) {
        if (code == null || code.length() < 3) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (int length = code.length(); length >= 3; length -= 2) {
            codes.add(code.substring(0, length));
        }
        Map<String, DisciplineName> found = new HashMap<>();
        jdbc.sql("select code, name, name_en from reference_discipline where code in (:codes) and level > 0")
                .param("codes", codes)
                .query(row -> {
                    found.put(
                            row.getString("code"),
                            new DisciplineName(row.getString("code"), row.getString("name"), row.getString("name_en")));
                });
        return codes.stream().filter(found::containsKey).map(found::get).toList();
    }

    private static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
