package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded engine over a real index in a temporary folder. */
class LuceneSearchEngineTest {

    @TempDir
    Path folder;

    private LuceneSearchEngine engine;

    @BeforeEach
    void open() {
        engine = new LuceneSearchEngine(folder);
    }

    @AfterEach
    void close() throws IOException {
        engine.close();
    }

    private static SearchDocument document(String type, long id, String title, String body) {
        return new SearchDocument(
                type,
                id,
                title,
                List.of(),
                body,
                null,
                null,
                null,
                null,
                null,
                "PUBLISHED",
                Access.everyone(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private List<Long> ids(String text) {
        return engine.search(SearchQuery.publicly(text, 20)).results().stream()
                .map(SearchHits.Hit::id)
                .toList();
    }

    @Test
    void traditionalAndSimplifiedFindEachOther() {
        engine.index(List.of(
                document("demand", 1, "焊接机器人视觉引导", "需要一套工业机器人焊接系统"),
                document("demand", 2, "焊接機器人視覺引導", "需要一套工業機器人焊接系統"),
                document("demand", 3, "机器学习平台", "人工智能与大数据")));

        assertThat(ids("機器人")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids("机器人")).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void everyBigramOfAChineseQueryIsRequired() {
        engine.index(List.of(
                document("demand", 1, "工业机器人", ""),
                document("demand", 2, "机器学习与人工智能", ""),
                document("demand", 3, "科创中国平台", "")));

        assertThat(ids("机器人")).containsExactly(1L);
        assertThat(ids("科创")).containsExactly(3L);
        assertThat(ids("人才")).isEmpty();
    }

    @Test
    void aModelNumberMatchesAsAWhole() {
        engine.index(List.of(
                document("achievement", 1, "磷酸铁锂正极材料", "LiFePO4 正极，容量 160mAh/g"),
                document("achievement", 2, "锂电池材料", "LiFePO 与 4 种添加剂"),
                document("achievement", 3, "行业分类", "符合 GB/T 4754-2017 的分类"),
                document("achievement", 4, "行业分类修订", "参照 GB/T 4755 与 4754 项指标"),
                document("achievement", 5, "发明专利", "专利号 ZL201910123456.X")));

        assertThat(ids("LiFePO4")).containsExactly(1L);
        assertThat(ids("ｌｉｆｅｐｏ４")).containsExactly(1L);
        assertThat(ids("GB/T 4754")).containsExactly(3L);
        assertThat(ids("GB/T4754")).containsExactly(3L);
        assertThat(ids("ZL201910123456.X")).containsExactly(5L);
        assertThat(ids("201910123456")).containsExactly(5L);
    }

    @Test
    void aSingleCharacterFindsTheWordsStartingWithIt() {
        engine.index(List.of(document("achievement", 1, "锂电池回收", ""), document("achievement", 2, "钠离子电池", "")));

        assertThat(ids("锂")).containsExactly(1L);
    }

    @Test
    void theTitleWeighsMoreThanTheKeywordsAndTheKeywordsMoreThanTheBody() {
        engine.index(List.of(
                new SearchDocument(
                        "achievement",
                        1,
                        "一种材料",
                        List.of(),
                        "用于储能电池的隔膜",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "PUBLISHED",
                        Access.everyone(),
                        Instant.EPOCH),
                new SearchDocument(
                        "achievement",
                        2,
                        "一种材料",
                        List.of("储能电池"),
                        "用于电子设备",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "PUBLISHED",
                        Access.everyone(),
                        Instant.EPOCH),
                new SearchDocument(
                        "achievement",
                        3,
                        "储能电池隔膜",
                        List.of(),
                        "用于电子设备",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "PUBLISHED",
                        Access.everyone(),
                        Instant.EPOCH)));

        assertThat(ids("储能电池")).containsExactly(3L, 2L, 1L);
    }

    @Test
    void theSnippetMarksWholeMatchesInTheTextAsTyped() {
        engine.index(List.of(document("demand", 1, "焊接", "我们需要<一套>工業機器人焊接系统，用于汽车车身。")));

        SearchHits hits = engine.search(SearchQuery.publicly("机器人", 10));

        assertThat(hits.results().getFirst().snippet()).isEqualTo("我们需要&lt;一套&gt;工業<em>機器人</em>焊接系统，用于汽车车身。");
    }

    @Test
    void aMatchWhoseFirstBigramIsAWordIsMarkedWhole() {
        engine.index(List.of(document("expert", 1, "王振华", "浙江大学机械工程学院\n教授")));

        SearchHits hits = engine.search(SearchQuery.publicly("浙江大学", 10));

        assertThat(hits.results().getFirst().snippet()).isEqualTo("<em>浙江大学</em>机械工程学院\n教授");
    }

    @Test
    void aRecordWithoutMatchInTheBodyShowsTheStartOfIt() {
        engine.index(List.of(document("demand", 1, "机器人", "正文没有那个词。")));

        assertThat(engine.search(SearchQuery.publicly("机器人", 10))
                        .results()
                        .getFirst()
                        .snippet())
                .isEqualTo("正文没有那个词。");
    }

    @Test
    void filtersCoverTheLevelsBelowAndFacetsCountEveryMatch() {
        engine.index(List.of(
                new SearchDocument(
                        "achievement",
                        1,
                        "智能传感器",
                        List.of(),
                        "",
                        "C",
                        "3971",
                        "IC-DESIGN",
                        "330106",
                        6,
                        "PUBLISHED",
                        Access.everyone(),
                        Instant.EPOCH),
                new SearchDocument(
                        "achievement",
                        2,
                        "智能传感器封装",
                        List.of(),
                        "",
                        "C",
                        "3972",
                        "IC-PACKAGING",
                        "320500",
                        4,
                        "PUBLISHED",
                        Access.everyone(),
                        Instant.EPOCH),
                new SearchDocument(
                        "demand",
                        3,
                        "智能传感器需求",
                        List.of(),
                        "",
                        "I",
                        "6510",
                        null,
                        "330100",
                        null,
                        "PUBLISHED",
                        Access.everyone(),
                        Instant.EPOCH)));

        assertThat(search(new SearchQuery(
                        "传感器", null, null, null, "330000", null, SearchQuery.Order.RELEVANCE, Searcher.VISITOR, 0, 10)))
                .containsExactlyInAnyOrder(1L, 3L);
        assertThat(search(new SearchQuery(
                        "传感器", null, "C", null, null, null, SearchQuery.Order.RELEVANCE, Searcher.VISITOR, 0, 10)))
                .containsExactlyInAnyOrder(1L, 2L);
        assertThat(search(new SearchQuery(
                        "传感器", null, "397", "IC", null, 4, SearchQuery.Order.RELEVANCE, Searcher.VISITOR, 0, 10)))
                .containsExactly(2L);
        assertThat(search(new SearchQuery(
                        "传感器", "demand", null, null, null, null, SearchQuery.Order.RELEVANCE, Searcher.VISITOR, 0, 10)))
                .containsExactly(3L);

        SearchHits all = engine.search(SearchQuery.publicly("传感器", 1));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.results()).hasSize(1);
        assertThat(all.facets().get("type"))
                .containsExactly(new SearchHits.FacetCount("achievement", 2), new SearchHits.FacetCount("demand", 1));
        assertThat(all.facets().get("region"))
                .containsExactlyInAnyOrder(
                        new SearchHits.FacetCount("330000", 2), new SearchHits.FacetCount("320000", 1));
        assertThat(all.facets().get("chain")).containsExactly(new SearchHits.FacetCount("IC", 2));
        assertThat(all.facetsEstimated()).isFalse();
    }

    private static SearchDocument inRegion(String type, long id, String title, String region) {
        return new SearchDocument(
                type,
                id,
                title,
                List.of(),
                "",
                null,
                null,
                null,
                region,
                null,
                "PUBLISHED",
                Access.everyone(),
                Instant.EPOCH);
    }

    @Test
    void aSearchMatchingMoreThanAreCountedEstimatesItsTotalAndFacetsFromASampleOfEveryLibrary() throws IOException {
        engine.close();
        engine = new LuceneSearchEngine(folder, 100);
        // indexed library after library, as a rebuild does: the first matches are all demands
        List<SearchDocument> documents = new ArrayList<>();
        for (long id = 1; id <= 600; id++) {
            documents.add(inRegion("demand", id, "传感器需求 " + id, id % 3 == 0 ? "320500" : "330100"));
        }
        for (long id = 1; id <= 400; id++) {
            documents.add(inRegion("achievement", id, "传感器成果 " + id, "330100"));
        }
        documents.add(inRegion("demand", 1_000, "减速器需求", "110100"));
        engine.index(documents);

        SearchHits many = engine.search(SearchQuery.publicly("传感器", 10));

        assertThat(many.totalExact())
                .as("counted up to 100, then the best ten were found by skipping; the total estimated")
                .isFalse();
        assertThat(many.total())
                .as("about 100 of the 1,000 matches drawn: within two standard errors (20 %)")
                .isBetween(800L, 1_200L);
        assertThat(many.results()).hasSize(10);
        assertThat(many.facetsEstimated()).isTrue();
        Map<String, Long> types = counts(many, "type");
        assertThat(types.keySet()).containsExactly("demand", "achievement");
        assertThat(types.get("demand")).isBetween(480L, 720L);
        assertThat(types.get("achievement")).isBetween(280L, 520L);
        Map<String, Long> regions = counts(many, "region");
        assertThat(regions.keySet()).containsExactlyInAnyOrder("330000", "320000");
        assertThat(regions.get("320000")).isBetween(120L, 280L);
        assertThat(regions.get("330000")).isBetween(680L, 920L);

        SearchHits few = engine.search(SearchQuery.publicly("传感器需求", 10));
        assertThat(few.total()).as("600 matches, about 60 drawn").isBetween(420L, 780L);
        assertThat(few.totalExact()).isFalse();
        assertThat(few.facetsEstimated()).isTrue();
        assertThat(counts(few, "type")).containsOnlyKeys("demand");
        assertThat(counts(few, "type").get("demand")).isBetween(450L, 750L);

        SearchHits filtered = engine.search(new SearchQuery(
                "传感器", null, null, null, "320000", null, SearchQuery.Order.RELEVANCE, Searcher.VISITOR, 0, 10));
        assertThat(filtered.total()).as("200 matches, about 100 drawn").isBetween(140L, 260L);
        assertThat(filtered.totalExact()).isFalse();
        assertThat(filtered.facetsEstimated()).isTrue();
        assertThat(counts(filtered, "region")).containsOnlyKeys("320000");

        SearchHits exact = engine.search(SearchQuery.publicly("减速器", 10));
        assertThat(exact.totalExact()).isTrue();
        assertThat(exact.total()).isEqualTo(1);
        assertThat(exact.facetsEstimated()).isFalse();
        assertThat(exact.facets().get("region")).containsExactly(new SearchHits.FacetCount("110000", 1));

        SearchHits byDate = engine.search(
                new SearchQuery("传感器", null, null, null, null, null, SearchQuery.Order.DATE, Searcher.VISITOR, 0, 10));
        assertThat(byDate.results()).hasSize(10);
        // the same sample; the date order's search counts more of the matches before it may skip, a lower bound the
        // estimate is raised to
        assertThat(byDate.total()).isBetween(Math.max(800L, many.total()), 1_200L);
        assertThat(byDate.totalExact()).isEqualTo(many.totalExact());
    }

    @Test
    void anEstimatedTotalIsWithinThreePercentOfTheTrueNumberOfMatchesForOneWordAndForTwo() throws IOException {
        engine.close();
        // counted exactly up to 4,000 matches, above them the engine's sample: about 5,000 drawn, one of every 3 of
        // the 12,000 matches of one word, one of every 2 of the 8,000 of two
        engine = new LuceneSearchEngine(folder, 4_000, LuceneSearchEngine.SAMPLE_SIZE);
        List<SearchDocument> documents = new ArrayList<>();
        int all = 12_000;
        for (long id = 1; id <= all; id++) {
            // two in three have both words; the rest one of them
            documents.add(inRegion("achievement", id, (id % 3 == 0 ? "传感器 " : "传感器芯片 ") + id, "330100"));
        }
        for (long id = 1; id <= 3_000; id++) {
            documents.add(inRegion("demand", id, "芯片需求 " + id, "320500"));
        }
        engine.index(documents);

        SearchHits one = engine.search(SearchQuery.publicly("传感器", 10));
        SearchHits two = engine.search(SearchQuery.publicly("传感器 芯片", 10));

        // about 4,000 drawn: a relative standard error of about 1 / √4,000 = 1.6 % (1.4 % with 5,000), two of them
        // within ±3.2 %: the ±3 % the API states
        assertThat(one.totalExact()).isFalse();
        assertThat(one.total()).isCloseTo(all, withPercentage(3));
        assertThat(one.facetsEstimated()).isTrue();
        assertThat(counts(one, "type")).containsOnlyKeys("achievement");
        assertThat(two.totalExact()).isFalse();
        assertThat(two.total()).isCloseTo(all * 2 / 3, withPercentage(3));
        assertThat(counts(two, "region")).containsOnlyKeys("330000");
        assertThat(two.results()).hasSize(10);
    }

    @Test
    void aTotalWithinTheCountIsExactAndLeavesDeletedRecordsOut() throws IOException {
        engine.close();
        engine = new LuceneSearchEngine(folder, 5_000);
        List<SearchDocument> documents = new ArrayList<>();
        int matching = 2_345;
        for (long id = 1; id <= matching; id++) {
            documents.add(inRegion("achievement", id, "谐波减速器 " + id, "330100"));
        }
        for (long id = matching + 1; id <= matching + 500; id++) {
            documents.add(inRegion("achievement", id, "谐波电机 " + id, "330100"));
        }
        engine.index(documents);
        // a record deleted: the index can no longer tell a term's count without visiting the matches
        engine.delete("achievement", List.of(7L));

        // two words: a conjunction, whose matches are walked to be counted
        SearchHits both = engine.search(SearchQuery.publicly("谐波 减速器", 10));
        assertThat(both.totalExact()).isTrue();
        assertThat(both.total()).isEqualTo(matching - 1);
        assertThat(both.results()).hasSize(10);
        assertThat(both.facetsEstimated()).isFalse();
        assertThat(counts(both, "type")).containsEntry("achievement", (long) matching - 1);

        SearchHits byDate = engine.search(new SearchQuery(
                "谐波 减速器", null, null, null, null, null, SearchQuery.Order.DATE, Searcher.VISITOR, 0, 10));
        assertThat(byDate.total()).isEqualTo(matching - 1);
        assertThat(byDate.totalExact()).isTrue();
    }

    @Test
    void facetsCountTheMatchesOfEverySegment() {
        engine.index(List.of(inRegion("case", 1, "减速器案例", "110100"), inRegion("case", 2, "光伏案例", "110100")));
        engine.index(List.of(inRegion("demand", 3, "光伏需求", "330100"), inRegion("demand", 4, "储能需求", "330100")));
        engine.index(
                List.of(inRegion("achievement", 5, "储能成果", "440100"), inRegion("achievement", 6, "光伏成果", "440100")));
        engine.index(List.of(inRegion("case", 2, "光伏案例修订", "110100")));

        SearchHits found = engine.search(SearchQuery.publicly("光伏", 10));

        assertThat(found.total()).isEqualTo(3);
        assertThat(found.facets().get("type"))
                .containsExactlyInAnyOrder(
                        new SearchHits.FacetCount("case", 1),
                        new SearchHits.FacetCount("demand", 1),
                        new SearchHits.FacetCount("achievement", 1));
        assertThat(found.facets().get("region"))
                .containsExactlyInAnyOrder(
                        new SearchHits.FacetCount("110000", 1),
                        new SearchHits.FacetCount("330000", 1),
                        new SearchHits.FacetCount("440000", 1));

        SearchHits inOneSegment = engine.search(SearchQuery.publicly("储能成果", 10));
        assertThat(inOneSegment.facets().get("type")).containsExactly(new SearchHits.FacetCount("achievement", 1));
        assertThat(inOneSegment.facets().get("region")).containsExactly(new SearchHits.FacetCount("440000", 1));
    }

    @Test
    void aTotalTheIndexKnowsWithoutVisitingTheMatchesIsExactHoweverLarge() throws IOException {
        engine.close();
        engine = new LuceneSearchEngine(folder, 100);
        List<SearchDocument> documents = new ArrayList<>();
        for (long id = 1; id <= 500; id++) {
            documents.add(inRegion("demand", id, "传感器需求 " + id, "330100"));
        }
        engine.index(documents);
        Searcher operator = new Searcher(1L, true, false, Set.of());

        SearchHits everything = engine.search(
                new SearchQuery(null, null, null, null, null, null, SearchQuery.Order.DATE, operator, 0, 10));

        assertThat(everything.totalExact()).isTrue();
        assertThat(everything.total()).isEqualTo(500);
        assertThat(everything.facetsEstimated()).isTrue();
        assertThat(counts(everything, "type").get("demand")).isBetween(400L, 500L);
    }

    private static Map<String, Long> counts(SearchHits hits, String dimension) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        hits.facets().getOrDefault(dimension, List.of()).forEach(f -> counts.put(f.value(), f.count()));
        return counts;
    }

    @Test
    void pagesFollowEachOther() {
        engine.index(Stream.iterate(1L, i -> i + 1)
                .limit(5)
                .map(i -> document("demand", i, "传感器 " + i, ""))
                .toList());

        SearchHits second = engine.search(new SearchQuery(
                "传感器", null, null, null, null, null, SearchQuery.Order.RELEVANCE, Searcher.VISITOR, 1, 2));

        assertThat(second.total()).isEqualTo(5);
        assertThat(second.results()).hasSize(2);
        assertThat(engine.search(new SearchQuery(
                                "传感器",
                                null,
                                null,
                                null,
                                null,
                                null,
                                SearchQuery.Order.RELEVANCE,
                                Searcher.VISITOR,
                                3,
                                2))
                        .results())
                .isEmpty();
    }

    @Test
    void byDateTheLatestChangedComeFirstWhateverTheirScore() {
        engine.index(List.of(
                dated(1, "储能电池 储能电池 储能电池", "2026-03-01T00:00:00Z"),
                dated(2, "储能电池", "2026-05-01T00:00:00Z"),
                dated(3, "储能电池 储能电池", "2026-04-01T00:00:00Z")));

        assertThat(search(new SearchQuery(
                        "储能电池", null, null, null, null, null, SearchQuery.Order.DATE, Searcher.VISITOR, 0, 10)))
                .containsExactly(2L, 3L, 1L);
        assertThat(engine.search(new SearchQuery(
                                "储能电池", null, null, null, null, null, SearchQuery.Order.DATE, Searcher.VISITOR, 0, 10))
                        .results()
                        .getFirst()
                        .score())
                .isPositive();
        assertThat(search(new SearchQuery(
                        "储能电池", null, null, null, null, null, SearchQuery.Order.RELEVANCE, Searcher.VISITOR, 0, 10)))
                .first()
                .isEqualTo(1L);
    }

    private static SearchDocument dated(long id, String title, String updated) {
        return new SearchDocument(
                "achievement",
                id,
                title,
                List.of(),
                "",
                null,
                null,
                null,
                null,
                null,
                "PUBLISHED",
                Access.everyone(),
                Instant.parse(updated));
    }

    @Test
    void eachSearcherFindsExactlyTheDocumentsTheAccessRuleLetsThemSee() {
        long author = 7;
        long station = 3;
        List<Access> accesses = new ArrayList<>();
        for (boolean published : List.of(true, false)) {
            for (boolean confidential : List.of(true, false)) {
                for (Long stationId : Arrays.asList(null, station, 4L)) {
                    for (Set<Long> owners : List.of(Set.<Long>of(), Set.of(author), Set.of(8L, author))) {
                        accesses.add(new Access(published, confidential, stationId, owners));
                    }
                }
            }
        }
        List<SearchDocument> documents = new ArrayList<>();
        for (int i = 0; i < accesses.size(); i++) {
            documents.add(new SearchDocument(
                    "demand",
                    i,
                    "可见性",
                    List.of(),
                    "",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    accesses.get(i),
                    Instant.EPOCH));
        }
        engine.index(documents);
        List<Searcher> searchers = List.of(
                Searcher.VISITOR,
                new Searcher(1L, false, false, Set.of()),
                new Searcher(author, false, false, Set.of()),
                new Searcher(1L, false, true, Set.of()),
                new Searcher(1L, false, false, Set.of(station)),
                new Searcher(author, false, true, Set.of(station, 4L)),
                new Searcher(1L, true, false, Set.of()));

        for (Searcher searcher : searchers) {
            List<Long> expected = documents.stream()
                    .filter(d -> searcher.maySee(d.access()))
                    .map(SearchDocument::id)
                    .toList();
            assertThat(expected)
                    .as("the rule hides some and shows some to %s", searcher)
                    .isNotEmpty();
            SearchHits hits = engine.search(new SearchQuery(
                    "可见性", null, null, null, null, null, SearchQuery.Order.RELEVANCE, searcher, 0, documents.size()));
            assertThat(hits.results().stream().map(SearchHits.Hit::id))
                    .as("%s", searcher)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(hits.total()).isEqualTo(expected.size());
            assertThat(hits.facets().get("type")).containsExactly(new SearchHits.FacetCount("demand", expected.size()));
        }
        assertThat(Searcher.VISITOR.maySee(new Access(true, true, null, Set.of())))
                .isFalse();
        assertThat(new Searcher(1L, false, true, Set.of()).maySee(new Access(true, true, null, Set.of())))
                .isTrue();
        assertThat(new Searcher(1L, false, true, Set.of()).maySee(new Access(false, false, null, Set.of())))
                .isFalse();
    }

    @Test
    void indexingAgainReplacesAndDeletingRemoves() {
        engine.index(List.of(document("demand", 1, "旧标题", ""), document("achievement", 1, "旧标题", "")));
        engine.index(List.of(document("demand", 1, "新标题", "")));

        assertThat(engine.count()).isEqualTo(2);
        assertThat(engine.search(SearchQuery.publicly("旧标题", 10)).results())
                .extracting(SearchHits.Hit::type)
                .containsExactly("achievement");

        engine.delete("achievement", List.of(1L, 99L));

        assertThat(engine.count()).isEqualTo(1);
        assertThat(ids("旧标题")).isEmpty();
    }

    @Test
    void aRebuildKeepsWhatItAddedAndWhatWasIndexedMeanwhileAndRemovesTheRest() {
        engine.index(List.of(document("demand", 1, "传感器一", ""), document("demand", 2, "传感器二", "")));

        SearchEngine.Rebuild rebuild = engine.beginRebuild();
        rebuild.add(List.of(document("demand", 1, "传感器一", "")));
        engine.index(List.of(document("demand", 3, "传感器三", "")));
        assertThat(ids("传感器")).containsExactlyInAnyOrder(1L, 2L, 3L);
        rebuild.finish();

        assertThat(ids("传感器")).containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void aNewIndexNeedsARebuildAndAnIndexThatWasBuiltDoesNot() throws IOException {
        assertThat(engine.needsRebuild()).isTrue();
        SearchEngine.Rebuild rebuild = engine.beginRebuild();
        rebuild.add(List.of(document("demand", 1, "传感器", "")));
        rebuild.finish();
        assertThat(engine.needsRebuild()).isFalse();
        engine.close();

        engine = new LuceneSearchEngine(folder);

        assertThat(engine.needsRebuild()).isFalse();
        assertThat(ids("传感器")).containsExactly(1L);
    }

    @Test
    void anIndexOfAnotherLayoutServesOnButNeedsARebuildUntilOneFinishes() throws IOException {
        engine.beginRebuild().finish();
        engine.index(List.of(document("demand", 1, "传感器", "")));
        engine.close();
        try (IndexWriter older = new IndexWriter(FSDirectory.open(folder), new IndexWriterConfig())) {
            older.setLiveCommitData(Map.of("kechuang.generation", "2", "kechuang.layout", "analysis 1")
                    .entrySet());
            older.commit();
        }

        engine = new LuceneSearchEngine(folder);
        assertThat(engine.needsRebuild()).isTrue();
        assertThat(ids("传感器")).containsExactly(1L);
        engine.index(List.of(document("demand", 2, "传感器", "")));
        engine.close();
        engine = new LuceneSearchEngine(folder);
        assertThat(engine.needsRebuild())
                .as("still, after a change indexed meanwhile")
                .isTrue();

        SearchEngine.Rebuild rebuild = engine.beginRebuild();
        rebuild.add(List.of(document("demand", 1, "传感器", "")));
        rebuild.finish();
        engine.close();
        engine = new LuceneSearchEngine(folder);

        assertThat(engine.needsRebuild()).isFalse();
        assertThat(ids("传感器")).containsExactly(1L);
    }

    @Test
    void aDamagedIndexIsReplacedByAnEmptyOneThatNeedsARebuild() throws IOException {
        engine.index(List.of(document("demand", 1, "传感器", "")));
        engine.close();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock"))
                    .toList()) {
                if (Files.size(file) > 64) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), Files.size(file) / 2);
                    }
                }
            }
        }

        engine = new LuceneSearchEngine(folder);

        assertThat(engine.needsRebuild()).isTrue();
        assertThat(engine.count()).isZero();
        engine.index(List.of(document("demand", 2, "传感器", "")));
        assertThat(ids("传感器")).containsExactly(2L);
    }

    private static SearchDocument changedAt(long id, String title, String instant) {
        return new SearchDocument(
                "achievement",
                id,
                title,
                List.of(),
                "",
                null,
                null,
                null,
                null,
                null,
                "PUBLISHED",
                Access.everyone(),
                Instant.parse(instant));
    }

    @Test
    void aChangedSinceFilterKeepsOnlyTheDocumentsChangedAtOrAfterTheInstant() {
        engine.index(List.of(
                changedAt(1, "焊接机器人", "2026-01-01T00:00:00Z"),
                changedAt(2, "焊接机器人控制器", "2026-02-01T00:00:00Z"),
                changedAt(3, "焊接机器人手臂", "2026-03-01T00:00:00Z")));

        SearchQuery all = SearchQuery.publicly("焊接机器人", 20);

        assertThat(search(all)).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(search(all.changedSince(Instant.parse("2026-02-01T00:00:00Z"))))
                .containsExactlyInAnyOrder(2L, 3L);
        assertThat(search(all.changedSince(Instant.parse("2026-03-01T00:00:01Z"))))
                .isEmpty();
        assertThat(engine.search(all.changedSince(Instant.parse("2026-02-15T00:00:00Z")))
                        .total())
                .isEqualTo(1);
    }

    @Test
    void aTextUsedAsAnExampleFindsDocumentsSharingEnoughOfItsWords() {
        engine.index(List.of(
                document("achievement", 1, "锂电池 正极材料 烧结工艺", ""),
                document("achievement", 2, "锂电池 回收", ""),
                document("achievement", 3, "光伏组件 清洗机器人", "")));
        String example = "锂电池正极材料的烧结工艺优化";

        assertThat(search(SearchQuery.publicly(example, 20))).isEmpty();
        assertThat(search(SearchQuery.publicly(example, 20).sharingWords(0.75))).containsExactly(1L);
        assertThat(search(SearchQuery.publicly(example, 20).sharingWords(0.1))).containsExactly(1L, 2L);
    }

    private List<Long> search(SearchQuery query) {
        return engine.search(query).results().stream().map(SearchHits.Hit::id).toList();
    }
}
