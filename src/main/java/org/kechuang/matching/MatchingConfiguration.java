package org.kechuang.matching;

import org.kechuang.platform.web.PublicPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The matching index over the configured folder; reading matches is public within the visibility rules. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
@EnableScheduling
class MatchingConfiguration {

    @Bean(destroyMethod = "close")
    MatchingIndex matchingIndex(MatchingProperties properties) {
        LatentSpace.Settings defaults = LatentSpace.Settings.DEFAULT;
        return new MatchingIndex(
                properties.directory(),
                new LatentSpace.Settings(
                        properties.dimensions(),
                        defaults.minDocumentFrequency(),
                        defaults.maxDocumentFraction(),
                        defaults.maxTerms(),
                        defaults.powerIterations(),
                        defaults.seed()));
    }

    @Bean
    static PublicPaths matchingPublicPaths() {
        return PublicPaths.of(
                "/api/v1/demands/*/matches",
                "/api/v1/achievements/*/matches",
                "/api/v1/experts/*/matches",
                "/matching/panel/**");
    }
}
