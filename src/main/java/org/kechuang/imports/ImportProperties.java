package org.kechuang.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chunkSize rows applied in one transaction; a crash loses at most the chunk in flight, which is applied again
 * @param chunkCharacters a chunk is closed earlier once its cells hold this many characters, so that a file of long
 *     texts does not make chunks that crowd the heap (each worker holds one)
 * @param workers threads applying chunks in the background; {@code 0} where something else drives the batches (the
 *     command line import)
 * @param maxCellLength the longest cell accepted, in characters; targets have their own, usually shorter, limits
 * @param pollInterval how often idle workers look for work that another process may have left
 * @param errorsShown how many row errors a status answer lists at most
 */
@ConfigurationProperties("kechuang.imports")
record ImportProperties(
        @DefaultValue("2000") int chunkSize,
        @DefaultValue("4000000") int chunkCharacters,
        @DefaultValue("3") int workers,
        @DefaultValue("10000") int maxCellLength,
        @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("1000") int errorsShown) {}
