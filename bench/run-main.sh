#!/usr/bin/env bash
# Runs a benchmark's main class from the test classes with -Xmx1g (BENCH_JAVA_OPTS adds JVM options after it) after
# building them. Usage: bench/run-main.sh <main class> [arguments]   (needs JAVA_HOME pointing at JDK 25)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile -Dspotless.check.skip=true
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
main="$1"
shift
exec "${JAVA_HOME:-/usr}/bin/java" -Xmx1g ${BENCH_JAVA_OPTS:-} --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" "$main" "$@"
