package org.kechuang.achievement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.kechuang.organization.Organizations;
import org.kechuang.platform.text.Text;
import org.kechuang.reference.Industries;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Regions;
import org.kechuang.shared.CooperationMode;
import org.springframework.stereotype.Component;

/**
 * What makes an achievement acceptable, the same for the form, the API and imports: a title and a description
 * (abstract) are required, everything else may come later; lengths, no markup, known codes, valid CN patent numbers
 * (with their check digits), transfer modes that apply to achievements, a sane price range. Every broken rule is
 * reported at once. Free text is kept as typed (only trimmed); codes and numbers are normalized.
 */
@Component
class AchievementRules {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 10000;
    static final int KEYWORDS_MAX = 20;
    static final int KEYWORD_MAX = 50;
    static final int FIELD_MAX = 100;
    static final int PATENTS_MAX = 50;
    static final int INVENTORS_MAX = 50;
    static final int INVENTOR_MAX = 50;
    static final int CODE_MAX = 40;
    /** 万元 */
    static final BigDecimal PRICE_MAX = new BigDecimal("10000000");

    /** NSFC application codes: a department letter and two, four or six digits. */
    private static final Pattern DISCIPLINE = Pattern.compile("[A-H](\\d{2}){0,3}");

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private final Regions regions;
    private final Industries industries;
    private final IndustryChains chains;
    private final Organizations organizations;

    AchievementRules(Regions regions, Industries industries, IndustryChains chains, Organizations organizations) {
        this.regions = regions;
        this.industries = industries;
        this.chains = chains;
        this.organizations = organizations;
    }

