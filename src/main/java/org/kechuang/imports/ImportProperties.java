package org.kechuang.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chunkSize rows applied in one transaction; a crash loses at most the chunk in flight, which is applied again
 * @param workers threads applying chunks in the background; {@code 0} where something else drives the batches (the
 *     command line import)
 * @param maxCellLength the longest cell accepted, in characters; targets have their own, usually shorter, limits
 * @param pollInterval how often idle workers look for work that another process may have left
 * @param errorsShown how many row errors a status answer lists at most
 */
@ConfigurationProperties("kechuang.imports")
record ImportProperties(
        @DefaultValue("1000") int chunkSize,
        @DefaultValue("2") int workers,
        @DefaultValue("10000") int maxCellLength,
        @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("1000") int errorsShown) {}
