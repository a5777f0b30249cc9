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
 * the same ranking with the text placed as a record (before ADR 0026's addendum). The shared test context holds other
 * tests' records too, so the absolute figures are those of {@code bench/matching-eval.sh} (fresh index), not asserted
 * here.
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
        // the text placed by its terms' directions (ADR 0026 addendum) against the placement before, same run: 0.313
        // against 0.298 on a fresh index (bench/matching-eval.sh, which measures issue 5's target P@10 >= 0.30), 0.309
        // against 0.294 in the shared test context after other matching tests had added their records
        MatchingEvaluation.Figures before = figures.get(1);
        assertThat(before.method()).contains("placed as a record");
        assertThat(platform.precision()).isGreaterThan(before.precision());
        assertThat(platform.ndcg()).isGreaterThan(before.ndcg());
    }
}
