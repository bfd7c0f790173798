#!/usr/bin/env bash
# The main job of `make run`: scans the bundled demo campaign (five fictional portals crawled from
# disk, fixtures/demo/) into OUT, prints the summary table and where the reports are, ending with
# the HTML ones to open: OUT/index.html and OUT/<id>/report.html.
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
# Where to look: the campaign index and each entity's HTML report.
abs_out=$(cd "$out" && pwd)
echo
echo "Open the HTML reports in a browser:"
echo "  campaign index:  file://$abs_out/index.html"
for dir in "$abs_out"/*/; do
  [ -f "$dir/report.html" ] && echo "  $(basename "$dir"):  file://${dir}report.html"
done
exit 0
