package org.kechuang.reference;

/** What an accepted import did: every row of the file is exactly one of inserted, updated or unchanged. */
record ImportReport(int total, int inserted, int updated, int unchanged) {}
