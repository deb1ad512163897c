#!/usr/bin/env bash
# Shared set-up for the two README commands: installs the Debian 12 packages Crosswalk
# needs (only those missing), then configures and builds in ./build (Release).
# Usage: scripts/setup.sh [extra cmake -D options]
set -euo pipefail
cd "$(dirname "$0")/.."

# clang and libclang-rt-14-dev: the sanitizer build and the libFuzzer target in scripts/test.sh.
packages=(qt6-base-dev qt6-svg-dev libsqlite3-dev nlohmann-json3-dev catch2 libbenchmark-dev
          cmake ninja-build g++ xvfb xauth poppler-utils fonts-dejavu-core sqlite3
          clang libclang-rt-14-dev)
packages+=(libpugixml-dev zlib1g-dev)  # issue 18: XML parser and zlib for the BPMN and draw.io importers
packages+=(libcsv-dev)  # issue 18: libcsv, the CSV reader and writer for step tables
packages+=(fonts-noto-core fonts-noto-cjk fonts-dejavu-extra)  # issue 20: fonts every export asks for by name (Arabic, Chinese, italics), so PDFs match across machines
packages+=(postgresql libpq-dev)  # issue 16: the network library's client (libpq) and a throwaway server for its tests
packages+=(wordnet-base)  # issue 15: WordNet 3.0 database files (/usr/share/wordnet) for comparison: synonyms, derivations, lemmas
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build build --parallel "$(nproc)"
