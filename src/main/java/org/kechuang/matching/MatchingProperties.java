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
 * @param retrainGrowth the learnt vectors are retrained when the index grew or shrank by this share since training
 * @param declinedFactor the score of a declined pair is multiplied by this in later rankings
 */
@ConfigurationProperties("kechuang.matching")
record MatchingProperties(
        @DefaultValue("data/matching") Path directory,
        @DefaultValue("100") int dimensions,
        @DefaultValue("5") int feedbackDocuments,
        @DefaultValue("2") int feedbackRounds,
        @DefaultValue("0.1") double lexicalWeight,
        @DefaultValue("0.2") double retrainGrowth,
        @DefaultValue("0.3") double declinedFactor) {}
