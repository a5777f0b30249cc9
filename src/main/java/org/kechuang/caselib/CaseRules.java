package org.kechuang.caselib;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kechuang.achievement.Achievements;
import org.kechuang.demand.Demands;
import org.kechuang.organization.Organizations;
import org.kechuang.platform.text.Text;
import org.kechuang.reference.Industries;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Regions;
import org.kechuang.talent.Experts;
import org.springframework.stereotype.Component;

/**
 * What makes a case acceptable, the same for the form, the API and imports: title, problem and solution are required;
 * lengths, no markup, known codes; every party has a role and a name or a known organization; every figure has a name,
 * an exact number and a unit; the linked demand, achievement and experts exist. Every broken rule is reported at once.
 */
@Component
class CaseRules {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 10000;
    static final int PARTIES_MAX = 20;
    static final int PARTY_NAME_MAX = 200;
    static final int FIGURES_MAX = 30;
    static final int FIGURE_NAME_MAX = 50;
    static final int UNIT_MAX = 20;
    static final int KEYWORDS_MAX = 20;
    static final int KEYWORD_MAX = 50;
    static final int EXPERTS_MAX = 20;
    static final int CODE_MAX = 40;
    /** Beyond any real measurement, and within numeric(…) of the JSON reading. */
    static final BigDecimal VALUE_MAX = new BigDecimal("1000000000000");

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    /** One figure of a cell: an optional kind, the name, {@code =}, the number and the unit. */
    private static final Pattern FIGURE_ITEM = Pattern.compile(
            "(?:(经济|技术|经济指标|技术指标)\\s*[:：]\\s*)?(.+?)\\s*[=＝]\\s*([+-]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\\s*(.*)");

    private final Regions regions;
    private final Industries industries;
    private final IndustryChains chains;
    private final Organizations organizations;
    private final Demands demands;
    private final Achievements achievements;
    private final Experts experts;

    CaseRules(
            Regions regions,
            Industries industries,
            IndustryChains chains,
            Organizations organizations,
            Demands demands,
            Achievements achievements,
            Experts experts) {
        this.regions = regions;
        this.industries = industries;
        this.chains = chains;
        this.organizations = organizations;
        this.demands = demands;
        this.achievements = achievements;
        this.experts = experts;
    }

    /** Checks the draft; the content it describes, or {@link CaseRejected} with every broken rule. */
    CaseContent validate(CaseDraft draft) {
        List<Violation> violations = new ArrayList<>();
        String title = text(violations, "title", draft.title(), TITLE_MAX, "case.title.required");
        String problem = text(violations, "problem", draft.problem(), TEXT_MAX, "case.problem.required");
        String solution = text(violations, "solution", draft.solution(), TEXT_MAX, "case.solution.required");
        List<Party> parties = parties(violations, draft.parties());
        List<Figure> figures = figures(violations, draft.figures());
        List<String> keywords = keywords(violations, draft.keywords());
        String industry = code(violations, "industryCode", draft.industryCode());
        if (industry != null) {
            String typed = industry;
            industry = industries.find(typed).map(found -> found.code()).orElse(null);
            if (industry == null) {
                violations.add(Violation.of("industryCode", "case.industry.unknown", typed));
            }
        }
        String node = code(violations, "chainNodeCode", draft.chainNodeCode());
        if (node != null) {
            String typed = node.toUpperCase(Locale.ROOT);
            node = chains.findNode(typed).map(found -> found.code()).orElse(null);
            if (node == null) {
                violations.add(Violation.of("chainNodeCode", "case.chain-node.unknown", typed));
            }
        }
        String region = code(violations, "regionCode", draft.regionCode());
        if (region != null) {
            String typed = region;
            region = regions.find(typed).map(found -> found.code()).orElse(null);
            if (region == null) {
                violations.add(Violation.of("regionCode", "case.region.unknown", typed));
            }
        }
        Long demand = draft.demandId();
        if (demand != null && demands.summary(demand).isEmpty()) {
            violations.add(Violation.of("demandId", "case.demand.unknown", String.valueOf(demand)));
        }
        Long achievement = draft.achievementId();
        if (achievement != null && achievements.summary(achievement).isEmpty()) {
            violations.add(Violation.of("achievementId", "case.achievement.unknown", String.valueOf(achievement)));
        }
        List<Long> expertIds = expertIds(violations, draft.expertIds());
        if (!violations.isEmpty()) {
            throw new CaseRejected(violations);
        }
        return new CaseContent(
                title,
                problem,
                solution,
                parties,
                figures,
                keywords,
                industry,
                node,
                region,
                demand,
                achievement,
                expertIds);
    }

