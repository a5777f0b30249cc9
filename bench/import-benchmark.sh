#!/usr/bin/env bash
# Import benchmark (not a test, not part of ./mvnw verify): 1,000,000 generated achievement rows through the import
# pipeline into a fresh embedded PostgreSQL, then COPY of the same file in the same run; prints rows/s, the ratio and
# the peak heap. Usage: bench/import-benchmark.sh [rows]   (needs JAVA_HOME pointing at JDK 25)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile -Dspotless.check.skip=true
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec "${JAVA_HOME:-/usr}/bin/java" -Xmx1g ${BENCH_JAVA_OPTS:-} --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.kechuang.imports.ImportBenchmark "${1:-1000000}"
