package org.kechuang.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.kechuang.demo.Vocabulary.ChainWords;
import org.kechuang.demo.Vocabulary.DemoRegion;
import org.kechuang.demo.Vocabulary.IndicatorSpec;
import org.kechuang.demo.Vocabulary.NodeWords;
import org.kechuang.shared.CooperationMode;
import org.kechuang.shared.PublicationStatus;

/**
 * Writes the demo's demands, achievements, experts and cases from the project's own vocabulary, deterministically:
 * the same seed and day give the same records, and record {@code n} does not depend on how many are generated. Dates
 * are relative to the given day (deadlines ahead of it, ages before it), so the records stay valid whenever the demo
 * is started.
 *
 * <p>Spread: records go to the nine demo stations by weight; a station favours its chains (中国农学会 agriculture, 苏州工业园区
 * chips and biomedicine, …) and draws regions from its own area (a city, a province) or, for national societies, from
 * cities of every province, weighted toward the stations' provinces. Most records are published; some are drafts,
 * returned with a curator's reason, or archived.
 */
public final class DemoGenerator {

    /** The demo's seed; any other gives another, equally valid demo. */
    public static final long SEED = 20_250_601L;

    private static final List<PublicationStatus> LIFECYCLE = List.of(
            PublicationStatus.PUBLISHED,
            PublicationStatus.DRAFT,
            PublicationStatus.RETURNED,
            PublicationStatus.ARCHIVED);
    private static final List<CooperationMode> DEMAND_MODES = List.of(
            CooperationMode.JOINT_DEVELOPMENT,
            CooperationMode.COMMISSIONED_DEVELOPMENT,
            CooperationMode.TRANSFER,
            CooperationMode.LICENSE,
            CooperationMode.CONSULTING,
            CooperationMode.SERVICE,
            CooperationMode.TALENT,
            CooperationMode.OPEN_COMPETITION);
    private static final List<CooperationMode> TRANSFER_MODES = List.of(CooperationMode.values()).stream()
            .filter(CooperationMode::appliesToAchievements)
            .toList();
    private static final List<Integer> BUDGET_FLOORS = List.of(10, 20, 30, 50, 80, 100, 150, 200, 300, 500);
    private static final List<String> ENTERPRISE_KINDS =
            List.of("民营科技企业", "国家高新技术企业", "专精特新中小企业", "国有控股企业", "中外合资企业", "上市公司控股子公司");
    private static final List<String> PERIODS = List.of("一年", "18 个月", "两年", "半年");
    private static final List<String> CHANGE_WORDS = List.of("提升", "提高", "降低", "缩短", "减少", "延长", "压缩");
    /** Technology readiness levels and how often each occurs among offered achievements. */
    private static final int[] TRL_WEIGHTS = {1, 2, 6, 10, 14, 18, 18, 14, 10};

    private final long seed;
    private final LocalDate today;
    private final Vocabulary words;
    private final Map<String, ChainWords> chains;

    public DemoGenerator(long seed, LocalDate today) {
        this(seed, today, Vocabulary.shipped());
    }

    DemoGenerator(long seed, LocalDate today, Vocabulary words) {
        this.seed = seed;
        this.today = today;
        this.words = words;
        this.chains = new java.util.LinkedHashMap<>();
        words.chains().forEach(chain -> chains.put(chain.code(), chain));
    }

    /** The demo stations' codes, as {@code DemoData} opens them. */
    public static List<String> stationCodes() {
        return DemoStation.ALL.stream().map(DemoStation::code).toList();
    }

