#!/usr/bin/env bash
# The main job of `make run`: checks the bundled demo portal pages and prints the summary.
set -euo pipefail
bin=${1:?usage: demo.sh VERIFICA_BINARY OUT_DIR}
out=${2:-out}
mkdir -p "$out"
set +e
"$bin" check fixtures/demo --format json -o "$out/check.json"
"$bin" check fixtures/demo
rc=$?
set -e
echo
echo "JSON report: $out/check.json"
# Exit 1 only means "failures found", which is the point of a demo.
[ $rc -le 1 ] || exit $rc
