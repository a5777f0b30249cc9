#!/usr/bin/env bash
# Search benchmark (not a test, not part of ./mvnw verify): fills a fresh embedded PostgreSQL with generated published
# achievements (1,000,000 by default), times a full reindex through POST /api/v1/search/reindex, then measures the
# same queries through the HTTP search API, on the raw Lucene index and as ILIKE; prints medians, p99s, ratios, the
# index size and the peak heap. Usage: bench/search-benchmark.sh [rows]   (needs JAVA_HOME pointing at JDK 25)
# BENCH_JAVA_OPTS adds JVM options (e.g. -XX:StartFlightRecording=filename=target/bench/search.jfr or
# -Dbench.rounds=20).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile -Dspotless.check.skip=true
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec "${JAVA_HOME:-/usr}/bin/java" -Xmx1g ${BENCH_JAVA_OPTS:-} --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.kechuang.search.SearchBenchmark "${1:-1000000}"