    public List<GeneratedDemand> demands(int count) {
        List<GeneratedDemand> demands = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            demands.add(demand(n));
        }
        return demands;
    }

    public List<GeneratedAchievement> achievements(int count) {
        List<GeneratedAchievement> achievements = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            achievements.add(achievement(n));
        }
        return achievements;
    }

    public List<GeneratedExpert> experts(int count) {
        List<GeneratedExpert> experts = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            experts.add(expert(n));
        }
        return experts;
    }

    /**
     * Cases linked to records of the same chain among those given (published ones only); without candidates of a
     * chain a case has no link of that kind.
     */
    public List<GeneratedCase> cases(
            int count,
            List<GeneratedDemand> demands,
            List<GeneratedAchievement> achievements,
            List<GeneratedExpert> experts) {
        List<GeneratedCase> cases = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            cases.add(aCase(n, demands, achievements, experts));
        }
        return cases;
    }

    GeneratedDemand demand(int number) {
        Draws draws = Draws.of(seed, "demand", number);
        DemoStation station = draws.weighted(DemoStation.ALL, DemoStation::weight);
        ChainWords chain = chain(draws, station);
        NodeWords node = draws.pick(chain.nodes());
        DemoRegion region = region(draws, station);
        PublicationStatus status = status(draws, 84, 6, 4, 6);
        int ageHours = ageHours(draws, status);
        Scene scene = scene(draws, chain, node, region);
        List<CooperationMode> modes = draws.weighted(List.of(1, 2, 3), k -> k == 1 ? 5 : k == 2 ? 4 : 1) == 1
                ? List.of(draws.weighted(DEMAND_MODES, DemoGenerator::demandModeWeight))
                : List.copyOf(new LinkedHashSet<>(List.of(
                        draws.weighted(DEMAND_MODES, DemoGenerator::demandModeWeight),
                        draws.weighted(DEMAND_MODES, DemoGenerator::demandModeWeight),
                        draws.weighted(DEMAND_MODES, DemoGenerator::demandModeWeight))));
        scene.set(
                "合作方式",
                String.join(
                        "、", modes.stream().map(CooperationMode::chineseName).toList()));

        String title = trimmed(scene.sentence("需求.标题"), 60);
        List<String> background = new ArrayList<>();
        if (draws.chance(0.35)) {
            background.add(scene.get("产业背景") + "。");
        }
        background.add(scene.sentence("需求.单位"));
        background.add(scene.sentence("需求.现状"));
        if (background.size() == 2 && draws.chance(0.3)) {
            background.add(scene.get("产业背景") + "。");
        }
        background.add(scene.sentence("需求.诉求"));

        String problems = problems(draws, scene, node);
        List<GeneratedDemand.Indicator> indicators = new ArrayList<>();
        for (IndicatorSpec spec : draws.some(node.indicators(), draws.between(2, 4))) {
            indicators.add(
                    spec.quantified()
                            ? new GeneratedDemand.Indicator(
                                    spec.name(),
                                    spec.comparator(),
                                    draws.value(spec.min(), spec.max(), spec.decimals()),
                                    spec.unit(),
                                    null)
                            : new GeneratedDemand.Indicator(null, null, null, null, spec.text()));
        }
        if (draws.chance(0.35)) {
            indicators.add(new GeneratedDemand.Indicator(null, null, null, null, scene.sentence("需求.补充指标")));
        }
        BigDecimal budgetMin = null;
        BigDecimal budgetMax = null;
        if (draws.chance(0.82)) {
            int floor = draws.pick(BUDGET_FLOORS);
            budgetMin = BigDecimal.valueOf(floor);
            budgetMax = BigDecimal.valueOf(
                    Math.max(floor + 5, roundTo(floor * draws.between(1.5, 4.0), floor < 50 ? 5 : 10)));
        }
        LocalDate deadline = status == PublicationStatus.ARCHIVED
                ? today.minusDays(draws.between(1, Math.max(1, ageHours / 24 - 30)))
                : today.plusDays(draws.between(45, 400));
        String contact = draws.pick(words.people("姓")) + draws.pick(List.of("工", "经理", "总", "主任"));
        return new GeneratedDemand(
                "demo-demand-%05d".formatted(number),
                station.code(),
                chain.code(),
                node.code(),
                draws.pick(node.divisions()),
                region.code(),
                title,
                String.join("", background),
                problems,
                indicators,
                scene.sentence("需求.场景"),
                modes,
                budgetMin,
                budgetMax,
                deadline,
                draws.chance(0.05),
                contact,
                "demand%05d@example.com".formatted(number),
                status,
                status == PublicationStatus.RETURNED ? scene.sentence("退回原因") : null,
                ageHours);
    }

    GeneratedAchievement achievement(int number) {
        Draws draws = Draws.of(seed, "achievement", number);
        DemoStation station = draws.weighted(DemoStation.ALL, DemoStation::weight);
        ChainWords chain = chain(draws, station);
        NodeWords node = draws.pick(chain.nodes());
        DemoRegion region = region(draws, station);
        PublicationStatus status = status(draws, 88, 4, 3, 5);
        int ageHours = ageHours(draws, status);
        Scene scene = scene(draws, chain, node, region);
        List<CooperationMode> modes = draws.some(TRANSFER_MODES, draws.between(1, 3));
        scene.set(
                "合作方式",
                String.join(
                        "、", modes.stream().map(CooperationMode::chineseName).toList()));
        List<IndicatorSpec> measured = draws.some(node.indicators(), 2);
        scene.set("指标", achieved(draws, measured.get(0)));
        scene.set("指标2", achieved(draws, measured.get(1)));

        String title = trimmed(scene.sentence("成果.标题"), 60);
        List<String> description = new ArrayList<>();
        description.add(scene.sentence("成果.意义"));
        description.add(scene.sentence("成果.方法"));
        description.add(scene.sentence("成果.效果"));
        if (draws.chance(0.7)) {
            description.add(scene.sentence("成果.知识产权"));
        }
        description.add(scene.sentence("成果.应用"));

        Set<String> keywords = new LinkedHashSet<>();
        keywords.add(scene.get("对象"));
        keywords.add(node.field());
        if (scene.has("工艺")) {
            keywords.add(scene.get("工艺"));
        }
        keywords.addAll(draws.some(methods(chain, node), draws.between(1, 2)));
        if (!node.materials().isEmpty() && draws.chance(0.4)) {
            keywords.add(draws.pick(node.materials()));
        }
        int trl = draws.weighted(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), level -> TRL_WEIGHTS[level - 1]);
        List<String> patents = new ArrayList<>();
        int patentCount = trl <= 2 ? draws.between(0, 1) : draws.weighted(List.of(0, 1, 2, 3, 4), k -> 5 - k);
        for (int p = 0; p < patentCount; p++) {
            patents.add(patent(draws, trl >= 5 && draws.chance(0.7)));
        }
        BigDecimal priceMin = null;
        BigDecimal priceMax = null;
        if (draws.chance(0.6)) {
            int floor = draws.pick(BUDGET_FLOORS) * (trl >= 7 ? 2 : 1);
            priceMin = BigDecimal.valueOf(floor);
            priceMax = BigDecimal.valueOf(Math.max(floor + 10, roundTo(floor * draws.between(1.2, 3.0), 10)));
        }
        List<String> inventors = new ArrayList<>();
        for (int k = draws.between(1, 5); k > 0; k--) {
            inventors.add(personName(draws));
        }
        return new GeneratedAchievement(
                "demo-achievement-%05d".formatted(number),
                station.code(),
                chain.code(),
                node.code(),
                draws.pick(node.divisions()),
                draws.pick(chain.disciplines()),
                region.code(),
                title,
                String.join("", description),
                List.copyOf(keywords),
                node.field(),
                trl,
                patents,
                modes,
                priceMin,
                priceMax,
                List.copyOf(new LinkedHashSet<>(inventors)),
                status,
                status == PublicationStatus.RETURNED ? scene.sentence("退回原因") : null,
                ageHours);
    }

    GeneratedExpert expert(int number) {
        Draws draws = Draws.of(seed, "expert", number);
        DemoStation station = draws.weighted(DemoStation.ALL, DemoStation::weight);
        ChainWords chain = chain(draws, station);
        NodeWords node = draws.pick(chain.nodes());
        DemoRegion region = region(draws, station);
        Scene scene = scene(draws, chain, node, region);
        String kind = draws.weighted(List.of("UNIVERSITY", "INSTITUTE", "ENTERPRISE"), k -> switch (k) {
            case "UNIVERSITY" -> 45;
            case "INSTITUTE" -> 25;
            default -> 30;
        });
        String affiliation = switch (kind) {
            case "UNIVERSITY" -> university(draws, chain, region);
            case "INSTITUTE" -> institute(draws, chain, node, region);
            default -> company(draws, chain, region);
        };
        List<String> titles = new ArrayList<>(words.people(
                switch (kind) {
                    case "UNIVERSITY" -> "职称.高校";
                    case "INSTITUTE" -> "职称.院所";
                    default -> "职称.企业";
                }));
        if (chain.code().equals("BIO") || chain.code().equals("AGRI")) {
            titles.addAll(words.people("职称." + chain.code()));
        }
        String title = draws.pick(titles);
        String position = draws.chance(0.4)
                ? draws.pick(words.people(
                        switch (kind) {
                            case "UNIVERSITY" -> "职务.高校";
                            case "INSTITUTE" -> "职务.院所";
                            default -> "职务.企业";
                        }))
                : null;
        String name = personName(draws);
        scene.set("姓名", name).set("单位", affiliation).set("职称", title);
        scene.set("年限", Integer.toString(draws.between(8, 30)));

        List<NodeWords> nodes = new ArrayList<>();
        nodes.add(node);
        for (NodeWords other : draws.some(chain.nodes(), draws.between(0, 2))) {
            if (!nodes.contains(other)) {
                nodes.add(other);
            }
        }
        Set<String> fields = new LinkedHashSet<>();
        fields.add(node.field());
        fields.add(scene.get("对象"));
        if (draws.chance(0.6)) {
            fields.add(scene.get("工艺") + "技术");
        }
        Set<String> keywords = new LinkedHashSet<>();
        keywords.add(scene.get("工艺"));
        keywords.addAll(draws.some(node.objects(), 2));
        keywords.add(draws.pick(methods(chain, node)));
        List<String> societies = new ArrayList<>();
        String society = DemoStation.societyOf(chain.code());
        if (draws.chance(station.code().equals(society) ? 0.9 : 0.35)) {
            societies.add(society);
        }
        PublicationStatus status = status(draws, 94, 3, 1, 2);
        return new GeneratedExpert(
                "demo-expert-%05d".formatted(number),
                station.code(),
                name,
                affiliation,
                kind,
                title,
                position,
                draws.some(chain.disciplines(), draws.between(1, 2)),
                List.copyOf(fields),
                List.copyOf(keywords),
                nodes.stream().map(NodeWords::code).toList(),
                draws.pick(node.divisions()),
                region.code(),
                societies,
                draws.chance(0.18),
                draws.chance(0.12),
                draws.weighted(List.of("AVAILABLE", "LIMITED", "UNAVAILABLE"), a -> switch (a) {
                    case "AVAILABLE" -> 70;
                    case "LIMITED" -> 22;
                    default -> 8;
                }),
                scene.sentence("专家.简介"),
                "expert%05d@example.org".formatted(number),
                status,
                ageHours(draws, status),
                status == PublicationStatus.RETURNED ? scene.sentence("退回原因.专家") : null,
                writtenConsent(draws));
    }

    GeneratedCase aCase(
            int number,
            List<GeneratedDemand> demands,
            List<GeneratedAchievement> achievements,
            List<GeneratedExpert> experts) {
        Draws draws = Draws.of(seed, "case", number);
        DemoStation station = draws.weighted(DemoStation.ALL, DemoStation::weight);
        ChainWords chain = chain(draws, station);
        List<GeneratedDemand> answered =
                matching(demands, d -> d.chainCode().equals(chain.code()) && d.status() == PublicationStatus.PUBLISHED);
        GeneratedDemand demand = answered.isEmpty() ? null : draws.pick(answered);
        NodeWords node = demand == null
                ? draws.pick(chain.nodes())
                : chain.nodes().stream()
                        .filter(n -> n.code().equals(demand.chainNodeCode()))
                        .findFirst()
                        .orElseThrow();
        DemoRegion region = demand == null ? region(draws, station) : regionByCode(demand.regionCode());
        Scene scene = scene(draws, chain, node, region);
        String demandSide = company(draws, chain, region);
        String supplySide = draws.chance(0.6)
                ? university(draws, chain, draws.weighted(words.regions(), DemoRegion::weight))
                : institute(draws, chain, node, draws.weighted(words.regions(), DemoRegion::weight));
        String broker = draws.chance(0.6) ? station.name() : region.shortName() + draws.pick(words.people("平台"));
        scene.set("需方", demandSide).set("供方", supplySide).set("中介", broker);
        scene.set("需方简称", shortName(demandSide)).set("供方简称", shortName(supplySide));
        scene.set("合作方式", draws.pick(List.of("合作开发", "技术转让", "技术许可", "委托开发")));
        scene.set("影响", scene.sentence("案例.影响"));

        List<GeneratedCase.Figure> figures = new ArrayList<>();
        for (String economic : draws.some(List.of("年节约成本", "新增产值", "年新增利润", "投资回收期"), draws.between(1, 2))) {
            figures.add(
                    switch (economic) {
                        case "年节约成本" -> new GeneratedCase.Figure(economic, draws.value(50, 800, -1), "万元", "ECONOMIC");
                        case "新增产值" ->
                            new GeneratedCase.Figure(economic, draws.value(500, 20000, -2), "万元", "ECONOMIC");
                        case "年新增利润" ->
                            new GeneratedCase.Figure(economic, draws.value(100, 3000, -1), "万元", "ECONOMIC");
                        default -> new GeneratedCase.Figure(economic, draws.value(0.8, 3, 1), "年", "ECONOMIC");
                    });
        }
        for (IndicatorSpec spec : draws.some(
                node.indicators().stream()
                        .filter(s -> s.quantified() && s.unit() != null)
                        .toList(),
                draws.between(1, 2))) {
            figures.add(new GeneratedCase.Figure(
                    spec.name(), draws.value(spec.min(), spec.max(), spec.decimals()), spec.unit(), "TECHNICAL"));
        }
        List<GeneratedAchievement> transferred = matching(
                achievements, a -> a.chainCode().equals(chain.code()) && a.status() == PublicationStatus.PUBLISHED);
        List<GeneratedExpert> involved = matching(
                experts, e -> e.chainNodeCodes().contains(node.code()) && e.status() == PublicationStatus.PUBLISHED);
        List<String> expertIds = draws.some(involved, draws.between(1, 3)).stream()
                .map(GeneratedExpert::sourceId)
                .toList();
        PublicationStatus status = status(draws, 90, 5, 3, 2);
        return new GeneratedCase(
                "demo-case-%04d".formatted(number),
                station.code(),
                chain.code(),
                node.code(),
                draws.pick(node.divisions()),
                region.code(),
                trimmed(scene.sentence("案例.标题"), 80),
                scene.sentence("案例.问题"),
                scene.sentence("案例.方案"),
                List.of(
                        new GeneratedCase.Party(demandSide, "DEMAND_SIDE"),
                        new GeneratedCase.Party(supplySide, "SUPPLY_SIDE"),
                        new GeneratedCase.Party(broker, "BROKER")),
                figures,
                demand == null ? null : demand.sourceId(),
                transferred.isEmpty() ? null : draws.pick(transferred).sourceId(),
                expertIds,
                status,
                ageHours(draws, status),
                status == PublicationStatus.RETURNED ? scene.sentence("退回原因.案例") : null);
    }

    private static List<String> methods(ChainWords chain, NodeWords node) {
        return node.methods().isEmpty() ? chain.methods() : node.methods();
    }

    private static <T> List<T> matching(List<T> records, Predicate<T> test) {
        return records.stream().filter(test).toList();
    }

    private ChainWords chain(Draws draws, DemoStation station) {
        String code = draws.weighted(List.copyOf(chains.keySet()), station::chainWeight);
        return chains.get(code);
    }

    private DemoRegion region(Draws draws, DemoStation station) {
        List<DemoRegion> area = words.regions().stream()
                .filter(region -> region.code().startsWith(station.areaPrefix()))
                .toList();
        if (area.isEmpty()) {
            throw new IllegalStateException("no demo region in the area of station " + station.code());
        }
        if (station.areaPrefix().length() < 4 || draws.chance(0.85)) {
            return draws.weighted(area, DemoRegion::weight);
        }
        // a city's station also serves its surroundings: now and then a record from elsewhere in the province
        String province = station.areaPrefix().substring(0, 2);
        return draws.weighted(
                words.regions().stream()
                        .filter(region -> region.code().startsWith(province))
                        .toList(),
                DemoRegion::weight);
    }

    private DemoRegion regionByCode(String code) {
        return words.regions().stream()
                .filter(region -> region.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private Scene scene(Draws draws, ChainWords chain, NodeWords node, DemoRegion region) {
        Scene scene = new Scene(draws, words.templates())
                .words("对象", node.objects())
                .words("工艺", node.processes())
                .words("材料", node.materials())
                .words("难题", node.problems())
                .words("场景", node.scenarios())
                .words("方法", methods(chain, node))
                .words("产业背景", chain.contexts())
                .words("企业性质", ENTERPRISE_KINDS)
                .words("期限", PERIODS)
                .set("领域", node.field())
                .set("产业链", chain.name())
                .set("城市", region.shortName());
        List<String> measurable = node.indicators().stream()
                .filter(IndicatorSpec::quantified)
                .map(IndicatorSpec::name)
                .filter(name -> CHANGE_WORDS.stream().noneMatch(name::contains))
                .toList();
        scene.words("指标名", measurable);
        scene.slot("年份", () -> Integer.toString(draws.between(1995, 2019)))
                .slot("人数", () -> Integer.toString(draws.between(3, 40) * 10))
                .slot("产值", () -> draws.value(0.5, 30, 1).toPlainString())
                .slot("年限", () -> Integer.toString(draws.between(5, 25)))
                .slot("比例", () -> Integer.toString(draws.between(10, 35)))
                .slot("月数", () -> Integer.toString(draws.between(3, 18)))
                .slot("专利数", () -> Integer.toString(draws.between(2, 12)))
                .slot("标准数", () -> Integer.toString(draws.between(1, 3)))
                .slot("论文数", () -> Integer.toString(draws.between(5, 30)))
                .slot("企业数", () -> Integer.toString(draws.between(3, 40)))
                .slot("损失", () -> Integer.toString(draws.between(5, 80) * 10));
        return scene;
    }

    /** The problems section: an opening line and two to four numbered problems, the first the background's. */
    private static String problems(Draws draws, Scene scene, NodeWords node) {
        String first = scene.get("难题");
        List<String> problems = new ArrayList<>();
        problems.add(first);
        for (String other : draws.some(node.problems(), draws.between(1, 3))) {
            if (!problems.contains(other)) {
                problems.add(other);
            }
        }
        StringBuilder text = new StringBuilder(scene.sentence("需求.难题引导"));
        List<String> items = scene.patterns("需求.难题条目", problems.size());
        for (int i = 0; i < problems.size(); i++) {
            scene.set("难题", problems.get(i));
            String item = scene.fill(items.get(i % items.size()));
            text.append('\n').append(i + 1).append(". ").append(item).append(i + 1 < problems.size() ? "；" : "。");
        }
        scene.set("难题", first);
        return text.toString();
    }

    /** An indicator as an achievement reports it: 良品率达到 99.2%, 热阻低于 0.5 ℃/W, 能耗降低 18%. */
    private static String achieved(Draws draws, IndicatorSpec spec) {
        if (!spec.quantified()) {
            return spec.text();
        }
        String value =
                draws.value(spec.min(), spec.max(), spec.decimals()).toPlainString() + unitAfterNumber(spec.unit());
        if (CHANGE_WORDS.stream().anyMatch(spec.name()::endsWith)) {
            return spec.name() + value;
        }
        return switch (spec.comparator()) {
            case "≤", "<" -> spec.name() + (draws.chance(0.5) ? "低于" : "不超过") + value;
            case "=" -> spec.name() + "为" + value;
            default -> spec.name() + (draws.chance(0.5) ? "达到" : "达") + value;
        };
    }

    private static String unitAfterNumber(String unit) {
        if (unit == null) {
            return "";
        }
        char first = unit.charAt(0);
        boolean latin =
                (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first == 'μ' || first == 'Ω';
        return latin ? " " + unit : unit;
    }

    /**
     * A CN application number (or the number of the granted patent, {@code ZL}) with its check digit: year, type 1
     * (invention) or 2 (utility model), a serial of seven digits.
     */
    static String patent(Draws draws, boolean granted) {
        String digits = Integer.toString(draws.between(2014, 2024))
                + (draws.chance(0.8) ? "1" : "2")
                + "%07d".formatted(draws.between(0, 1_999_999));
        return (granted ? "ZL" : "CN") + digits + "." + checkDigit(digits);
    }

    /** CNIPA's check digit of a twelve-digit application number: weights 2–9, 2–5, sum modulo 11, 10 written X. */
    static String checkDigit(String digits) {
        int[] weights = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = sum % 11;
        return check == 10 ? "X" : Integer.toString(check);
    }

    private String personName(Draws draws) {
        String surname = draws.pick(words.people("姓"));
        String given = draws.pick(words.people("名"));
        if (surname.length() == 1 && draws.chance(0.65)) {
            given = given + draws.pickOther(words.people("名"), given);
        }
        return surname + given;
    }

    private String university(Draws draws, ChainWords chain, DemoRegion region) {
        List<String> kinds = new ArrayList<>(words.people("高校类型"));
        if (chain.code().equals("BIO") || chain.code().equals("AGRI")) {
            kinds.addAll(words.people("高校类型." + chain.code()));
            kinds.addAll(words.people("高校类型." + chain.code()));
        }
        return region.shortName() + draws.pick(kinds);
    }

    private String institute(Draws draws, ChainWords chain, NodeWords node, DemoRegion region) {
        String subject = draws.chance(0.5) ? chain.name() : node.field();
        return region.shortName() + subject + draws.pick(words.people("院所类型"));
    }

    private String company(Draws draws, ChainWords chain, DemoRegion region) {
        String brand = draws.pick(chain.brands());
        String suffix = draws.pick(chain.companySuffixes());
        return draws.chance(0.7) ? region.shortName() + brand + suffix + "有限公司" : brand + suffix + "股份有限公司";
    }

    /** 宁波芯源微电子科技有限公司 → 芯源微电子; 杭州理工大学 stays. */
    private static String shortName(String organization) {
        String name = organization.replace("股份有限公司", "").replace("有限公司", "");
        return name.length() > 8 ? name.substring(name.length() - 8) : name;
    }

    /**
     * What an expert agreed in writing that the station may show: a third also their contact, a quarter the profile
     * only; without a consent ({@code null}) the contact stays with the station and operators.
     */
    private static String writtenConsent(Draws draws) {
        String consent = draws.weighted(List.of("CONTACT", "PROFILE", "NONE"), scope -> switch (scope) {
            case "CONTACT" -> 35;
            case "PROFILE" -> 25;
            default -> 40;
        });
        return consent.equals("NONE") ? null : consent;
    }

    private static PublicationStatus status(Draws draws, int published, int draft, int returned, int archived) {
        return draws.weighted(LIFECYCLE, status -> switch (status) {
            case PUBLISHED -> published;
            case DRAFT -> draft;
            case RETURNED -> returned;
            default -> archived;
        });
    }

    /** Mostly recent; a quarter of the published ones older than the stale threshold; archived ones long ago. */
    private static int ageHours(Draws draws, PublicationStatus status) {
        int days = switch (status) {
            case DRAFT -> draws.between(0, 45);
            case RETURNED -> draws.between(3, 60);
            case ARCHIVED -> draws.between(150, 420);
            default -> draws.chance(0.75) ? draws.between(0, 80) : draws.between(95, 360);
        };
        return days * 24 + draws.between(0, 23);
    }

    private static int demandModeWeight(CooperationMode mode) {
        return switch (mode) {
            case JOINT_DEVELOPMENT -> 10;
            case COMMISSIONED_DEVELOPMENT -> 8;
            case TRANSFER -> 4;
            case LICENSE -> 2;
            case CONSULTING -> 3;
            case SERVICE -> 3;
            case TALENT -> 2;
            case OPEN_COMPETITION -> 2;
            default -> 1;
        };
    }

    private static long roundTo(double value, int step) {
        return BigDecimal.valueOf(value / step)
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValue()
                * step;
    }

    private static String trimmed(String title, int max) {
        return title.length() <= max ? title : title.substring(0, max);
    }

    /**
     * A demo station as the generator spreads records over it.
     *
     * @param areaPrefix GB/T 2260 prefix of the area its records come from; empty for a national society
     * @param chains weight per chain code; chains not named weigh 1
     */
    record DemoStation(String code, String name, int weight, String areaPrefix, Map<String, Integer> chains) {

        static final List<DemoStation> ALL = List.of(
                new DemoStation("cmes", "中国机械工程学会", 14, "", Map.of("HEE", 12, "NEV", 6, "NMAT", 4, "AI", 3)),
                new DemoStation("ccs", "中国化学会", 10, "", Map.of("NMAT", 10, "BIO", 7, "NES", 7, "NEV", 3)),
                new DemoStation("caass", "中国农学会", 8, "", Map.of("AGRI", 30, "BIO", 2)),
                new DemoStation("gdast", "广东省科学技术协会", 12, "44", Map.of("AI", 4, "IC", 4, "NEV", 3, "HEE", 3)),
                new DemoStation("zjast", "浙江省科学技术协会", 12, "33", Map.of("NMAT", 3, "AI", 3, "NES", 3, "AGRI", 2)),
                new DemoStation("ningbo", "宁波市科学技术协会", 9, "3302", Map.of("NMAT", 6, "HEE", 5, "NEV", 4)),
                new DemoStation("foshan", "佛山市科学技术协会", 9, "4406", Map.of("HEE", 6, "NMAT", 4, "NEV", 3, "AI", 2)),
                new DemoStation("zju", "浙江大学", 12, "3301", Map.of("AI", 4, "BIO", 3, "IC", 3, "AGRI", 3, "NES", 2)),
                new DemoStation("sip", "苏州工业园区", 10, "3205", Map.of("IC", 8, "BIO", 8, "AI", 5, "NMAT", 3)));

        int chainWeight(String chain) {
            return chains.getOrDefault(chain, 1);
        }

        /** The national society of the demo whose field the chain belongs to. */
        static String societyOf(String chain) {
            return switch (chain) {
                case "AGRI" -> "caass";
                case "NMAT", "BIO", "NES" -> "ccs";
                default -> "cmes";
            };
        }
    }
}
