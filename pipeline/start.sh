#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build everything (site, search index,
# PDFs) and serve it on http://${HOST:-127.0.0.1}:${PORT:-4321}${BASE_PATH:-/} (pipeline/serve.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash pipeline/setup.sh
npm run build
exec npm run preview
