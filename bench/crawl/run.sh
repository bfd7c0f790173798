#!/usr/bin/env bash
# Crawl benchmark (not a test): a synthetic portal of N linked pages (~10 KB each) served by
# Debian's nginx on 127.0.0.1, measured in one run with
#   (a) verifica scan   (Release build; --concurrency 4 --per-host 4 --delay 0
#                        --no-external-links: the generated pages link to real sites such as
#                        plataformadetransparencia.org.mx, and the benchmark must stay offline,
#                        like linkchecker, which does not check external links by default)
#   (b) verifica check  of the same pages read from disk (the parse + rules limit)
#   (c) linkchecker     with 4 threads (a crawler that parses every page)
#   (d) wget2           --recursive --max-threads=4 (download only: the network ceiling)
# and verifica's peak RSS for N pages and for N/5 pages.
#
# usage: bench/crawl/run.sh [PAGES]   (default 10000; needs root or the packages installed)
# Environment: BENCH_DIR (default /tmp/verifica-bench), JOBS (build jobs, default 2),
#              SKIP_LINKCHECKER=1 to leave (c) out.
set -euo pipefail
cd "$(dirname "$0")/../.."
pages=${1:-10000}
small=$((pages / 5))
work=${BENCH_DIR:-/tmp/verifica-bench}
jobs=${JOBS:-2}
port=${BENCH_PORT:-18573}

bash scripts/deps.sh nginx-light linkchecker wget2 time
mkdir -p "$work"
cmake -S . -B build/bench-crawl -DCMAKE_BUILD_TYPE=Release -DVERIFICA_BUILD_TESTS=OFF \
  >"${TMPDIR:-/tmp}/verifica-bench-build.log" 2>&1
cmake --build build/bench-crawl -j "$jobs" --target verifica >>"${TMPDIR:-/tmp}/verifica-bench-build.log" 2>&1 ||
  { echo "build failed: see ${TMPDIR:-/tmp}/verifica-bench-build.log" >&2; exit 1; }
bin=$PWD/build/bench-crawl/verifica

rm -rf "$work"
mkdir -p "$work/site" "$work/nginx/logs"
python3 bench/crawl/gen_site.py "$pages" "$work/site" >&2
chmod -R a+rX "$work"

nginx_pid=
start_nginx() {  # $1: access log file
  cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  types { text/html html; text/plain txt; }
  default_type application/octet-stream;
  access_log $1;
  sendfile on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$port;
    root $work/site;
    index index.html;
    # linkchecker goes above 10 requests/s to a host only when the host sends this header.
    add_header LinkChecker verifica-bench;
  }
}
EOF
  /usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
  nginx_pid=$!
  for _ in $(seq 50); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/" && return 0
    sleep 0.1
  done
  echo "nginx did not start" >&2
  exit 1
}
stop_nginx() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  nginx_pid=
}
trap stop_nginx EXIT

# Pages (HTML answered 200) a tool fetched, from nginx's access log.
pages_in_log() { awk '$9 == 200 && ($7 ~ /\.html$/ || $7 ~ /\/$/)' "$1" | wc -l; }
now() { date +%s.%N; }
rate() { awk -v p="$1" -v t="$2" 'BEGIN { printf "%.1f", p / t }'; }
rss_mib() { awk '/Maximum resident set size/ { printf "%.1f", $6 / 1024 }' "$1"; }

# (a) verifica scan, N pages, then N/5 pages (RSS).
run_scan() {  # $1 label, $2 max pages, then extra options
  local label=$1 max=$2
  shift 2
  local log="$work/nginx/logs/$label.log"
  : >"$log"
  start_nginx "$log"
  local t0 t1
  t0=$(now)
  set +e
  /usr/bin/time -v -o "$work/$label.time" "$bin" scan "http://127.0.0.1:$port/" --concurrency 4 \
    --per-host 4 --delay 0 --allow-private --no-external-links --max-pages "$max" --max-depth 100 \
    --out "$work/out-$label" --quiet "$@" >/dev/null
  local rc=$?
  set -e
  t1=$(now)
  stop_nginx
  [ $rc -le 1 ] || { echo "verifica scan failed ($rc)" >&2; exit 1; }
  echo "$(pages_in_log "$log") $(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
}
# Default outputs (report.json + report.html: the whole report is held in memory), then
# --format json (report.json only: pages streamed to disk while crawling).
read -r a_pages a_secs < <(run_scan scan "$pages")
a_rss=$(rss_mib "$work/scan.time")
read -r s_pages s_secs < <(run_scan scan-small "$small")
s_rss=$(rss_mib "$work/scan-small.time")
read -r j_pages j_secs < <(run_scan scan-json "$pages" --format json)
j_rss=$(rss_mib "$work/scan-json.time")
read -r js_pages js_secs < <(run_scan scan-json-small "$small" --format json)
js_rss=$(rss_mib "$work/scan-json-small.time")

