package org.kechuang.caselib;

/**
 * An organization that took part in a case, as checked: its role, its platform record where there is one, and its
 * name (the record's name when linked).
 */
record Party(PartyRole role, Long organizationId, String name) {}
