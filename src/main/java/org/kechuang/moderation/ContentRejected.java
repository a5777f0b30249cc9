package org.kechuang.moderation;

/** An operator rejected a held submission: its library returns it to the author with the reason. */
public record ContentRejected(String recordType, long recordId, long operatorId, String reason) {}
