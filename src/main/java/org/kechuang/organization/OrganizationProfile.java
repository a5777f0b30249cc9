package org.kechuang.organization;

import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;

/**
 * A checked organization profile: every value cleaned and valid (see {@link ProfileRules}). The constructor guards the
 * rules that tie fields together, so no profile of a university claims to be an SME.
 */
record OrganizationProfile(
        String name,
        OrganizationType type,
        boolean sme,
        CreditCode creditCode,
        String regionCode,
        String website,
        String description,
        String contactEmail,
        String contactPhone,
        DisciplineGroup disciplineGroup) {

    OrganizationProfile {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("name", "organization.name.required");
        }
        if (type == null) {
            throw DomainException.invalid("type", "organization.type.required");
        }
        if (sme && type != OrganizationType.ENTERPRISE) {
            throw DomainException.invalid("sme", "organization.sme.not-enterprise");
        }
        if (disciplineGroup != null && type != OrganizationType.NATIONAL_SOCIETY) {
            throw DomainException.invalid("disciplineGroup", "organization.discipline-group.not-society");
        }
    }

    /** The form duplicates are detected on: 機構 and 机构, full-width and half-width forms compare equal. */
    String nameKey() {
        return Text.key(name);
    }

    /** The profile as a draft again, so an import row can override only the values it states. */
    OrganizationDraft asDraft() {
        return new OrganizationDraft(
                name,
                type.name(),
                sme,
                creditCode == null ? null : creditCode.value(),
                regionCode,
                website,
                description,
                contactEmail,
                contactPhone,
                disciplineGroup == null ? null : disciplineGroup.name());
    }
}
