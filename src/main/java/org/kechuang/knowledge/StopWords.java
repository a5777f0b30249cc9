package org.kechuang.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Words too general to be a topic ({@code knowledge/stopwords.txt}: function words and the vocabulary every demand
 * uses, such as 技术 or 需求), single characters and numbers.
 */
@Component
class StopWords {

    private final Set<String> words;

    StopWords() {
        try (InputStream in = new ClassPathResource("knowledge/stopwords.txt").getInputStream()) {
            words = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True for a word that may be a topic: two characters or more, not only digits or signs, not a stop word. */
    boolean isTopic(String word) {
        if (word.codePointCount(0, word.length()) < 2 || words.contains(word)) {
            return false;
        }
        return word.codePoints().anyMatch(Character::isLetter);
    }
}
