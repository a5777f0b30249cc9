package org.kechuang.moderation;

/** An operator found a held submission acceptable: its library may publish it. */
public record ContentReleased(String recordType, long recordId, long operatorId) {}