    /**
     * The figures of one import cell or form field, e.g. {@code 年节约成本=320万元;良品率提升=4.5个百分点}: items separated
     * by semicolons or line breaks (not commas, which group digits), each {@code name=number unit}, optionally led by
     * {@code 经济:} or {@code 技术:}. An item that does not read so is kept whole as a figure without a number, which the
     * rules refuse naming the item.
     */
    static List<CaseDraft.FigureDraft> figureItems(String cell) {
        List<CaseDraft.FigureDraft> figures = new ArrayList<>();
        if (cell == null) {
            return figures;
        }
        for (String item : cell.split("[;；\\n\\r]+")) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Matcher matcher = FIGURE_ITEM.matcher(trimmed);
            if (matcher.matches()) {
                figures.add(new CaseDraft.FigureDraft(
                        matcher.group(2).strip(),
                        matcher.group(3),
                        matcher.group(4).strip(),
                        matcher.group(1)));
            } else {
                figures.add(new CaseDraft.FigureDraft(trimmed, null, null, null));
            }
        }
        return figures;
    }

    private static final Pattern LINKED_PARTY = Pattern.compile("(.*?)\\s*[#＃]\\s*([0-9０-９]{1,15})");

    /**
     * The parties of one role as a form line or import cell lists them: each item a name, {@code #organization number}
     * or {@code name #number}.
     */
    static List<CaseDraft.PartyDraft> partyItems(PartyRole role, List<String> items) {
        List<CaseDraft.PartyDraft> parties = new ArrayList<>();
        for (String item : items) {
            Matcher linked = LINKED_PARTY.matcher(item.strip());
            if (linked.matches()) {
                String name = linked.group(1).strip();
                parties.add(new CaseDraft.PartyDraft(
                        role.name(), Long.valueOf(Text.clean(linked.group(2))), name.isEmpty() ? null : name));
            } else {
                parties.add(new CaseDraft.PartyDraft(role.name(), null, item.strip()));
            }
        }
        return parties;
    }

    /**
     * Record numbers as typed into a form or a cell; one that is not a number is reported like an unknown record.
     *
     * @param unknownKey the key of the field's unknown-record problem
     */
    static List<Long> numbers(List<Violation> violations, String field, List<String> items, String unknownKey) {
        List<Long> numbers = new ArrayList<>();
        for (String item : items) {
            String value = Text.clean(item).replace("#", "");
            if (value.matches("\\d{1,15}")) {
                numbers.add(Long.valueOf(value));
            } else {
                violations.add(Violation.of(field, unknownKey, echo(item)));
            }
        }
        return numbers;
    }

    /** The one record number a single link field holds; more than one is refused. */
    static Long single(List<Violation> violations, String field, List<Long> numbers) {
        if (numbers.size() > 1) {
            violations.add(Violation.of(field, "case.link.one"));
            return null;
        }
        return numbers.isEmpty() ? null : numbers.getFirst();
    }

    /** Splits what a form or cell holds into items: semicolons, commas (Chinese or not), 、 and line breaks. */
    static List<String> items(String typed) {
        List<String> items = new ArrayList<>();
        if (typed == null) {
            return items;
        }
        for (String item : typed.split("[;；,，、\\n\\r]+")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private List<Party> parties(List<Violation> violations, List<CaseDraft.PartyDraft> typed) {
        List<Party> parties = new ArrayList<>();
        if (typed == null) {
            return parties;
        }
        if (typed.size() > PARTIES_MAX) {
            violations.add(Violation.of("parties", "case.parties.too-many", PARTIES_MAX));
            return parties;
        }
        for (CaseDraft.PartyDraft party : typed) {
            if (party == null) {
                continue;
            }
            String typedRole = code(violations, "parties", party.role());
            PartyRole role =
                    typedRole == null ? null : PartyRole.parse(typedRole).orElse(null);
            if (role == null) {
                violations.add(
                        Violation.of("parties", "case.party.role", typedRole == null ? "" : typedRole, name(party)));
                continue;
            }
            String name = text(violations, "parties", party.name(), PARTY_NAME_MAX, null);
            if (party.organizationId() != null) {
                var organization = organizations.find(party.organizationId());
                if (organization.isEmpty()) {
                    violations.add(Violation.of(
                            "parties", "case.party.organization-unknown", String.valueOf(party.organizationId())));
                    continue;
                }
                name = organization.get().name();
            }
            if (name == null) {
                violations.add(Violation.of("parties", "case.party.name-required", role.chineseName()));
                continue;
            }
            Party checked = new Party(role, party.organizationId(), name);
            if (!parties.contains(checked)) {
                parties.add(checked);
            }
        }
        return parties;
    }

    private static String name(CaseDraft.PartyDraft party) {
        return party.name() == null ? "" : echo(party.name());
    }

    private static List<Figure> figures(List<Violation> violations, List<CaseDraft.FigureDraft> typed) {
        List<Figure> figures = new ArrayList<>();
        if (typed == null) {
            return figures;
        }
        if (typed.size() > FIGURES_MAX) {
            violations.add(Violation.of("figures", "case.figures.too-many", FIGURES_MAX));
            return figures;
        }
        for (CaseDraft.FigureDraft figure : typed) {
            if (figure == null) {
                continue;
            }
            String name = text(violations, "figures", figure.name(), FIGURE_NAME_MAX, "case.figure.name-required");
            if (name == null) {
                continue;
            }
            String typedValue = Text.cleanOrNull(figure.value());
            if (typedValue == null) {
                violations.add(Violation.of("figures", "case.figure.value-required", name));
                continue;
            }
            String number = typedValue.replace(",", "");
            if (number.length() > CODE_MAX || !NUMBER.matcher(number).matches()) {
                violations.add(Violation.of("figures", "case.figure.value-invalid", name, echo(typedValue)));
                continue;
            }
            BigDecimal value = new BigDecimal(number);
            if (value.abs().compareTo(VALUE_MAX) > 0
                    || value.stripTrailingZeros().scale() > 6) {
                violations.add(Violation.of("figures", "case.figure.value-invalid", name, echo(typedValue)));
                continue;
            }
            String unit = text(violations, "figures", figure.unit(), UNIT_MAX, null);
            if (unit == null) {
                violations.add(Violation.of("figures", "case.figure.unit-required", name));
                continue;
            }
            FigureKind kind = FigureKind.ofUnit(unit);
            String typedKind = Text.cleanOrNull(figure.kind());
            if (typedKind != null) {
                kind = FigureKind.parse(typedKind).orElse(null);
                if (kind == null) {
                    violations.add(Violation.of("figures", "case.figure.kind-unknown", name, echo(typedKind)));
                    continue;
                }
            }
            figures.add(new Figure(name, value, unit, kind));
        }
        return figures;
    }

    private static List<String> keywords(List<Violation> violations, List<String> typed) {
        Set<String> keywords = new LinkedHashSet<>();
        if (typed == null) {
            return List.of();
        }
        for (String keyword : typed) {
            String value = text(violations, "keywords", keyword, KEYWORD_MAX, null);
            if (value != null) {
                keywords.add(value);
            }
        }
        if (keywords.size() > KEYWORDS_MAX) {
            violations.add(Violation.of("keywords", "case.keywords.too-many", KEYWORDS_MAX));
        }
        return List.copyOf(keywords);
    }

    private List<Long> expertIds(List<Violation> violations, List<Long> typed) {
        Set<Long> ids = new LinkedHashSet<>();
        if (typed == null) {
            return List.of();
        }
        if (typed.size() > EXPERTS_MAX) {
            violations.add(Violation.of("expertIds", "case.experts.too-many", EXPERTS_MAX));
            return List.of();
        }
        for (Long id : typed) {
            if (id == null) {
                continue;
            }
            if (experts.summary(id).isEmpty()) {
                violations.add(Violation.of("expertIds", "case.expert.unknown", String.valueOf(id)));
            } else {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    /** Free text: refused when too long (before anything else looks at it) or carrying markup; kept as typed. */
    private static String text(List<Violation> violations, String field, String typed, int max, String requiredKey) {
        if (typed == null || typed.isBlank()) {
            if (requiredKey != null) {
                violations.add(Violation.of(field, requiredKey));
            }
            return null;
        }
        String value = typed.strip();
        if (value.length() > max) {
            violations.add(Violation.of(field, "text.too-long", max));
            return null;
        }
        if (Text.hasMarkup(value)) {
            violations.add(Violation.of(field, "text.markup"));
            return null;
        }
        return value;
    }

    /** A code: full-width forms folded to half-width, blanks removed. */
    private static String code(List<Violation> violations, String field, String typed) {
        if (typed == null) {
            return null;
        }
        if (typed.length() > CODE_MAX * 4) {
            violations.add(Violation.of(field, "text.too-long", CODE_MAX));
            return null;
        }
        String value = Text.cleanOrNull(typed);
        if (value == null) {
            return null;
        }
        if (value.length() > CODE_MAX) {
            violations.add(Violation.of(field, "text.too-long", CODE_MAX));
            return null;
        }
        if (Text.hasMarkup(value)) {
            violations.add(Violation.of(field, "text.markup"));
            return null;
        }
        return value.replace(" ", "");
    }

    static String echo(String typed) {
        String clean = Text.clean(typed);
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
