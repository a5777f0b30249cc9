/**
 * The member's workbench (工作台): one page where a signed-in user finds what is theirs — their demands, achievements
 * and expert profile, what the platform recommends for them. It knows none of the modules: each contributes its panel
 * ({@link org.kechuang.platform.web.WorkbenchPanel}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Workbench",
        allowedDependencies = {"platform", "identity"})
package org.kechuang.workbench;
