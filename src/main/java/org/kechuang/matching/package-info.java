/**
 * Matching (匹配): proposes, for each demand, the achievements, experts and organizations most likely to solve it, and
 * for each achievement or expert the demands it could serve, each with the reasons that hold for the pair; learns from
 * the demand side's accept / decline. Keeps a Lucene index of its own, fed from the libraries' {@link
 * org.kechuang.search.SearchSource}s, with vectors learnt from the platform's own records (ADR 0013).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Matching",
        allowedDependencies = {"platform", "shared", "identity", "reference", "search", "search :: analysis"})
package org.kechuang.matching;
