package org.kechuang.talent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.kechuang.organization.OrganizationType;
import org.kechuang.organization.Organizations;
import org.kechuang.platform.text.Text;
import org.kechuang.reference.Regions;
import org.springframework.stereotype.Component;

/**
 * What makes an expert profile acceptable, the same for the form, the API and imports: a name and an affiliation are
 * required, everything else may come later; lengths, no markup, NSFC discipline codes, known regions, societies that
 * are national societies on the platform, a phone number and an e-mail address that can be reached. Every broken rule
 * is reported at once. Free text is kept as typed (only trimmed); codes, phone numbers and e-mail are normalized.
 */
@Component
class ExpertRules {

    static final int NAME_MAX = 50;
    static final int AFFILIATION_MAX = 200;
    static final int TITLE_MAX = 50;
    static final int DISCIPLINES_MAX = 10;
    static final int FIELDS_MAX = 10;
    static final int FIELD_MAX = 100;
    static final int KEYWORDS_MAX = 20;
    static final int KEYWORD_MAX = 50;
    static final int SOCIETIES_MAX = 20;
    static final int INTRODUCTION_MAX = 5000;
    static final int CODE_MAX = 40;
    static final int EMAIL_MAX = 200;

    /** NSFC application codes: a department letter and two, four or six digits. */
    private static final Pattern DISCIPLINE = Pattern.compile("[A-H](\\d{2}){0,3}");

    /** A mainland mobile number (with or without +86), a landline with its area code and extension, or +country. */
    private static final Pattern PHONE =
            Pattern.compile("(\\+?86-?)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|\\+[1-9]\\d{6,14}");

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private final Regions regions;
    private final Organizations organizations;

    ExpertRules(Regions regions, Organizations organizations) {
        this.regions = regions;
        this.organizations = organizations;
    }

    /** Checks the draft; the content it describes, or {@link ExpertRejected} with every broken rule. */
    ExpertContent validate(ExpertDraft draft) {
        List<Violation> violations = new ArrayList<>();
        String name = text(violations, "name", draft.name(), NAME_MAX, "expert.name.required");
        String affiliation =
                text(violations, "affiliation", draft.affiliation(), AFFILIATION_MAX, "expert.affiliation.required");
        String title = text(violations, "title", draft.title(), TITLE_MAX, null);
        List<String> disciplines = disciplines(violations, draft.disciplineCodes());
        List<String> fields = items(
                violations, "researchFields", draft.researchFields(), FIELDS_MAX, FIELD_MAX, "expert.fields.too-many");
        List<String> keywords =
                items(violations, "keywords", draft.keywords(), KEYWORDS_MAX, KEYWORD_MAX, "expert.keywords.too-many");
        String region = code(violations, "regionCode", draft.regionCode());
        if (region != null) {
            String typed = region;
            region = regions.find(typed).map(found -> found.code()).orElse(null);
            if (region == null) {
                violations.add(Violation.of("regionCode", "expert.region.unknown", typed));
            }
        }
        List<Long> societies = societies(violations, draft.societyIds());
        Availability availability = Availability.AVAILABLE;
        String typedAvailability = code(violations, "availability", draft.availability());
        if (typedAvailability != null) {
            availability = Availability.parse(typedAvailability).orElse(null);
            if (availability == null) {
                violations.add(Violation.of("availability", "expert.availability.unknown", typedAvailability));
            }
        }
        String introduction = text(violations, "introduction", draft.introduction(), INTRODUCTION_MAX, null);
        String phone = phone(violations, draft.phone());
        String email = email(violations, draft.email());
        if (!violations.isEmpty()) {
            throw new ExpertRejected(violations);
        }
        return new ExpertContent(
                name,
                affiliation,
                title,
                disciplines,
                fields,
                keywords,
                region,
                societies,
                Boolean.TRUE.equals(draft.youngTalent()),
                Boolean.TRUE.equals(draft.overseas()),
                availability,
                introduction,
                phone,
                email);
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

    /** 是/否, yes/no, true/false, 1/0 and Y/N as typed into a form or a cell; {@code null} for anything else. */
    static Boolean flag(String typed) {
        String value = Text.cleanOrNull(typed);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "是", "yes", "y", "true", "1", "√", "on" -> Boolean.TRUE;
            case "否", "no", "n", "false", "0", "×" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static List<String> disciplines(List<Violation> violations, List<String> typed) {
        Set<String> codes = new LinkedHashSet<>();
        if (typed == null) {
            return List.of();
        }
        for (String code : typed) {
            String value = code(violations, "disciplineCodes", code);
            if (value == null) {
                continue;
            }
            value = value.toUpperCase(Locale.ROOT);
            if (DISCIPLINE.matcher(value).matches()) {
                codes.add(value);
            } else {
                violations.add(Violation.of("disciplineCodes", "expert.discipline.invalid", value));
            }
        }
        if (codes.size() > DISCIPLINES_MAX) {
            violations.add(Violation.of("disciplineCodes", "expert.disciplines.too-many", DISCIPLINES_MAX));
        }
        return List.copyOf(codes);
    }

    private static List<String> items(
            List<Violation> violations, String field, List<String> typed, int maxItems, int maxLength, String tooMany) {
        Set<String> items = new LinkedHashSet<>();
        if (typed == null) {
            return List.of();
        }
        for (String item : typed) {
            String value = text(violations, field, item, maxLength, null);
            if (value != null) {
                items.add(value);
            }
        }
        if (items.size() > maxItems) {
            violations.add(Violation.of(field, tooMany, maxItems));
        }
        return List.copyOf(items);
    }

    private List<Long> societies(List<Violation> violations, List<Long> typed) {
        Set<Long> ids = new LinkedHashSet<>();
        if (typed == null) {
            return List.of();
        }
        if (typed.size() > SOCIETIES_MAX) {
            violations.add(Violation.of("societyIds", "expert.societies.too-many", SOCIETIES_MAX));
            return List.of();
        }
        for (Long id : typed) {
            if (id == null) {
                continue;
            }
            var organization = organizations.find(id);
            if (organization.isEmpty()) {
                violations.add(Violation.of("societyIds", "expert.society.unknown", String.valueOf(id)));
            } else if (organization.get().type() != OrganizationType.NATIONAL_SOCIETY) {
                violations.add(Violation.of(
                        "societyIds",
                        "expert.society.not-a-society",
                        organization.get().name()));
            } else {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    private static String phone(List<Violation> violations, String typed) {
        String value = code(violations, "phone", typed);
        if (value == null) {
            return null;
        }
        String compact = value.replace("(", "").replace(")", "");
        if (!PHONE.matcher(compact).matches()) {
            violations.add(Violation.of("phone", "expert.phone.invalid", value));
            return null;
        }
        return compact;
    }

    private static String email(List<Violation> violations, String typed) {
        String value = shortCode(violations, "email", typed, EMAIL_MAX);
        if (value == null) {
            return null;
        }
        if (!EMAIL.matcher(value).matches()) {
            violations.add(Violation.of("email", "expert.email.invalid", echo(value)));
            return null;
        }
        return value.toLowerCase(Locale.ROOT);
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

    static String echo(String typed) {
        String clean = Text.clean(typed);
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
