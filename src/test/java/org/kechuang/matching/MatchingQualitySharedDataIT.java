package org.kechuang.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The matching-quality protocol on the labelled CSL sample, through the import pipeline and the matching service:
 * the platform's ranking must beat a plain character-bigram BM25 computed over the same records in the same run, and
 * reach issue 5's target P@10 ≥ 0.30.
 */
@IntegrationTest
@Tag("shared-data")
class MatchingQualitySharedDataIT {

    @Autowired
    ApplicationContext context;

    @Test
    void theProposalsBeatPlainBigramBm25OnLabelledPapers() throws Exception {
        List<MatchingEvaluation.Figures> figures = MatchingEvaluation.run(
                context, SharedData.file("eval/csl-dev.jsonl"), "zju", Path.of("target/matching-eval"));
        figures.forEach(each -> System.out.println(each.line()));

        MatchingEvaluation.Figures platform = figures.getFirst();
        MatchingEvaluation.Figures baseline = figures.getLast();
        assertThat(baseline.method()).startsWith("baseline");
        assertThat(platform.precision()).isGreaterThan(baseline.precision());
        assertThat(platform.ndcg()).isGreaterThan(baseline.ndcg());
        // issue 5's target on this file (0.313 measured on 2026-12-03, ADR 0026 addendum)
        assertThat(platform.precision()).isGreaterThanOrEqualTo(0.30);
    }
}
