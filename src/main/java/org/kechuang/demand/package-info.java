/**
 * The demand library (技术需求库): technical problems posted by organizations, with their target indicators, budget,
 * deadline and cooperation modes; their lifecycle through the content screen, expiry at the deadline and the stale flag.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demands",
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
package org.kechuang.demand;
