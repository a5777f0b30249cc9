package org.kechuang.demand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kechuang.organization.Organizations;
import org.kechuang.platform.text.Text;
import org.kechuang.reference.Industries;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Regions;
import org.kechuang.shared.CooperationMode;
import org.springframework.stereotype.Component;

/**
 * What makes a demand acceptable, the same for the form, the API and imports: required title and background, lengths,
 * no markup, known codes, a sane budget, well-formed indicators and contact details. Every broken rule is reported at
 * once. Free text is kept as typed (only trimmed); codes and numbers are normalized (full-width digits, blanks).
 */
@Component
class DemandRules {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 5000;
    static final int SCENARIO_MAX = 1000;
    static final int INDICATORS_MAX = 30;
    static final int INDICATOR_NAME_MAX = 100;
    static final int INDICATOR_UNIT_MAX = 20;
    static final int INDICATOR_TEXT_MAX = 500;
    static final int PERSON_MAX = 50;
    static final int PHONE_MAX = 40;
    static final int EMAIL_MAX = 254;
    static final int CODE_MAX = 40;
    /** 万元: one hundred billion yuan is more than any technical demand budget. */
    static final BigDecimal BUDGET_MAX = new BigDecimal("10000000");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-\\s转#]{5,40}");
    private static final Pattern DATE =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    /** One indicator line: name, comparator, number, optional unit ("效率 >= 95 %", "分辨率≤10nm"). */
    private static final Pattern INDICATOR_LINE =
            Pattern.compile("(.+?)\\s*(<=|>=|≤|≥|<|>|=|≈|~|约)\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*(.*)");

    private final Regions regions;
    private final Industries industries;
    private final IndustryChains chains;
    private final Organizations organizations;

    DemandRules(Regions regions, Industries industries, IndustryChains chains, Organizations organizations) {
        this.regions = regions;
        this.industries = industries;
        this.chains = chains;
        this.organizations = organizations;
    }

    /** Checks the draft; the content it describes, or {@link DemandRejected} with every broken rule. */
    DemandContent validate(DemandDraft draft) {
        List<Violation> violations = new ArrayList<>();
        DemandContent content = read(draft, violations);
        if (!violations.isEmpty()) {
            throw new DemandRejected(violations);
        }
        return content;
    }

    /**
     * The content of a draft that may be unfinished or partly wrong, as far as it can be read: what breaks a rule is
     * left out (a required field too). For the live completeness meter of a form being typed; never stored.
     */
    DemandContent readLeniently(DemandDraft draft) {
        return read(draft, new ArrayList<>());
    }

