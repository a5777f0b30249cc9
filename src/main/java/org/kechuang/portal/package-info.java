/**
 * The portal shell: the page layout and navigation, the home page with live figures from every module, language
 * switching and friendly error pages.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Portal",
        allowedDependencies = {"platform"})
package org.kechuang.portal;
