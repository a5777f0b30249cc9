package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suggestions as one types: completions of titles and keywords by their words and by their pinyin initials. */
class SuggestionsTest {

    @TempDir
    Path folder;

    private LuceneSearchEngine engine;

    @BeforeEach
    void open() {
        engine = new LuceneSearchEngine(folder);
        engine.index(List.of(
                document(1, "人工智能视觉检测平台", List.of("机器视觉", "缺陷检测"), Access.everyone(), "2026-01-03"),
                document(2, "焊缝缺陷检测方法", List.of("机器视觉"), Access.everyone(), "2026-01-02"),
                document(3, "重庆长安汽车轻量化副车架", List.of("轻量化"), Access.everyone(), "2026-01-01"),
                document(4, "保密的人工智能需求", List.of(), new Access(true, true, null, Set.of()), "2026-01-04"),
                document(5, "LiFePO4 正极材料", List.of(), Access.everyone(), "2026-01-05")));
    }

    @AfterEach
    void close() throws IOException {
        engine.close();
    }

    private static SearchDocument document(long id, String title, List<String> keywords, Access access, String day) {
        return new SearchDocument(
                "achievement",
                id,
                title,
                keywords,
                "",
                null,
                null,
                null,
                null,
                null,
                "PUBLISHED",
                access,
                Instant.parse(day + "T00:00:00Z"));
    }

    private List<String> suggest(String typed) {
        return engine.suggest(typed, Searcher.VISITOR, 8);
    }

    @Test
    void aTitleOrKeywordIsCompletedFromAnyOfItsWords() {
        assertThat(suggest("人工")).containsExactly("人工智能视觉检测平台");
        assertThat(suggest("视觉")).containsExactly("机器视觉", "人工智能视觉检测平台");
        assertThat(suggest("缺陷检")).containsExactly("缺陷检测", "焊缝缺陷检测方法");
        assertThat(suggest("正极")).containsExactly("LiFePO4 正极材料");
        assertThat(suggest("lifep")).containsExactly("LiFePO4 正极材料");
    }

    @Test
    void pinyinInitialsCompleteTheWordsTheyStand() {
        assertThat(suggest("rgzn")).containsExactly("人工智能视觉检测平台");
        assertThat(suggest("jqsj")).containsExactly("机器视觉");
        assertThat(suggest("cqca")).as("重 read chóng in 重庆").containsExactly("重庆长安汽车轻量化副车架");
        assertThat(suggest("qlh")).containsExactly("轻量化", "重庆长安汽车轻量化副车架");
        assertThat(suggest("zjcl")).containsExactly("LiFePO4 正极材料");
    }

    @Test
    void traditionalAndFullWidthTypingCompleteAsWell() {
        assertThat(suggest("機器")).containsExactly("机器视觉");
        assertThat(suggest("ＲＧＺＮ")).containsExactly("人工智能视觉检测平台");
    }

    @Test
    void whatTheSearcherMayNotSeeIsNeverSuggested() {
        assertThat(suggest("保密")).isEmpty();
        assertThat(engine.suggest("保密", new Searcher(1L, false, true, Set.of()), 8))
                .containsExactly("保密的人工智能需求");
        assertThat(engine.suggest("rgzn", new Searcher(1L, false, true, Set.of()), 8))
                .containsExactlyInAnyOrder("人工智能视觉检测平台", "保密的人工智能需求");
    }

    @Test
    void nothingTypedOrNothingCompletedSuggestsNothing() {
        assertThat(suggest(" ")).isEmpty();
        assertThat(suggest("量子")).isEmpty();
        assertThat(suggest("视觉平台")).isEmpty();
    }
}
