package org.kechuang.organization;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.kechuang.platform.text.Text;

/** The discipline group (学科组) CAST files a national society under. */
public enum DisciplineGroup {
    SCIENCE("理科"),
    ENGINEERING("工科"),
    AGRICULTURE("农科"),
    MEDICINE("医科"),
    INTERDISCIPLINARY("交叉学科");

    private final String chineseLabel;

    DisciplineGroup(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    public String messageKey() {
        return "organization.group." + name();
    }

    /** Reads the group from its code in any case or its Chinese label (理科, 工科, 农科, 医科, 交叉学科). */
    public static Optional<DisciplineGroup> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String key = Text.key(typed);
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        String code = key.toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(group -> group.name().equals(code) || group.chineseLabel.equals(key))
                .findFirst();
    }
}
