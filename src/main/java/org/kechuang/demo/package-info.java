/**
 * The demo of the default run: deterministic stations of every kind the programme has and one account per role, so a
 * newcomer can try each capability at once. Active only in the {@code demo} profile.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"identity", "organization", "platform"})
package org.kechuang.demo;
