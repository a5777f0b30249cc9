/**
 * The expert library (专家 / 人才库): experts with their affiliation, disciplines, research fields, societies and
 * availability; contact details shown only to entitled users and only with the expert's consent; profiles imported by
 * stations that their experts claim and then keep themselves.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Experts",
        allowedDependencies = {
            "platform",
            "shared",
            "identity",
            "organization",
            "reference",
            "moderation",
            "imports",
            "dedup",
            "search"
        })
package org.kechuang.talent;
