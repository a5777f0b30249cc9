/**
 * Duplicates across stations (跨站点去重): the same achievement, demand or expert supplied by several stations is
 * listed for an operator as a candidate group (same patent number, same name and affiliation, near-identical title
 * and owner); the operator merges the group into the record they keep, which then carries every provenance. The
 * module knows no library: each contributes a {@link org.kechuang.dedup.DuplicateSource}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Duplicates",
        allowedDependencies = {"platform", "identity", "shared"})
package org.kechuang.dedup;
