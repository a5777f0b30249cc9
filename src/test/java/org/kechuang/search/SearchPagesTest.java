package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the results page shows of an estimated total. */
class SearchPagesTest {

    @Test
    void anEstimatedTotalIsShownToThreeSignificantDigits() {
        assertThat(SearchPages.rounded(236_841)).isEqualTo(237_000);
        assertThat(SearchPages.rounded(927_925)).isEqualTo(928_000);
        assertThat(SearchPages.rounded(1_234_567)).isEqualTo(1_230_000);
        assertThat(SearchPages.rounded(20_449)).isEqualTo(20_400);
        assertThat(SearchPages.rounded(999)).isEqualTo(999);
    }
}
