package org.kechuang.search;

import org.kechuang.platform.web.PublicPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded engine over the configured folder, and public searching. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SearchProperties.class, SearchSyncProperties.class})
class SearchConfiguration {

    /** Closed with the context: the last commit stays, the write lock is released. */
    @Bean(destroyMethod = "close")
    LuceneSearchEngine searchEngine(SearchProperties properties) {
        return new LuceneSearchEngine(properties.directory());
    }

    /** Searching is public (within the visibility rules); the reindex endpoints need an operator. */
    @Bean
    static PublicPaths searchPublicPaths() {
        return PublicPaths.of("/api/v1/search", "/api/v1/search/suggest", "/search", "/search/suggestions");
    }
}
