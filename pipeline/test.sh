#!/usr/bin/env bash
# Quick start, command 2: every test. Installs what is missing, type-checks, builds the site
# from scratch (the e2e and PDF tests run against that build), then runs unit, e2e and PDF tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1
bash pipeline/setup.sh
npm run --silent check
npm run --silent build
npm run --silent test:unit
npm run --silent test:e2e
