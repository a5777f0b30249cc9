package org.kechuang.caselib;

import java.util.Locale;
import java.util.Optional;

/** Whether a measured result is money (economic) or a technical quantity. */
public enum FigureKind {
    /** 经济指标: 年节约成本 320 万元 */
    ECONOMIC("经济"),
    /** 技术指标: 良品率 提升 4.5 个百分点 */
    TECHNICAL("技术");

    private final String chineseName;

    FigureKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<FigureKind> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String name = typed.strip().toUpperCase(Locale.ROOT);
        for (FigureKind kind : values()) {
            if (kind.name().equals(name)
                    || kind.chineseName.equals(typed.strip())
                    || (kind.chineseName + "指标").equals(typed.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Money is economic: a unit in 元 (元, 万元, 亿元, 万美元 …); everything else is technical. */
    static FigureKind ofUnit(String unit) {
        return unit != null && unit.contains("元") ? ECONOMIC : TECHNICAL;
    }
}
