#!/usr/bin/env bash
# Installs whatever is missing on a fresh Debian machine: the system packages the build and
# tests need (Chromium for diagrams, PDFs and e2e tests; CJK fonts; poppler-utils to check
# PDFs; nginx, whose binary the tests and the benchmark run on README's nginx example;
# LibreOffice Writer, headless, to open the Word files as an office suite does), then
# the exact npm dependency tree from package-lock.json. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-noto-cjk poppler-utils nginx libreoffice-writer-nogui)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Debian starts nginx as a system service on port 80 when it installs it. Only its binary is
    # wanted here (the tests start their own on a free port), so a service we just installed is
    # stopped and disabled again; an nginx that was already installed is left as it was.
    if [[ " ${missing[*]} " == *" nginx "* ]] && [ -d /run/systemd/system ] && systemctl is-enabled --quiet nginx 2>/dev/null; then
      echo "setup: disabling the nginx system service that apt-get just started (only the binary is used)"
      systemctl disable --now --quiet nginx 2>/dev/null || true
    fi
  else
    echo "setup: missing system packages: ${missing[*]}" >&2
    echo "setup: run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# npm ci only when the installed tree does not match the lockfile.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ ! -x node_modules/.bin/node ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --strict-allow-scripts
fi
