package org.kechuang.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kechuang.demo.DemoGenerator;
import org.kechuang.demo.GeneratedAchievement;
import org.kechuang.demo.GeneratedCase;
import org.kechuang.demo.GeneratedDemand;
import org.kechuang.demo.GeneratedExpert;

/**
 * False holds on the demo data: every text of the 2,000 demands, 5,000 achievements, 5,000 experts and 200 cases the
 * demo seeds is legitimate technical text, so every record the screen holds is a false hold. Measured: 0 of 12,200.
 */
class DemoDataFalseHoldsTest {

    private static final WordListScreen SCREEN = new WordListScreen(WordLists.shipped());

    @Test
    void holdsNoneOfTheDemoRecords() {
        DemoGenerator generator = new DemoGenerator(DemoGenerator.SEED, LocalDate.of(2025, 6, 1));
        List<GeneratedDemand> demands = generator.demands(2000);
        List<GeneratedAchievement> achievements = generator.achievements(5000);
        List<GeneratedExpert> experts = generator.experts(5000);
        List<GeneratedCase> cases = generator.cases(200, demands, achievements, experts);
        List<String> falseHolds = new ArrayList<>();
        int screened = 0;

        for (GeneratedDemand demand : demands) {
            screened++;
            hold(falseHolds, demand.sourceId(), demandFields(demand));
        }
        for (GeneratedAchievement achievement : achievements) {
            screened++;
            hold(falseHolds, achievement.sourceId(), achievementFields(achievement));
        }
        for (GeneratedExpert expert : experts) {
            screened++;
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("name", expert.name());
            fields.put("affiliation", expert.affiliation());
            fields.put("title", expert.title());
            fields.put("position", expert.position());
            fields.put("researchFields", String.join("；", expert.researchFields()));
            fields.put("keywords", String.join("；", expert.keywords()));
            fields.put("introduction", expert.introduction());
            hold(falseHolds, expert.sourceId(), fields);
        }
        for (GeneratedCase aCase : cases) {
            screened++;
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("title", aCase.title());
            fields.put("problem", aCase.problem());
            fields.put("solution", aCase.solution());
            fields.put(
                    "parties",
                    aCase.parties().stream().map(GeneratedCase.Party::name).collect(Collectors.joining("；")));
            fields.put(
                    "figures",
                    aCase.figures().stream().map(GeneratedCase.Figure::display).collect(Collectors.joining("；")));
            hold(falseHolds, aCase.sourceId(), fields);
        }

        assertThat(screened).isEqualTo(12_200);
        assertThat(falseHolds).as("false holds among %d demo records", screened).isEmpty();
    }

    /** The fields the demand library screens ({@code DemandContent.screenedText}). */
    private static Map<String, String> demandFields(GeneratedDemand demand) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", demand.title());
        fields.put("background", demand.background());
        fields.put("technicalProblems", demand.technicalProblems());
        fields.put(
                "targetIndicators",
                demand.targetIndicators().stream()
                        .map(GeneratedDemand.Indicator::display)
                        .collect(Collectors.joining("\n")));
        fields.put("applicationScenario", demand.applicationScenario());
        fields.put("contactPerson", demand.contactPerson());
        return fields;
    }

    /** The fields the achievement library screens ({@code AchievementContent.screenedText}). */
    private static Map<String, String> achievementFields(GeneratedAchievement achievement) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", achievement.title());
        fields.put("description", achievement.description());
        fields.put("keywords", String.join("; ", achievement.keywords()));
        fields.put("technologyField", achievement.technologyField());
        fields.put("inventors", String.join("; ", achievement.inventors()));
        return fields;
    }

    private static void hold(List<String> falseHolds, String sourceId, Map<String, String> fields) {
        List<Match> matches = SCREEN.screen(fields);
        if (!matches.isEmpty()) {
            falseHolds.add(sourceId + " " + matches);
        }
    }
}
