package org.kechuang.achievement;

import java.util.Optional;

/**
 * Technology readiness levels (技术成熟度) 1–9, with the stage names used in Chinese evaluation practice and their
 * usual English names.
 */
public enum MaturityLevel {
    TRL_1(1, "基本原理提出", "Basic principles observed and reported"),
    TRL_2(2, "技术概念和应用设想提出", "Technology concept and application formulated"),
    TRL_3(3, "关键功能和特性的概念验证", "Critical function and proof of concept demonstrated"),
    TRL_4(4, "实验室环境下的部件或原理样机验证", "Component or breadboard validated in a laboratory environment"),
    TRL_5(5, "相关环境下的部件或原理样机验证", "Component or breadboard validated in a relevant environment"),
    TRL_6(6, "相关环境下的系统或分系统原型演示", "System or subsystem prototype demonstrated in a relevant environment"),
    TRL_7(7, "实际使用环境下的系统原型演示", "System prototype demonstrated in an operational environment"),
    TRL_8(8, "实际系统完成并通过试验验证", "Actual system completed and qualified through test and demonstration"),
    TRL_9(9, "实际系统完成并成功运行", "Actual system proven through successful operation");

    private final int level;
    private final String chineseName;
    private final String englishName;

    MaturityLevel(int level, String chineseName, String englishName) {
        this.level = level;
        this.chineseName = chineseName;
        this.englishName = englishName;
    }

    public int level() {
        return level;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }

    public static Optional<MaturityLevel> of(int level) {
        return level >= 1 && level <= 9 ? Optional.of(values()[level - 1]) : Optional.empty();
    }

    /** Accepts {@code 6}, {@code TRL6}, {@code TRL 6}, {@code TRL_6} or the Chinese stage name. */
    public static Optional<MaturityLevel> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String value = typed.strip();
        for (MaturityLevel level : values()) {
            if (level.chineseName.equals(value)) {
                return Optional.of(level);
            }
        }
        String digits = value.toUpperCase(java.util.Locale.ROOT).replaceFirst("^TRL[\\s_-]*", "");
        if (digits.matches("\\d")) {
            return of(Integer.parseInt(digits));
        }
        return Optional.empty();
    }
}
