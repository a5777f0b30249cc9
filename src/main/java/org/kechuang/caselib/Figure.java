package org.kechuang.caselib;

import java.math.BigDecimal;

/**
 * A measured result of a case: what was measured, the number and its unit, economic or technical. The number is kept
 * exactly as a decimal and shown without trailing zeros.
 *
 * @param name e.g. 年节约成本, 良品率提升
 * @param unit e.g. 万元, 个百分点, %, 小时
 */
record Figure(String name, BigDecimal value, String unit, FigureKind kind) {

    /** As people read it: {@code 年节约成本 320 万元}. */
    String shown() {
        return name + " " + value.stripTrailingZeros().toPlainString() + " " + unit;
    }
}
