#!/usr/bin/env bash
# The main job of `make run`: scans the bundled demo campaign (five fictional portals crawled from
# disk, fixtures/demo/) into OUT, prints the summary table and where the reports are.
set -euo pipefail
bin=${1:?usage: demo.sh VERIFICA_BINARY [OUT_DIR]}
out=${2:-out}
cd "$(dirname "$0")/.."
set +e
"$bin" scan --entities fixtures/demo/entities.csv --out "$out"
rc=$?
set -e
# Exit 1 only means "failures found", which is the point of a demo.
[ $rc -le 1 ] || exit $rc
