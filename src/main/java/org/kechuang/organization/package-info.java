/**
 * Organizations of every type (enterprises, universities, national societies, parks, think tanks, …) with their
 * unified social credit codes, the resource connection stations that give an organization its seat on the platform,
 * the station admins' scope, and the organization import that stations use to connect their records.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Organizations and stations",
        allowedDependencies = {"platform", "identity", "reference", "imports", "search"})
package org.kechuang.organization;
