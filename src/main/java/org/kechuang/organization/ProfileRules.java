package org.kechuang.organization;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.kechuang.reference.Regions;
import org.springframework.stereotype.Component;

/**
 * Checks a draft field by field and reports every broken rule, not just the first: names and free text are plain
 * text of bounded length, the credit code follows GB 32100-2015, the region exists in GB/T 2260, the website is a web
 * address and the contact details look like an e-mail address and a phone number.
 */
@Component
class ProfileRules {

    static final int NAME_MAX = 200;
    static final int WEBSITE_MAX = 500;
    static final int DESCRIPTION_MAX = 5000;
    static final int EMAIL_MAX = 254;
    static final int PHONE_MAX = 40;
    private static final int ECHO_MAX = 40;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{2,}([ ]?(转|ext\\.?|x)[ ]?[0-9]{1,6})?");
    private static final Pattern REGION = Pattern.compile("[0-9]{6}");

    private final Regions regions;

    ProfileRules(Regions regions) {
        this.regions = regions;
    }

    /** The checked profile, or every violation of the draft. */
    record Checked(OrganizationProfile profile, List<Violation> violations) {
        boolean valid() {
            return violations.isEmpty();
        }
    }

    OrganizationProfile validate(OrganizationDraft draft) {
        Checked checked = check(draft);
        if (!checked.valid()) {
            throw new OrganizationRejected(checked.violations());
        }
        return checked.profile();
    }

    Checked check(OrganizationDraft draft) {
        List<Violation> violations = new ArrayList<>();
        String name = plainText(draft.name(), "name", NAME_MAX, violations);
        if (name == null && !violated(violations, "name")) {
            violations.add(Violation.of("name", "organization.name.required"));
        }
        OrganizationType type = type(draft.type(), violations);
        boolean sme = Boolean.TRUE.equals(draft.sme());
        if (sme && type != null && type != OrganizationType.ENTERPRISE) {
            violations.add(Violation.of("sme", "organization.sme.not-enterprise"));
        }
        CreditCode creditCode = creditCode(draft.creditCode(), violations);
        String region = region(draft.regionCode(), violations);
        String website = website(draft.website(), violations);
        String description = plainText(draft.description(), "description", DESCRIPTION_MAX, violations);
        String email = plainText(draft.contactEmail(), "contactEmail", EMAIL_MAX, violations);
        if (email != null && !EMAIL.matcher(email).matches()) {
            violations.add(Violation.of("contactEmail", "organization.contact-email.invalid"));
        }
        String phone = plainText(draft.contactPhone(), "contactPhone", PHONE_MAX, violations);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            violations.add(Violation.of("contactPhone", "organization.contact-phone.invalid"));
        }
        DisciplineGroup group = disciplineGroup(draft.disciplineGroup(), type, violations);
        if (!violations.isEmpty()) {
            return new Checked(null, List.copyOf(violations));
        }
        return new Checked(
                new OrganizationProfile(name, type, sme, creditCode, region, website, description, email, phone, group),
                List.of());
    }

    private static OrganizationType type(String typed, List<Violation> violations) {
        if (Text.cleanOrNull(typed) == null) {
            violations.add(Violation.of("type", "organization.type.required"));
            return null;
        }
        var type = OrganizationType.parse(typed);
        if (type.isEmpty()) {
            violations.add(Violation.of("type", "organization.type.unknown", echo(typed)));
            return null;
        }
        return type.get();
    }

    private static CreditCode creditCode(String typed, List<Violation> violations) {
        if (Text.cleanOrNull(typed) == null) {
            return null;
        }
        try {
            return CreditCode.of(typed);
        } catch (DomainException refused) {
            violations.add(Violation.of(refused));
            return null;
        }
    }

    private String region(String typed, List<Violation> violations) {
        String code = Text.cleanOrNull(typed);
        if (code == null) {
            return null;
        }
        if (!REGION.matcher(code).matches() || regions.find(code).isEmpty()) {
            violations.add(Violation.of("regionCode", "organization.region.unknown", echo(code)));
            return null;
        }
        return code;
    }

    private static String website(String typed, List<Violation> violations) {
        String address = plainText(typed, "website", WEBSITE_MAX, violations);
        if (address == null) {
            return null;
        }
        // people write www.example.cn without a scheme; the web is https by default now
        String withScheme = address.matches("(?i)[a-z][a-z0-9+.\\-]*://.*") ? address : "https://" + address;
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getHost().contains(".")) {
                return withScheme;
            }
        } catch (URISyntaxException malformed) {
            // reported below like any other address that is not a web address
        }
        violations.add(Violation.of("website", "organization.website.invalid"));
        return null;
    }

    private static DisciplineGroup disciplineGroup(String typed, OrganizationType type, List<Violation> violations) {
        if (Text.cleanOrNull(typed) == null) {
            return null;
        }
        var group = DisciplineGroup.parse(typed);
        if (group.isEmpty()) {
            violations.add(Violation.of("disciplineGroup", "organization.discipline-group.unknown", echo(typed)));
            return null;
        }
        if (type != null && type != OrganizationType.NATIONAL_SOCIETY) {
            violations.add(Violation.of("disciplineGroup", "organization.discipline-group.not-society"));
            return null;
        }
        return group.get();
    }

    /** Cleaned plain text within the length limit, or {@code null} (with a violation when it was refused). */
    static String plainText(String typed, String field, int max, List<Violation> violations) {
        if (typed == null) {
            return null;
        }
        // refuse huge input before normalising it: NFKC never shrinks text by more than a small factor
        if (typed.length() > 4 * max) {
            violations.add(Violation.of(field, "text.too-long", max));
            return null;
        }
        String cleaned = Text.cleanOrNull(typed);
        if (cleaned == null) {
            return null;
        }
        if (cleaned.length() > max) {
            violations.add(Violation.of(field, "text.too-long", max));
            return null;
        }
        if (Text.hasMarkup(cleaned)) {
            violations.add(Violation.of(field, "text.markup"));
            return null;
        }
        return cleaned;
    }

    private static boolean violated(List<Violation> violations, String field) {
        return violations.stream().anyMatch(v -> field.equals(v.field()));
    }

    /** What the user typed, shortened so that a 10 MB value is not echoed back in an error message. */
    static String echo(String typed) {
        String cleaned = Text.clean(typed.length() > 4 * ECHO_MAX ? typed.substring(0, 4 * ECHO_MAX) : typed);
        return cleaned.length() > ECHO_MAX ? cleaned.substring(0, ECHO_MAX) + "…" : cleaned;
    }
}
