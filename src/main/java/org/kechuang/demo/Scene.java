package org.kechuang.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words one record is written with: its chain node's vocabulary, drawn lazily and kept, so that a slot named
 * twice in a record's text ({@code {对象}}) reads the same everywhere and {@code {对象2}} names a different one.
 * Sentences come from the patterns of a section; a pattern whose slots the record cannot fill (a node without
 * materials) is passed over.
 */
final class Scene {

    private static final Pattern SLOT = Pattern.compile("\\{([^{}]+)}");

    private final Draws draws;
    private final Vocabulary.Templates templates;
    private final Map<String, String> filled = new HashMap<>();
    private final Map<String, Supplier<String>> slots = new HashMap<>();

    Scene(Draws draws, Vocabulary.Templates templates) {
        this.draws = draws;
        this.templates = templates;
    }

    /** Makes a slot available; its value is drawn the first time a pattern uses it. */
    Scene slot(String name, Supplier<String> value) {
        slots.put(name, value);
        return this;
    }

    /** A slot drawn from a list, and its companion {@code name2} drawn from the rest of the list. */
    Scene words(String name, List<String> words) {
        if (words.isEmpty()) {
            return this;
        }
        slots.put(name, () -> draws.pick(words));
        slots.put(name + "2", () -> draws.pickOther(words, get(name)));
        return this;
    }

    /** Fixes a slot's value. */
    Scene set(String name, String value) {
        filled.put(name, value);
        return this;
    }

    String get(String name) {
        String value = filled.get(name);
        if (value == null) {
            Supplier<String> supplier = slots.get(name);
            if (supplier == null) {
                throw new IllegalStateException("no slot {" + name + "}");
            }
            value = supplier.get();
            filled.put(name, value);
        }
        return value;
    }

    boolean has(String name) {
        return filled.containsKey(name) || slots.containsKey(name);
    }

    /** One pattern of the section that this record can fill, filled. */
    String sentence(String section) {
        List<String> usable = usable(section);
        return fill(draws.pick(usable));
    }

    /** {@code count} different patterns of the section that this record can fill, unfilled, in the section's order. */
    List<String> patterns(String section, int count) {
        return draws.some(usable(section), count);
    }

    private List<String> usable(String section) {
        List<String> usable = new ArrayList<>();
        for (String pattern : templates.of(section)) {
            if (fillable(pattern)) {
                usable.add(pattern);
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalStateException("no pattern of [" + section + "] can be filled");
        }
        return usable;
    }

    private boolean fillable(String pattern) {
        Matcher slot = SLOT.matcher(pattern);
        while (slot.find()) {
            if (!has(slot.group(1))) {
                return false;
            }
        }
        return true;
    }

    String fill(String pattern) {
        Matcher slot = SLOT.matcher(pattern);
        StringBuilder text = new StringBuilder();
        while (slot.find()) {
            slot.appendReplacement(text, Matcher.quoteReplacement(get(slot.group(1))));
        }
        slot.appendTail(text);
        return text.toString();
    }
}
