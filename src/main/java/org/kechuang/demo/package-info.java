/**
 * The demo of the default run: deterministic stations of every kind the programme has, one account per role, and
 * thousands of generated demands, achievements, experts and cases written from the project's own vocabulary, so a
 * newcomer can try each capability at once. Active only in the {@code demo} profile.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {
            "identity",
            "organization",
            "platform",
            "shared",
            "demand",
            "achievement",
            "talent",
            "caselib",
            "reference",
            "brokerage"
        })
package org.kechuang.demo;
