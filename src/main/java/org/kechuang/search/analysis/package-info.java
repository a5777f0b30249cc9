/** How the search index reads Chinese technical text: one analysis chain for indexing and for queries. */
package org.kechuang.search.analysis;
