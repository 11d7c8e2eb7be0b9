#!/usr/bin/env bash
# Token-endpoint throughput of the issuer: starts `./hallmark serve --demo` on a throwaway data directory, warms it
# up, then drives POST /oauth2/token (client_credentials, client_secret_basic, ES256 access tokens) with wrk
# (Debian package `wrk`) at several connection counts, and reports requests/s, latency percentiles and the server's
# CPU use. Run on a quiet machine.
#   bench/issuer.sh [DURATION_SECONDS] [CONNECTIONS...]     e.g. bench/issuer.sh 30 4 16 64
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
DURATION="${1:-30}"
shift || true
CONNECTIONS=("${@:-4 16 64}")
# shellcheck disable=SC2206
CONNECTIONS=(${CONNECTIONS[*]})
command -v wrk >/dev/null || { echo "issuer.sh: needs wrk (apt-get install -y wrk)" >&2; exit 3; }

DATA="$(mktemp -d)"
OUT="$DATA/serve.out"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$ROOT/hallmark" serve --demo --data "$DATA/data" --port "$PORT" >"$OUT" 2>"$DATA/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 600); do grep -q '^demo client: ' "$OUT" 2>/dev/null && break; sleep 0.1; done
read -r _ _ CLIENT_ID CLIENT_SECRET < <(grep '^demo client: ' "$OUT")
export HALLMARK_BENCH_CLIENT_ID="$CLIENT_ID" HALLMARK_BENCH_CLIENT_SECRET="$CLIENT_SECRET"
URL="http://127.0.0.1:$PORT/oauth2/token"
curl -sf -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials "$URL" >/dev/null \
  || { echo "issuer.sh: the token endpoint does not answer" >&2; cat "$DATA/serve.err" >&2; exit 1; }

cpu_ms() { # user+system CPU of the server process so far, in milliseconds
  local f; read -ra f < "/proc/$PID/stat"; echo $(( (f[13] + f[14]) * 1000 / $(getconf CLK_TCK) ))
}

echo "warm-up: 20 s at 16 connections" >&2
wrk -t2 -c16 -d20s -s "$ROOT/bench/issuer-token.lua" "$URL" >/dev/null
echo "| connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | server CPU (cores) | tokens/s per server core | non-200 |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for c in "${CONNECTIONS[@]}"; do
  before=$(cpu_ms); start=$(date +%s%N)
  line=$(wrk -t2 -c"$c" -d"${DURATION}s" -s "$ROOT/bench/issuer-token.lua" "$URL" | grep '^p50_ms=')
  after=$(cpu_ms); end=$(date +%s%N)
  eval "$line"
  cores=$(python3 -c "print(f'{($after-$before)/(($end-$start)/1e6):.2f}')")
  per_core=$(python3 -c "print(f'{$rps/(($after-$before)/(($end-$start)/1e6)):.0f}')")
  echo "| $c | $rps | $p50_ms | $p90_ms | $p99_ms | $max_ms | $cores | $per_core | $((non200 + errors)) |"
done
