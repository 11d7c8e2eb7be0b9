#!/usr/bin/env bash
# Builds and runs the JMH benchmarks, then prints Markdown tables.
#   bench/run.sh [REGEX] [more JMH options]        e.g. bench/run.sh 'verifyHS256' -f 2
# JAVA_HOME selects the JDK (e.g. JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/run.sh).
# Results go to bench/results/jdkN-<time>.json. Run on a quiet machine: other load distorts every figure.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mvn -B -q -Dstyle.color=never -f "$ROOT/pom.xml" -pl hallmark-bench -am -DskipTests package >&2
JAR="$ROOT/hallmark-bench/target/benchmarks.jar"
version=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ {print $3}')
mkdir -p "$ROOT/bench/results"
out="$ROOT/bench/results/jdk$version-$(date -u +%Y%m%dT%H%M%SZ).json"
"$JAVA" -jar "$JAR" "${1:-.}" -prof gc -rf json -rff "$out" "${@:2}" >&2
"$JAVA" -cp "$JAR" dev.hallmark.bench.report.ResultsTable "$out"
echo "results: $out" >&2
