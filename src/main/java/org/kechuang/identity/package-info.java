/**
 * Identity and access: accounts, registration with e-mail verification, sign-in by session and personal access
 * tokens, password reset, roles and station-scoped permissions.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"platform"})
package org.kechuang.identity;
