package org.kechuang.achievement;

import org.kechuang.platform.web.HomeFigure;
import org.kechuang.platform.web.NavigationItem;
import org.kechuang.platform.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this module contributes to the portal: public reading, the navigation link and the home figure. */
@Configuration(proxyBeanMethods = false)
class AchievementConfiguration {

    /** The list and one achievement are public (published ones); the history and every change need a user. */
    @Bean
    static PublicPaths achievementPublicPaths() {
        return PublicPaths.of(
                "/api/v1/achievements", "/api/v1/achievements/{id}", "/achievements", "/achievements/{id}");
    }

    @Bean
    static NavigationItem achievementsNavigation() {
        return NavigationItem.forEveryone(210, "achievement.nav", "/achievements");
    }

    @Bean
    HomeFigure achievementsFigure(Achievements achievements) {
        return new PublishedFigure(achievements);
    }

    record PublishedFigure(Achievements achievements) implements HomeFigure {
        @Override
        public int order() {
            return 210;
        }

        @Override
        public String messageKey() {
            return "achievement.figure";
        }

        @Override
        public long count() {
            return achievements.countPublished();
        }

        @Override
        public String link() {
            return "/achievements";
        }
    }
}
