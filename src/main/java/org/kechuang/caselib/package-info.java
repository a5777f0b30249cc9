/**
 * The application case library (应用案例库): problems that were solved, how and by whom (demand side, supply side,
 * broker), with measured results as figures with units, linked to the demand, the achievement and the experts behind
 * them, through the same lifecycle and content screen as the other libraries.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Application cases",
        allowedDependencies = {
            "platform",
            "shared",
            "identity",
            "organization",
            "reference",
            "moderation",
            "imports",
            "search",
            "demand",
            "achievement",
            "talent"
        })
package org.kechuang.caselib;
