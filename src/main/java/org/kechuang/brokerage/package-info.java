/**
 * Brokerage (对接): technology managers follow each demand to an outcome. An engagement links a demand to a
 * counterpart (achievement, expert or organization) and moves through guarded stages, from first contact to a signed,
 * delivered and evaluated contract, or is closed with a reason; every move is audited and told to the parties. Demands
 * are triaged to a manager by industry chain, region and caseload.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Brokerage",
        allowedDependencies = {
            "platform",
            "identity",
            "reference",
            "demand",
            "achievement",
            "talent",
            "organization",
            "inbox",
            "caselib",
            "matching",
            "shared"
        })
package org.kechuang.brokerage;
