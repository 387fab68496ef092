#!/usr/bin/env bash
# The test command: formatting, lint, types, then every test against the real services.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/local-services.sh
npx prettier --check . --log-level warn
npx eslint . --max-warnings 0
npx tsc --noEmit
npx vitest run "$@"
