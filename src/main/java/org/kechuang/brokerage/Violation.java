package org.kechuang.brokerage;

/** One broken rule of a refused request: the field, the message key ({@code problem.<key>}) and its arguments. */
record Violation(String field, String key, Object... args) {}
