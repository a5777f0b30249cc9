/**
 * Knowledge services (知识服务): saved searches with subscriptions that deliver new matches to the inbox and in an
 * e-mail digest, and briefs per industry chain and per region (hot demand topics, supply gaps, the most active experts
 * and organizations) as pages, JSON and CSV.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Knowledge services",
        allowedDependencies = {
            "platform",
            "shared",
            "identity",
            "reference",
            "organization",
            "talent",
            "search",
            "inbox"
        })
package org.kechuang.knowledge;
