package org.kechuang.inbox;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A notice kind mailed by default, for the tests of the inbox: no module delivers one yet (the saved-search notices are
 * mailed as a digest). Picked up by every test context, like the application's own kinds.
 */
@Configuration(proxyBeanMethods = false)
class MailedNoticeKind {

    static final String KIND = "test.mailed";

    @Bean
    static NoticeKind testMailedNoticeKind() {
        return new NoticeKind(KIND, "inboxtest.kind", Set.of(Channel.INBOX, Channel.EMAIL));
    }
}
