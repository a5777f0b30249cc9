package org.kechuang.demand;

import java.math.BigDecimal;

/**
 * One target indicator of a demand (期望实现的技术指标): quantified as name, comparator, value and unit where possible
 * ("分辨率 ≤ 10 nm"), otherwise free text ("通过第三方检测").
 *
 * @param text the indicator as free text; {@code null} for a quantified one
 */
public record TargetIndicator(String name, Comparison comparator, BigDecimal value, String unit, String text) {

    public boolean quantified() {
        return value != null;
    }

    /** The indicator as people read and type it: {@code 分辨率 ≤ 10 nm} or the free text. */
    public String display() {
        if (!quantified()) {
            return text;
        }
        StringBuilder shown =
                new StringBuilder(name).append(' ').append(comparator.symbol()).append(' ');
        shown.append(value.stripTrailingZeros().toPlainString());
        if (unit != null) {
            shown.append(' ').append(unit);
        }
        return shown.toString();
    }

    /** How the achieved value must compare to the target value. */
    public enum Comparison {
        LT("<"),
        LE("≤"),
        EQ("="),
        GE("≥"),
        GT(">"),
        APPROX("≈");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * An indicator as typed: in the API the parts, in forms and files one line such as {@code 效率 >= 95 %}.
     *
     * @param value the number as typed (full-width digits allowed)
     * @param comparator a name ({@code GE}) or symbol ({@code >=}, {@code ≥})
     */
    public record Draft(String name, String comparator, String value, String unit, String text) {}
}
