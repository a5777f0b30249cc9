package org.kechuang.demand;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param staleAfter a demand untouched for this long is flagged stale (curators see which demands need a call)
 * @param expiryCron when the job that archives demands past their deadline runs (Beijing time)
 */
@ConfigurationProperties("kechuang.demand")
record DemandProperties(
        @DefaultValue("P90D") Duration staleAfter,
        @DefaultValue("0 10 0 * * *") String expiryCron) {}
