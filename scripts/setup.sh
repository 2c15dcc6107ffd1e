#!/usr/bin/env bash
# Install everything vnreport needs on a fresh Debian machine: the system programs
# (LibreOffice for .doc, Tesseract + Vietnamese model for scans, Chromium for the
# compare page test) and a virtual environment in .venv with the package and its
# test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-liberation2: Liberation Serif/Sans are metric-compatible with Times New Roman and
# Arial, the fonts Vietnamese DOCX files are set in. Without them LibreOffice lays the
# test fixtures out in the wider DejaVu faces, so a table printed from a DOCX breaks
# to the next page a row early and the OCR table tests see 15 rows instead of 16
# (LibreOffice's own Recommends, skipped by --no-install-recommends).
APT_PACKAGES=(libreoffice-writer-nogui tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core fonts-liberation2 chromium)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
log=$(mktemp)
# pip's output only matters when it fails: keep it out of the way otherwise.
if ! { .venv/bin/python -m pip install -q --upgrade pip && .venv/bin/python -m pip install -q -e ".[test]"; } >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
rm -f "$log"
echo "vnreport installed in .venv"
