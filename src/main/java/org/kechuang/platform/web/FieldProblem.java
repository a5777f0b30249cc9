package org.kechuang.platform.web;

/** One offending field of a refused request, as carried in the {@code errors} member of a problem document. */
public record FieldProblem(String field, String key, String message) {}
