package org.kechuang.brokerage;

import java.math.BigDecimal;

/**
 * A result measured after delivery, e.g. 良品率 99.6 %: what a case in the case library later reports.
 *
 * @param unit may be empty for a count
 */
public record MeasuredResult(String indicator, BigDecimal value, String unit) {}
