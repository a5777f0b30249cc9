package org.kechuang.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightingTest {

    private static Match at(String field, Category category, int start, int end) {
        return new Match(field, category, start, end, "x", List.of("rule"));
    }

    @Test
    void marksTheFindingsOfTheFieldAndLeavesTheRestPlain() {
        String value = "新材料<b>星空体育</b>官网";

        List<Highlighting.Piece> pieces = Highlighting.pieces(
                value, "abstract", List.of(at("abstract", Category.GAMBLING, 6, 10), at("title", Category.SPAM, 0, 3)));

        assertThat(pieces)
                .containsExactly(
                        new Highlighting.Piece("新材料<b>", null),
                        new Highlighting.Piece("星空体育", "gambling"),
                        new Highlighting.Piece("</b>官网", null));
    }

    @Test
    void joinsOverlappingFindingsIntoOneMark() {
        List<Highlighting.Piece> pieces = Highlighting.pieces(
                "abcdefgh", "f", List.of(at("f", Category.LINK, 1, 4), at("f", Category.LINK, 3, 6)));

        assertThat(pieces)
                .containsExactly(
                        new Highlighting.Piece("a", null),
                        new Highlighting.Piece("bcdef", "link"),
                        new Highlighting.Piece("gh", null));
    }

    @Test
    void ignoresSpansOutsideTheText() {
        assertThat(Highlighting.pieces("短", "f", List.of(at("f", Category.SPAM, 0, 9))))
                .containsExactly(new Highlighting.Piece("短", null));
    }
}
