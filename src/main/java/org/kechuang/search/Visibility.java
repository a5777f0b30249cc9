package org.kechuang.search;

/** Who may find a document: everyone, or only those entitled to confidential records (managers, the owners). */
public enum Visibility {
    PUBLIC,
    CONFIDENTIAL
}
