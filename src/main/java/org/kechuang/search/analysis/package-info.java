/** How the search index reads Chinese technical text: one analysis chain for indexing and for queries. */
@org.springframework.modulith.NamedInterface("analysis")
package org.kechuang.search.analysis;