    /** Reads the draft, adding every broken rule to the violations and leaving the offending value out. */
    private DemandContent read(DemandDraft draft, List<Violation> violations) {
        String title = text(violations, "title", draft.title(), TITLE_MAX, "demand.title.required");
        String background = text(violations, "background", draft.background(), TEXT_MAX, "demand.background.required");
        String problems = text(violations, "technicalProblems", draft.technicalProblems(), TEXT_MAX, null);
        List<TargetIndicator> indicators = indicators(violations, draft.targetIndicators());
        String industry = code(violations, "industryCode", draft.industryCode());
        if (industry != null) {
            industry = industries
                    .find(industry)
                    .map(found -> found.code())
                    .orElseGet(
                            () -> unknown(violations, "industryCode", "demand.industry.unknown", draft.industryCode()));
        }
        String node = code(violations, "chainNodeCode", draft.chainNodeCode());
        if (node != null) {
            String typed = node.toUpperCase(Locale.ROOT);
            node = chains.findNode(typed)
                    .map(found -> found.code())
                    .orElseGet(() -> unknown(violations, "chainNodeCode", "demand.chain-node.unknown", typed));
        }
        String scenario = text(violations, "applicationScenario", draft.applicationScenario(), SCENARIO_MAX, null);
        String region = code(violations, "regionCode", draft.regionCode());
        if (region != null) {
            String typed = region;
            region = regions.find(typed)
                    .map(found -> found.code())
                    .orElseGet(() -> unknown(violations, "regionCode", "demand.region.unknown", typed));
        }
        Set<CooperationMode> modes = modes(violations, draft.cooperationModes());
        BigDecimal budgetMin = budget(violations, "budgetMin", draft.budgetMin());
        BigDecimal budgetMax = budget(violations, "budgetMax", draft.budgetMax());
        if (budgetMin != null && budgetMax != null && budgetMin.compareTo(budgetMax) > 0) {
            violations.add(Violation.of(
                    "budgetMax", "demand.budget.order", budgetMin.toPlainString(), budgetMax.toPlainString()));
        }
        LocalDate deadline = date(violations, "deadline", draft.deadline());
        String person = text(violations, "contactPerson", draft.contactPerson(), PERSON_MAX, null);
        String phone = shortCode(violations, "contactPhone", draft.contactPhone(), PHONE_MAX);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            violations.add(Violation.of("contactPhone", "demand.contact.phone-invalid"));
        }
        String email = shortCode(violations, "contactEmail", draft.contactEmail(), EMAIL_MAX);
        if (email != null && !EMAIL.matcher(email).matches()) {
            violations.add(Violation.of("contactEmail", "demand.contact.email-invalid"));
        }
        Long organization = draft.organizationId();
        if (organization != null && organizations.find(organization).isEmpty()) {
            violations.add(Violation.of("organizationId", "demand.organization.unknown", organization));
        }
        return new DemandContent(
                title,
                background,
                problems,
                indicators,
                industry,
                node,
                scenario,
                region,
                modes,
                budgetMin,
                budgetMax,
                deadline,
                Boolean.TRUE.equals(draft.confidential()),
                new DemandContent.Contact(person, phone, email),
                organization);
    }

    /** A demand is submitted to be answered: its deadline, if it has one, must not have passed. */
    static void requireOpenDeadline(DemandContent content, LocalDate today) {
        if (content.deadline() != null && content.deadline().isBefore(today)) {
            throw new DemandRejected(List.of(Violation.of(
                    "deadline", "demand.deadline.past", content.deadline().toString())));
        }
    }

    /** Parses the lines of the form's indicator box, one indicator per line, blank lines skipped. */
    static List<TargetIndicator.Draft> parseLines(String lines) {
        List<TargetIndicator.Draft> drafts = new ArrayList<>();
        if (lines == null) {
            return drafts;
        }
        for (String line : lines.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            // comparators and digits may be full-width in typed text: match on the normalized line
            Matcher quantified = INDICATOR_LINE.matcher(Text.clean(trimmed));
            if (quantified.matches() && !quantified.group(1).isBlank()) {
                drafts.add(new TargetIndicator.Draft(
                        quantified.group(1).strip(),
                        quantified.group(2),
                        quantified.group(3),
                        quantified.group(4).isBlank()
                                ? null
                                : quantified.group(4).strip(),
                        null));
            } else {
                drafts.add(new TargetIndicator.Draft(null, null, null, null, trimmed));
            }
        }
        return drafts;
    }

    private static List<TargetIndicator> indicators(List<Violation> violations, List<TargetIndicator.Draft> drafts) {
        List<TargetIndicator> indicators = new ArrayList<>();
        if (drafts == null) {
            return indicators;
        }
        if (drafts.size() > INDICATORS_MAX) {
            violations.add(Violation.of("targetIndicators", "demand.indicators.too-many", INDICATORS_MAX));
            return indicators;
        }
        for (int i = 0; i < drafts.size(); i++) {
            TargetIndicator.Draft draft = drafts.get(i);
            String at = "targetIndicators[" + i + "]";
            if (draft == null) {
                continue;
            }
            int before = violations.size();
            String name = text(violations, at + ".name", draft.name(), INDICATOR_NAME_MAX, null);
            String unit = text(violations, at + ".unit", draft.unit(), INDICATOR_UNIT_MAX, null);
            String text = text(violations, at + ".text", draft.text(), INDICATOR_TEXT_MAX, null);
            String value = shortCode(violations, at + ".value", draft.value(), 40);
            if (violations.size() > before) {
                continue;
            }
            if (value == null) {
                String free = text != null ? text : name;
                if (free == null) {
                    continue;
                }
                indicators.add(new TargetIndicator(null, null, null, null, free));
                continue;
            }
            if (!NUMBER.matcher(value).matches()) {
                violations.add(Violation.of(at + ".value", "demand.indicator.value-invalid", value));
                continue;
            }
            if (name == null) {
                violations.add(Violation.of(at + ".name", "demand.indicator.name-required"));
                continue;
            }
            TargetIndicator.Comparison comparison = comparison(draft.comparator());
            if (comparison == null) {
                violations.add(Violation.of(
                        at + ".comparator", "demand.indicator.comparator-unknown", String.valueOf(draft.comparator())));
                continue;
            }
            BigDecimal number =
                    new BigDecimal(new BigDecimal(value).stripTrailingZeros().toPlainString());
            indicators.add(new TargetIndicator(name, comparison, number, unit, null));
        }
        return indicators;
    }

    static TargetIndicator.Comparison comparison(String typed) {
        String symbol = Text.cleanOrNull(typed);
        if (symbol == null) {
            return TargetIndicator.Comparison.EQ;
        }
        return switch (symbol.toUpperCase(Locale.ROOT)) {
            case "<", "LT" -> TargetIndicator.Comparison.LT;
            case "<=", "≤", "LE" -> TargetIndicator.Comparison.LE;
            case "=", "==", "EQ" -> TargetIndicator.Comparison.EQ;
            case ">=", "≥", "GE" -> TargetIndicator.Comparison.GE;
            case ">", "GT" -> TargetIndicator.Comparison.GT;
            case "≈", "~", "约", "APPROX" -> TargetIndicator.Comparison.APPROX;
            default -> null;
        };
    }

    private static Set<CooperationMode> modes(List<Violation> violations, List<String> typed) {
        Set<CooperationMode> modes = EnumSet.noneOf(CooperationMode.class);
        if (typed == null) {
            return modes;
        }
        for (String mode : typed) {
            if (mode == null || mode.isBlank()) {
                continue;
            }
            if (mode.length() > CODE_MAX) {
                violations.add(Violation.of("cooperationModes", "text.too-long", CODE_MAX));
                continue;
            }
            CooperationMode.parse(Text.clean(mode))
                    .ifPresentOrElse(
                            modes::add,
                            () -> violations.add(
                                    Violation.of("cooperationModes", "demand.mode.unknown", Text.clean(mode))));
        }
        return modes;
    }

    private static BigDecimal budget(List<Violation> violations, String field, String typed) {
        String value = shortCode(violations, field, typed, 40);
        if (value == null) {
            return null;
        }
        value = value.replace(",", "");
        if (!NUMBER.matcher(value).matches()) {
            violations.add(Violation.of(field, "demand.budget.invalid", value));
            return null;
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() < 0) {
            violations.add(Violation.of(field, "demand.budget.negative"));
            return null;
        }
        if (amount.compareTo(BUDGET_MAX) > 0) {
            violations.add(Violation.of(field, "demand.budget.too-large", BUDGET_MAX.toPlainString()));
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            violations.add(Violation.of(field, "demand.budget.invalid", value));
            return null;
        }
        return amount.setScale(2);
    }

    private static LocalDate date(List<Violation> violations, String field, String typed) {
        String value = shortCode(violations, field, typed, 40);
        if (value == null) {
            return null;
        }
        Matcher date = DATE.matcher(value);
        if (!date.matches()) {
            violations.add(Violation.of(field, "demand.deadline.invalid", value));
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)));
        } catch (java.time.DateTimeException impossible) {
            violations.add(Violation.of(field, "demand.deadline.invalid", value));
            return null;
        }
    }

    /**
     * Free text: refused when too long (before anything else looks at it) or carrying markup; kept as typed except
     * for surrounding blanks.
     */
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

    /** A code, number, phone or address: full-width forms folded to half-width, inner blanks kept. */
    private static String shortCode(List<Violation> violations, String field, String typed, int max) {
        if (typed == null) {
            return null;
        }
        if (typed.length() > max * 4) {
            violations.add(Violation.of(field, "text.too-long", max));
            return null;
        }
        String value = Text.cleanOrNull(typed);
        if (value == null) {
            return null;
        }
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

    private static String code(List<Violation> violations, String field, String typed) {
        String value = shortCode(violations, field, typed, CODE_MAX);
        return value == null ? null : value.replace(" ", "");
    }

    private static String unknown(List<Violation> violations, String field, String key, String typed) {
        violations.add(Violation.of(field, key, Text.clean(typed)));
        return null;
    }
}
