/**
 * The achievement library (科技成果库): technologies offered for transfer, licence, joint development or service, with
 * their maturity (TRL 1–9), CN patent numbers, owner and inventors, and their lifecycle through the content screen.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Achievements",
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
package org.kechuang.achievement;
