package org.kechuang.moderation;

import java.util.List;

/**
 * One finding with what explains it: where it sits in the field as typed ({@code [start, end)}), the text there, and
 * the list entries or rules that matched.
 */
record Match(String field, Category category, int start, int end, String matched, List<String> rules) {

    Match {
        rules = List.copyOf(rules);
    }

    ContentScreen.Finding finding() {
        return new ContentScreen.Finding(field, category.code(), matched);
    }
}
