#!/usr/bin/env bash
# Matching latency (not a test, not part of ./mvnw verify): a fresh embedded PostgreSQL and indexes, the demo
# generator's achievements and experts fed into the matching index as a bulk import's changes are (bypassing
# PostgreSQL), then top-20 matches for generated demand texts through the matching service next to plain BM25 on the
# same index; prints median, p99, max, the heap's peak and the load average.
# Usage: bench/matching-benchmark.sh [achievements] [experts]   (default 1000000 each; JAVA_HOME at JDK 25)
# BENCH_JAVA_OPTS adds JVM options after -Xmx1536m (e.g. -Dbench.rounds=10 -Dbench.demands=200).
set -euo pipefail
BENCH_JAVA_OPTS="-Xmx1536m ${BENCH_JAVA_OPTS:-}" exec "$(dirname "$0")/run-main.sh" \
  org.kechuang.matching.MatchingBenchmark "${1:-1000000}" "${2:-${1:-1000000}}"
