package org.kechuang.knowledge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param checkInterval how often the subscribed searches look for new matches
 * @param checkOverlap how far before the last check a check looks again: a change committed just before a check may
 *     reach the index (asynchronously) just after it; announcing each record once per subscription makes the overlap
 *     harmless
 * @param maxPerCheck most new matches one subscription announces per check (the latest changed first)
 * @param digestInterval how often the digests due are mailed
 * @param gapShare the relevance threshold of a supply gap: an achievement answers a demand when it contains at least
 *     this share of the distinct words of the demand's title and technical problems
 */
@ConfigurationProperties("kechuang.knowledge")
record KnowledgeProperties(
        @DefaultValue("5m") Duration checkInterval,
        @DefaultValue("10m") Duration checkOverlap,
        @DefaultValue("200") int maxPerCheck,
        @DefaultValue("1h") Duration digestInterval,
        @DefaultValue("0.5") double gapShare) {}
