package org.kechuang.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The JUnit 5 stand-in for Lucene's {@code BaseTokenStreamTestCase.assertAnalyzesTo} (which needs JUnit 4 and the
 * randomized runner): the tokens of a text with their offsets, types and position increments, read through the full
 * {@code reset → incrementToken → end → close} contract, and the contract's own checks (offsets inside the text, never
 * going backwards, the final offset at the end of the text).
 */
record Tokens(List<Token> tokens) {

    record Token(String term, int start, int end, String type, int increment) {
        @Override
        public String toString() {
            return term + "[" + start + "," + end + "," + type + ",+" + increment + "]";
        }
    }

    static Tokens of(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            int lastStart = 0;
            while (stream.incrementToken()) {
                Token token = new Token(
                        term.toString(),
                        offset.startOffset(),
                        offset.endOffset(),
                        type.type(),
                        increment.getPositionIncrement());
                assertThat(token.start()).as("start of %s", token).isGreaterThanOrEqualTo(lastStart);
                assertThat(token.end()).as("end of %s", token).isBetween(token.start(), text.length());
                if (tokens.isEmpty()) {
                    assertThat(token.increment())
                            .as("first position of %s", token)
                            .isPositive();
                }
                lastStart = token.start();
                tokens.add(token);
            }
            stream.end();
            assertThat(offset.endOffset()).as("final offset").isEqualTo(text.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Tokens(tokens);
    }

    List<String> terms() {
        return tokens.stream().map(Token::term).toList();
    }

    /** The terms of one type, in order. */
    List<String> terms(String type) {
        return tokens.stream()
                .filter(t -> t.type().equals(type))
                .map(Token::term)
                .toList();
    }

    /** What the original text says at each token's offsets: the highlighter marks exactly this. */
    List<String> covered(String text) {
        return tokens.stream().map(t -> text.substring(t.start(), t.end())).toList();
    }

    @Override
    public String toString() {
        return tokens.toString();
    }
}
