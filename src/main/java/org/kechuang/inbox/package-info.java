/**
 * The inbox (收件箱): notices that any module delivers to an account (new matches of a saved search, engagement
 * events), read on {@code /inbox} and through the API, with the unread count in the header.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Inbox",
        allowedDependencies = {"platform", "identity"})
package org.kechuang.inbox;
