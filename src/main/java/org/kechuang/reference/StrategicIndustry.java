package org.kechuang.reference;

/** One of the nine categories of strategic emerging industries (战略性新兴产业), coded 1–9. */
record StrategicIndustry(String code, String name, String nameEn) {}
