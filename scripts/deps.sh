#!/usr/bin/env bash
# Installs the Debian packages verifica needs to build and test, if any are missing.
# As root it runs apt-get; otherwise it prints the one command to run and fails.
set -euo pipefail
want=(g++ cmake make pkg-config ca-certificates
      libgumbo-dev libcurl4-openssl-dev nlohmann-json3-dev libre2-dev libcli11-dev
      libpugixml-dev libgtest-dev libgmock-dev libbenchmark-dev iso-codes zlib1g-dev libbrotli-dev
      libpoppler-cpp-dev libssl-dev ccache)
# Extra packages a caller asks for: `make test` adds chromium and python3-jsonschema (report
# tests: headless rendering, SARIF schema validation); the crawl benchmark adds nginx-light,
# linkchecker and wget2.
want+=("$@")
missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "verifica: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "verifica: missing Debian packages. Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
