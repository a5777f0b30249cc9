package org.kechuang.brokerage;

/**
 * One side's rating of an engagement's outcome.
 *
 * @param score 1 (poor) to 5 (excellent)
 * @param comment may be null
 */
public record Rating(int score, String comment) {}
