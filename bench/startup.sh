#!/usr/bin/env bash
# Issuer start-up as a user sees it: wall time from launching `./hallmark serve` (built, class-data archive recorded)
# to the first `200` from GET /health, on a data directory that already has its keys, plus the process's CPU time
# at that moment. Prints one line per run and the median. Run on a quiet machine.
#   bench/startup.sh [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
RUNS="${1:-10}"
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# First start: builds if needed, records the archive, creates the keys. Not measured.
P=$(port)
"$ROOT/hallmark" serve --data "$DATA/data" --port "$P" >/dev/null 2>&1 &
PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$P/health"; do sleep 0.05; done
kill "$PID"; wait "$PID" 2>/dev/null || true

TCK=$(getconf CLK_TCK)
results=()
for _ in $(seq 1 "$RUNS"); do
  P=$(port)
  start=$(date +%s%N)
  "$ROOT/hallmark" serve --data "$DATA/data" --port "$P" >/dev/null 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$P/health"; do sleep 0.005; done
  end=$(date +%s%N)
  read -ra f < "/proc/$PID/stat"
  ms=$(( (end - start) / 1000000 ))
  cpu=$(( (f[13] + f[14]) * 1000 / TCK ))
  echo "start-up: ${ms} ms wall, ${cpu} ms CPU"
  results+=("$ms")
  kill "$PID"; wait "$PID" 2>/dev/null || true
done
printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d: %d ms (min %d, max %d)\n", NR, a[int((NR+1)/2)], a[1], a[NR]}'