# (b) verifica check of the same pages from disk.
t0=$(now)
set +e
"$bin" check "$work/site" --format json -o /dev/null >/dev/null 2>&1
rc=$?
set -e
t1=$(now)
[ $rc -le 1 ] || { echo "verifica check failed ($rc)" >&2; exit 1; }
b_pages=$(find "$work/site" -name '*.html' | wc -l)
b_secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')

# (c) linkchecker, 4 threads. Its default politeness (at most 10 requests/s to a host, about a
# third of that on average) is lifted for the main figure; (c0) measures the default for
# LINKCHECKER_DEFAULT_SECS seconds (pages/s from nginx's log).
c_pages=0 c_secs=1 c0_pages=0 c0_secs=1
if [ "${SKIP_LINKCHECKER:-0}" != 1 ]; then
  printf '[checking]\nmaxrequestspersecond=100000\n' >"$work/linkcheckerrc"
  log="$work/nginx/logs/linkchecker.log"
  : >"$log"
  start_nginx "$log"
  t0=$(now)
  linkchecker -f "$work/linkcheckerrc" --threads 4 --no-status --output none --timeout 30 \
    "http://127.0.0.1:$port/" >/dev/null 2>&1 || true
  t1=$(now)
  stop_nginx
  c_pages=$(pages_in_log "$log")
  c_secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
  log="$work/nginx/logs/linkchecker-default.log"
  : >"$log"
  start_nginx "$log"
  t0=$(now)
  timeout "${LINKCHECKER_DEFAULT_SECS:-60}" linkchecker --threads 4 --no-status --output none \
    --timeout 30 "http://127.0.0.1:$port/" >/dev/null 2>&1 || true
  t1=$(now)
  stop_nginx
  c0_pages=$(pages_in_log "$log")
  c0_secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
fi

# (d) wget2, 4 threads, download only.
log="$work/nginx/logs/wget2.log"
: >"$log"
start_nginx "$log"
rm -rf "$work/wget2"
t0=$(now)
wget2 --recursive --level=inf --max-threads=4 --no-parent --quiet --directory-prefix="$work/wget2" \
  "http://127.0.0.1:$port/" >/dev/null 2>&1 || true
t1=$(now)
stop_nginx
d_pages=$(pages_in_log "$log")
d_secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')

a_rate=$(rate "$a_pages" "$a_secs")
j_rate=$(rate "$j_pages" "$j_secs")
b_rate=$(rate "$b_pages" "$b_secs")
c_rate=$(rate "$c_pages" "$c_secs")
c0_rate=$(rate "$c0_pages" "$c0_secs")
d_rate=$(rate "$d_pages" "$d_secs")
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { if (y > 0) printf "%.2f", x / y; else print "n/a" }'; }
printf '\nCrawl benchmark: %d pages (~10 KB each), nginx on 127.0.0.1, %s cores\n\n' "$pages" "$(nproc)"
printf '%-44s %8s %9s %9s\n' "tool" "pages" "seconds" "pages/s"
printf '%-44s %8d %9.1f %9s\n' "(a) verifica scan (c4, per-host 4, delay 0)" "$a_pages" "$a_secs" "$a_rate"
printf '%-44s %8d %9.1f %9s\n' "(a') verifica scan ... --format json" "$j_pages" "$j_secs" "$j_rate"
printf '%-44s %8d %9.1f %9s\n' "(b) verifica check (from disk)" "$b_pages" "$b_secs" "$b_rate"
printf '%-44s %8d %9.1f %9s\n' "(c) linkchecker --threads 4 (unthrottled)" "$c_pages" "$c_secs" "$c_rate"
printf '%-44s %8d %9.1f %9s\n' "(c0) linkchecker --threads 4 (its defaults)" "$c0_pages" "$c0_secs" "$c0_rate"
printf '%-44s %8d %9.1f %9s\n' "(d) wget2 --recursive --max-threads=4" "$d_pages" "$d_secs" "$d_rate"
printf '\nratios: a/b %s (target >= 0.7)   a/c %s (target >= 20)   a/d %s\n' \
  "$(ratio "$a_rate" "$b_rate")" "$(ratio "$a_rate" "$c_rate")" "$(ratio "$a_rate" "$d_rate")"
printf 'a/c0 %s (linkchecker with its default rate limit)\n' "$(ratio "$a_rate" "$c0_rate")"
printf "ratios with --format json: a'/b %s   a'/c %s   a'/d %s\n" \
  "$(ratio "$j_rate" "$b_rate")" "$(ratio "$j_rate" "$c_rate")" "$(ratio "$j_rate" "$d_rate")"
printf 'verifica scan peak RSS (target < 256 MiB, not proportional to pages):\n'
printf '  default outputs:  %s MiB for %d pages, %s MiB for %d pages\n' \
  "$a_rss" "$a_pages" "$s_rss" "$s_pages"
printf '  --format json:    %s MiB for %d pages, %s MiB for %d pages\n' \
  "$j_rss" "$j_pages" "$js_rss" "$js_pages"
