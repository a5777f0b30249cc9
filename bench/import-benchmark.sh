#!/usr/bin/env bash
# Import benchmark (not a test, not part of ./mvnw verify): 1,000,000 generated achievement rows through the import
# pipeline into a fresh embedded PostgreSQL, then COPY of the same file in the same run; prints rows/s, the ratio and
# the peak heap. Usage: bench/import-benchmark.sh [rows]   (needs JAVA_HOME pointing at JDK 25)
exec "$(dirname "$0")/run-main.sh" org.kechuang.imports.ImportBenchmark "${1:-1000000}"