    /** Checks the draft; the content it describes, or {@link AchievementRejected} with every broken rule. */
    AchievementContent validate(AchievementDraft draft) {
        List<Violation> violations = new ArrayList<>();
        String title = text(violations, "title", draft.title(), TITLE_MAX, "achievement.title.required");
        String description = text(
                violations, "description", draft.description(), DESCRIPTION_MAX, "achievement.description.required");
        List<String> keywords = keywords(violations, draft.keywords());
        String field = text(violations, "technologyField", draft.technologyField(), FIELD_MAX, null);
        String discipline = code(violations, "disciplineCode", draft.disciplineCode());
        if (discipline != null) {
            discipline = discipline.toUpperCase(Locale.ROOT);
            if (!DISCIPLINE.matcher(discipline).matches()) {
                violations.add(Violation.of("disciplineCode", "achievement.discipline.invalid", discipline));
                discipline = null;
            }
        }
        String industry = code(violations, "industryCode", draft.industryCode());
        if (industry != null) {
            String typed = industry;
            industry = industries
                    .find(typed)
                    .map(found -> found.code())
                    .orElseGet(() -> unknown(violations, "industryCode", "achievement.industry.unknown", typed));
        }
        String node = code(violations, "chainNodeCode", draft.chainNodeCode());
        if (node != null) {
            String typed = node.toUpperCase(Locale.ROOT);
            node = chains.findNode(typed)
                    .map(found -> found.code())
                    .orElseGet(() -> unknown(violations, "chainNodeCode", "achievement.chain-node.unknown", typed));
        }
        MaturityLevel trl = null;
        String typedTrl = shortCode(violations, "trl", draft.trl(), CODE_MAX);
        if (typedTrl != null) {
            trl = MaturityLevel.parse(typedTrl).orElse(null);
            if (trl == null) {
                violations.add(Violation.of("trl", "achievement.trl.invalid", typedTrl));
            }
        }
        List<PatentNumber> patents = patents(violations, draft.patents());
        Set<CooperationMode> modes = modes(violations, draft.transferModes());
        BigDecimal priceMin = price(violations, "priceMin", draft.priceMin());
        BigDecimal priceMax = price(violations, "priceMax", draft.priceMax());
        if (priceMin != null && priceMax != null && priceMin.compareTo(priceMax) > 0) {
            violations.add(Violation.of(
                    "priceMax", "achievement.price.order", priceMin.toPlainString(), priceMax.toPlainString()));
        }
        Long organization = draft.organizationId();
        if (organization != null && organizations.find(organization).isEmpty()) {
            violations.add(Violation.of("organizationId", "achievement.organization.unknown", organization));
        }
        List<Inventor> inventors = inventors(violations, draft.inventors());
        String region = code(violations, "regionCode", draft.regionCode());
        if (region != null) {
            String typed = region;
            region = regions.find(typed)
                    .map(found -> found.code())
                    .orElseGet(() -> unknown(violations, "regionCode", "achievement.region.unknown", typed));
        }
        if (!violations.isEmpty()) {
            throw new AchievementRejected(violations);
        }
        return new AchievementContent(
                title,
                description,
                keywords,
                field,
                discipline,
                industry,
                node,
                trl,
                patents,
                modes,
                priceMin,
                priceMax,
                organization,
                inventors,
                region);
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
            violations.add(Violation.of("keywords", "achievement.keywords.too-many", KEYWORDS_MAX));
        }
        return List.copyOf(keywords);
    }

    private static List<PatentNumber> patents(List<Violation> violations, List<String> typed) {
        Set<PatentNumber> patents = new LinkedHashSet<>();
        if (typed == null) {
            return List.of();
        }
        if (typed.size() > PATENTS_MAX) {
            violations.add(Violation.of("patents", "achievement.patents.too-many", PATENTS_MAX));
            return List.of();
        }
        for (String number : typed) {
            if (number == null || number.isBlank()) {
                continue;
            }
            PatentNumber.Parsed parsed = PatentNumber.parse(number);
            if (parsed.number() != null) {
                patents.add(parsed.number());
                continue;
            }
            String shown = echo(number);
            if (parsed.problem() == PatentNumber.Problem.CHECK_DIGIT) {
                violations.add(
                        Violation.of("patents", "achievement.patent.check-digit", shown, parsed.expectedCheckDigit()));
            } else {
                violations.add(Violation.of("patents", "achievement.patent.invalid", shown));
            }
        }
        return List.copyOf(patents);
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
                violations.add(Violation.of("transferModes", "text.too-long", CODE_MAX));
                continue;
            }
            String clean = Text.clean(mode);
            CooperationMode.parse(clean)
                    .ifPresentOrElse(
                            found -> {
                                if (found.appliesToAchievements()) {
                                    modes.add(found);
                                } else {
                                    violations.add(
                                            Violation.of("transferModes", "achievement.mode.not-offered", clean));
                                }
                            },
                            () -> violations.add(Violation.of("transferModes", "achievement.mode.unknown", clean)));
        }
        return modes;
    }

    private static List<Inventor> inventors(List<Violation> violations, List<Inventor> typed) {
        List<Inventor> inventors = new ArrayList<>();
        if (typed == null) {
            return inventors;
        }
        if (typed.size() > INVENTORS_MAX) {
            violations.add(Violation.of("inventors", "achievement.inventors.too-many", INVENTORS_MAX));
            return inventors;
        }
        for (Inventor inventor : typed) {
            if (inventor == null) {
                continue;
            }
            String name = text(violations, "inventors", inventor.name(), INVENTOR_MAX, null);
            if (name == null) {
                continue;
            }
            if (inventor.expertId() != null && inventor.expertId() <= 0) {
                violations.add(Violation.of("inventors", "achievement.inventor.expert-invalid", inventor.expertId()));
                continue;
            }
            inventors.add(new Inventor(name, inventor.expertId()));
        }
        return inventors;
    }

    private static BigDecimal price(List<Violation> violations, String field, String typed) {
        String value = shortCode(violations, field, typed, CODE_MAX);
        if (value == null) {
            return null;
        }
        value = value.replace(",", "");
        if (!NUMBER.matcher(value).matches()) {
            violations.add(Violation.of(field, "achievement.price.invalid", value));
            return null;
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() < 0) {
            violations.add(Violation.of(field, "achievement.price.negative"));
            return null;
        }
        if (amount.compareTo(PRICE_MAX) > 0) {
            violations.add(Violation.of(field, "achievement.price.too-large", PRICE_MAX.toPlainString()));
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            violations.add(Violation.of(field, "achievement.price.invalid", value));
            return null;
        }
        return amount.setScale(2);
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

    /** A code or number: full-width forms folded to half-width. */
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

    static String echo(String typed) {
        String clean = Text.clean(typed);
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
