package org.kechuang.demand;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The completeness policy (完整度): how much of what a technology manager needs to act on a demand is there. Each
 * aspect has a weight; the score is the sum of the weights earned (partly for a half-done aspect), 0–100. Every aspect
 * not fully earned gives a concrete suggestion, ordered by the points it would add (then in the order of the form).
 *
 * <p>Weights: quantified target indicators 20 (a number and a unit), budget range 12, background of useful length 12,
 * application scenario 10, technical problems 10, industry-chain node 10, deadline 8, industry 6, region 6,
 * cooperation modes 6. Text is measured in characters (a Chinese character counts one).
 */
final class DemandCompleteness {

    static final int INDICATORS = 20;
    static final int BUDGET = 12;
    static final int BACKGROUND = 12;
    static final int SCENARIO = 10;
    static final int PROBLEMS = 10;
    static final int CHAIN_NODE = 10;
    static final int DEADLINE = 8;
    static final int INDUSTRY = 6;
    static final int REGION = 6;
    static final int MODES = 6;

    /** Enough to say what the situation is, what was tried and why outside technology is needed. */
    static final int BACKGROUND_USEFUL = 100;

    static final int BACKGROUND_SHORT = 40;
    static final int PROBLEMS_USEFUL = 50;
    static final int SCENARIO_USEFUL = 15;

    private DemandCompleteness() {}

    static Completeness of(DemandContent content) {
        List<Gap> gaps = new ArrayList<>();
        int score = 0;
        score += indicators(content, gaps);
        score += text(content.background(), BACKGROUND, BACKGROUND_USEFUL, BACKGROUND_SHORT, "background", gaps);
        score += text(content.technicalProblems(), PROBLEMS, PROBLEMS_USEFUL, 1, "technicalProblems", gaps);
        score += text(content.applicationScenario(), SCENARIO, SCENARIO_USEFUL, 1, "applicationScenario", gaps);
        score += budget(content, gaps);
        score += present(content.chainNodeCode() != null, CHAIN_NODE, "chainNodeCode", gaps);
        score += present(content.industryCode() != null, INDUSTRY, "industryCode", gaps);
        score += present(content.regionCode() != null, REGION, "regionCode", gaps);
        score += present(!content.cooperationModes().isEmpty(), MODES, "cooperationModes", gaps);
        score += present(content.deadline() != null, DEADLINE, "deadline", gaps);
        List<Completeness.Suggestion> suggestions = gaps.stream()
                .sorted(Comparator.comparingInt(Gap::points).reversed().thenComparingInt(Gap::order))
                .map(Gap::suggestion)
                .toList();
        return new Completeness(score, suggestions);
    }

    /** What is missing and what filling it would add; {@code order} keeps the form's order among equal gains. */
    private record Gap(Completeness.Suggestion suggestion, int points, int order) {}

    private static final List<String> FORM_ORDER = List.of(
            "background",
            "technicalProblems",
            "targetIndicators",
            "applicationScenario",
            "chainNodeCode",
            "industryCode",
            "regionCode",
            "cooperationModes",
            "budgetMax",
            "deadline");

    private static void gap(List<Gap> gaps, String field, String key, int points) {
        gaps.add(new Gap(
                new Completeness.Suggestion(field, "demand.completeness." + key), points, FORM_ORDER.indexOf(field)));
    }

    /** Full marks need a number with a unit; a number alone earns most, words alone some. */
    private static int indicators(DemandContent content, List<Gap> gaps) {
        List<TargetIndicator> indicators = content.targetIndicators();
        if (indicators.stream().anyMatch(i -> i.quantified() && i.unit() != null)) {
            return INDICATORS;
        }
        if (indicators.stream().anyMatch(TargetIndicator::quantified)) {
            gap(gaps, "targetIndicators", "indicators.unit", INDICATORS - 14);
            return 14;
        }
        if (!indicators.isEmpty()) {
            gap(gaps, "targetIndicators", "indicators.quantify", INDICATORS - 6);
            return 6;
        }
        gap(gaps, "targetIndicators", "indicators.missing", INDICATORS);
        return 0;
    }

    private static int budget(DemandContent content, List<Gap> gaps) {
        boolean min = content.budgetMin() != null;
        boolean max = content.budgetMax() != null;
        if (min && max) {
            return BUDGET;
        }
        if (min || max) {
            gap(gaps, min ? "budgetMax" : "budgetMin", "budget.range", BUDGET / 2);
            return BUDGET / 2;
        }
        gap(gaps, "budgetMax", "budget.missing", BUDGET);
        return 0;
    }

    /** Full marks from the useful length, half from the short one, nothing below it or without text. */
    private static int text(String value, int weight, int useful, int shortLength, String field, List<Gap> gaps) {
        String stripped = value == null ? "" : value.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length >= useful) {
            return weight;
        }
        String key = field.equals("technicalProblems")
                ? "problems"
                : field.equals("applicationScenario") ? "scenario" : field;
        if (length == 0) {
            gap(gaps, field, key + ".missing", weight);
            return 0;
        }
        int earned = length >= shortLength ? weight / 2 : 0;
        gap(gaps, field, key + ".short", weight - earned);
        return earned;
    }

    private static int present(boolean present, int weight, String field, List<Gap> gaps) {
        if (present) {
            return weight;
        }
        String key = switch (field) {
            case "chainNodeCode" -> "chain-node";
            case "industryCode" -> "industry";
            case "regionCode" -> "region";
            case "cooperationModes" -> "modes";
            default -> field;
        };
        gap(gaps, field, key + ".missing", weight);
        return 0;
    }
}
