package org.kechuang.knowledge;

import java.util.Set;
import org.kechuang.inbox.Channel;
import org.kechuang.inbox.NoticeKind;
import org.kechuang.platform.web.NavigationItem;
import org.kechuang.platform.web.PublicPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Briefs are public; saved searches are for signed-in users (linked from the results page and the inbox); the subscription and digest jobs. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(KnowledgeProperties.class)
class KnowledgeConfiguration {

    @Bean
    static PublicPaths knowledgePublicPaths() {
        return PublicPaths.of("/briefs", "/api/v1/briefs/**");
    }

    @Bean
    static NavigationItem briefsNavigation() {
        return NavigationItem.forEveryone(700, "knowledge.nav.briefs", "/briefs");
    }

    /** New matches reach the inbox; their e-mail is the digest chosen per saved search, not one mail per match. */
    @Bean
    static NoticeKind savedSearchNoticeKind() {
        return new NoticeKind(Subscriptions.KIND, "knowledge.notice.kind", Set.of(Channel.INBOX));
    }
}
