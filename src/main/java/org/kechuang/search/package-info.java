/**
 * Search (检索): one Chinese full-text index over the libraries, behind the narrow {@link
 * org.kechuang.search.SearchEngine} interface (embedded Lucene today). The module knows no library: each contributes a
 * {@link org.kechuang.search.SearchSource} of its searchable records, from which the index is rebuilt at startup when
 * it is missing or unreadable, and on an operator's request.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Search",
        allowedDependencies = {"platform", "identity", "reference"})
package org.kechuang.search;
