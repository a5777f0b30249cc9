package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the API states a total: exact, or estimated from a sample of the matches. */
class SearchApiTest {

    private final SearchEngine engine = mock(SearchEngine.class);
    private final SearchApi api = new SearchApi(engine, null);

    @Test
    void anEstimatedTotalIsMarkedAsAnEstimateAndAnExactOneAsExact() {
        when(engine.search(any())).thenReturn(new SearchHits(236_841, false, List.of(), Map.of(), true));
        SearchApi.Page estimated = api.search("技术", null, null, null, null, null, "relevance", 0, 10, null);
        assertThat(estimated.total()).isEqualTo(236_841);
        assertThat(estimated.totalRelation()).isEqualTo("estimate");
        assertThat(estimated.facetsEstimated()).isTrue();

        when(engine.search(any())).thenReturn(new SearchHits(2_345, true, List.of(), Map.of(), false));
        SearchApi.Page exact = api.search("谐波 减速器", null, null, null, null, null, "relevance", 0, 10, null);
        assertThat(exact.total()).isEqualTo(2_345);
        assertThat(exact.totalRelation()).isEqualTo("eq");
        assertThat(exact.facetsEstimated()).isFalse();
    }
}
