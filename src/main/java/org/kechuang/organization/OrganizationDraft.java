package org.kechuang.organization;

/**
 * An organization's profile as a person or a file states it, before any checking: what the API receives, what a form
 * posts and what an import row holds. Every value may be missing or wrong; {@link ProfileRules} says which.
 *
 * @param type the type code ({@code ENTERPRISE}) or its Chinese label ({@code 企业})
 * @param sme whether the enterprise is an SME (中小企业); only enterprises may say yes
 * @param disciplineGroup for national societies: 理科, 工科, 农科, 医科 or 交叉学科 (or the code)
 */
public record OrganizationDraft(
        String name,
        String type,
        Boolean sme,
        String creditCode,
        String regionCode,
        String website,
        String description,
        String contactEmail,
        String contactPhone,
        String disciplineGroup) {}
