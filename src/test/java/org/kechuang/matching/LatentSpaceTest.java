package org.kechuang.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatentSpaceTest {

    private static Map<String, Integer> bag(String... terms) {
        Map<String, Integer> bag = new HashMap<>();
        for (String term : terms) {
            bag.merge(term, 1, Integer::sum);
        }
        return bag;
    }

    /** Two subjects whose records share words only within the subject; some records share none with the query. */
    private static List<Map<String, Integer>> corpus() {
        List<Map<String, Integer>> corpus = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            corpus.add(i % 2 == 0 ? bag("电池", "储能", "电解液", "e" + i) : bag("储能", "电堆", "温升", "e" + i));
            corpus.add(i % 2 == 0 ? bag("水稻", "育种", "基因", "g" + i) : bag("育种", "产量", "抗病", "g" + i));
        }
        return corpus;
    }

    /** Fewer dimensions than kinds of record: the space keeps the subjects and loses the words' differences. */
    @Test
    void textsOfOneSubjectLandCloserThanTextsOfAnotherEvenWithoutASharedWord() {
        List<Map<String, Integer>> corpus = corpus();
        LatentSpace space = LatentSpace.train(
                consumer -> corpus.forEach(consumer), new LatentSpace.Settings(2, 2, 0.9, 1000, 3, 7));

        float[] query = space.embed(bag("电池"));
        float[] sameSubjectNoSharedWord = space.embed(bag("电堆", "温升"));
        float[] otherSubject = space.embed(bag("水稻", "育种"));

        assertThat(MatchingIndex.dot(query, sameSubjectNoSharedWord))
                .isGreaterThan(MatchingIndex.dot(query, otherSubject) + 0.5);
        assertThat(space.dimensions()).isEqualTo(2);
        assertThat(space.embed(bag("从未见过"))).isNull();
    }

    /**
     * A text asked about, "储能" (in half the records) and "水稻" (in a quarter): placed as a record, the frequent term's
     * longer coordinates pull it towards energy storage; placed as a query (terms as directions, idf squared), the rarer,
     * more specific term pulls it at least as much.
     */
    @Test
    void aQuerysRarerTermPullsItMoreThanWhenPlacedAsARecord() {
        List<Map<String, Integer>> corpus = corpus();
        LatentSpace space = LatentSpace.train(
                consumer -> corpus.forEach(consumer), new LatentSpace.Settings(2, 2, 0.9, 1000, 10, 7));
        Map<String, Integer> text = bag("储能", "水稻");
        float[] energy = space.embed(bag("电堆", "温升", "储能"));
        float[] agriculture = space.embed(bag("水稻", "育种", "基因"));

        float[] asRecord = space.embed(text);
        float[] asQuery = space.embedQuery(text, 2);

        double towardsAgricultureAsRecord =
                MatchingIndex.dot(asRecord, agriculture) - MatchingIndex.dot(asRecord, energy);
        double towardsAgricultureAsQuery = MatchingIndex.dot(asQuery, agriculture) - MatchingIndex.dot(asQuery, energy);
        assertThat(towardsAgricultureAsQuery).isGreaterThan(towardsAgricultureAsRecord + 0.1);
        assertThat(towardsAgricultureAsQuery).isGreaterThanOrEqualTo(0);
        assertThat(space.embedQuery(bag("从未见过"), 2)).isNull();
    }

    @Test
    void aWrittenSpaceReadsBackTheSame() throws Exception {
        List<Map<String, Integer>> corpus = corpus();
        LatentSpace space = LatentSpace.train(
                consumer -> corpus.forEach(consumer), new LatentSpace.Settings(4, 2, 0.9, 1000, 3, 7));
        var bytes = new java.io.ByteArrayOutputStream();
        space.write(new java.io.DataOutputStream(bytes));

        LatentSpace read =
                LatentSpace.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));

        assertThat(read.embed(bag("电池", "储能"))).containsExactly(space.embed(bag("电池", "储能")));
        assertThat(read.embedQuery(bag("电池", "储能"), 2)).containsExactly(space.embedQuery(bag("电池", "储能"), 2));
        assertThat(read.documents()).isEqualTo(corpus.size());
    }

    @Test
    void tooLittleToLearnFromGivesNoSpace() {
        assertThat(LatentSpace.train(
                        consumer -> consumer.accept(bag("电池")), new LatentSpace.Settings(4, 2, 0.9, 1000, 3, 7)))
                .isNull();
    }
}
