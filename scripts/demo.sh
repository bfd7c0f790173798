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
echo "Informes HTML / HTML reports (open in a browser):"
printf '  %-22s file://%s/index.html\n' "(campaign index)" "$abs_out"
for dir in "$abs_out"/*/; do
  if [ -f "${dir}report.html" ]; then
    printf '  %-22s file://%sreport.html\n' "$(basename "$dir")" "$dir"
  fi
done
exit 0
