#!/usr/bin/env bash
# Matching quality (not a test, not part of ./mvnw verify): the protocol of ../shared/data/README.md through the
# platform's import and matching on a fresh embedded PostgreSQL and index; prints P@10 and nDCG@10 of the method, its
# parts and a plain character-bigram BM25 computed in the same run.
# Usage: bench/matching-eval.sh [labelled.jsonl]   (default ../shared/data/eval/csl-dev.jsonl; JAVA_HOME at JDK 25)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile -Dspotless.check.skip=true
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec "${JAVA_HOME:-/usr}/bin/java" -Xmx1g ${BENCH_JAVA_OPTS:-} --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.kechuang.matching.MatchingEvaluation "$@"
