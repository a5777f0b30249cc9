#!/usr/bin/env bash
# Search benchmark (not a test, not part of ./mvnw verify): fills a fresh embedded PostgreSQL with generated published
# achievements (1,000,000 by default), times a full reindex through POST /api/v1/search/reindex, then measures the
# same queries through the HTTP search API, in-process, on the raw Lucene index and as ILIKE; prints medians, p99s,
# ratios, the index size and the peak heap. Usage: bench/search-benchmark.sh [rows]   (needs JAVA_HOME pointing at
# JDK 25). BENCH_JAVA_OPTS adds JVM options (e.g. -XX:StartFlightRecording=filename=target/bench/search.jfr or
# -Dbench.rounds=20).
exec "$(dirname "$0")/run-main.sh" org.kechuang.search.SearchBenchmark "${1:-1000000}"
