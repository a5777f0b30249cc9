package org.kechuang.matching;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory the folder of the matching index and its learnt vectors
 * @param dimensions the size of the learnt vectors
 * @param feedbackDocuments how many of the closest records refine the query's vector (pseudo-relevance feedback)
 * @param feedbackRounds how many times the refinement is repeated, each round from the vector the last one gave
 * @param lexicalWeight how much plain BM25 over title, keywords and body adds to the vector similarity
 * @param neighbourCount how many of a candidate's closest fellow candidates support it (score regularization; 0: none)
 * @param neighbourWeight how much their support (mean of closeness × their similarity to the query) adds
 * @param queryTermDirections the text asked about is placed in the learnt space by its terms' directions (their
 *     coordinates of unit length), not by their coordinates, whose lengths favour the frequent terms (ADR 0026,
 *     addendum)
 * @param queryIdfPower its terms weighted by (1 + log count) × idf to this power (2: idf once for the text, once for the
 *     records, as in the tf-idf dot product)
 * @param retrainGrowth the learnt vectors are retrained when the index grew or shrank by this share since training
 *     (automatically only while they were learnt from fewer than {@code trainSample} records; then on schedule)
 * @param trainSample the most records the vectors are learnt from (an even sample of the index); a space learnt from
 *     this many is large enough: records added later only get their place in it, until the scheduled retraining
 * @param retrainQuiet a due retraining waits until no change was applied for this long (a bulk import is followed
 *     by one retraining, not one per chunk), unless the index reached {@code trainSample} records meanwhile
 * @param retrainCron when the scheduled retraining looks whether the index grew or shrank by {@code retrainGrowth}
 * @param declinedFactor the score of a declined (or lost) pair is multiplied by this in later rankings
 * @param outcomeWeight a counterpart that won on a similar demand gains this times the two demands' similarity
 * @param outcomeSimilarity how close (in the learnt space) a demand must be to count as similar for outcomes
 * @param outcomeNeighbours how many of the closest demands are looked at for outcomes
 */
@ConfigurationProperties("kechuang.matching")
record MatchingProperties(
        @DefaultValue("data/matching") Path directory,
        @DefaultValue("100") int dimensions,
        @DefaultValue("5") int feedbackDocuments,
        @DefaultValue("2") int feedbackRounds,
        @DefaultValue("0.1") double lexicalWeight,
        @DefaultValue("5") int neighbourCount,
        @DefaultValue("0.5") double neighbourWeight,
        @DefaultValue("true") boolean queryTermDirections,
        @DefaultValue("2") double queryIdfPower,
        @DefaultValue("0.2") double retrainGrowth,
        @DefaultValue("100000") int trainSample,
        @DefaultValue("5s") java.time.Duration retrainQuiet,
        @DefaultValue("0 30 2 * * *") String retrainCron,
        @DefaultValue("0.3") double declinedFactor,
        @DefaultValue("0.3") double outcomeWeight,
        @DefaultValue("0.5") double outcomeSimilarity,
        @DefaultValue("10") int outcomeNeighbours) {}
