/**
 * Content moderation: screens what members and stations submit for gambling, spam, sensitive words and link
 * patterns; holds suspicious submissions in a queue for operators, who release or reject them.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Moderation",
        allowedDependencies = {"platform", "identity"})
package org.kechuang.moderation;
