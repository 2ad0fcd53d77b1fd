#!/usr/bin/env bash
# Checks OpenAPI descriptions with tools nobody here wrote, as a client's developer would:
#   - openapi-spec-validator (PyPI): the description is valid OpenAPI (3.1: its JSON Schema);
#   - Redocly's CLI `lint` with its recommended rules, every example checked against its
#     schema as an error (scripts/redocly.yaml);
#   - info.version is a PEP 440 version, so that a Python client generated from the description
#     (openapi-python-client uses it as the package's version) can be installed.
# The tools are pinned and installed once, from PyPI and npm, under $SAISINE_OPENAPI_TOOLS
# (default ~/.cache/saisine/openapi-tools-<versions>): a Python venv and an npm prefix, about
# 60 MB and ten seconds. Exits non-zero on any problem, with the tools' own output.
# Usage: scripts/openapi-check.sh DESCRIPTION.json...   (ApiDescriptionToolsIntegrationTests)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VALIDATOR_VERSION="0.9.0"
PACKAGING_VERSION="26.4"
REDOCLY_VERSION="2.77.0"
TOOLS="${SAISINE_OPENAPI_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/saisine/openapi-tools-$VALIDATOR_VERSION-$REDOCLY_VERSION}"

say() { printf '%s\n' "$*"; }
die() { printf 'openapi-check: %s\n' "$*" >&2; exit 2; }

[ "$#" -gt 0 ] || die "usage: scripts/openapi-check.sh DESCRIPTION.json..."
exec 2>&1

install_tools() {
    command -v python3 > /dev/null || die "python3 is missing: it runs openapi-spec-validator (apt-get install python3 python3-venv)"
    if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
        die "node and npm are missing: they run Redocly's CLI (apt-get install nodejs npm; node 20.19+ or 22.12+)"
    fi
    say "Installing openapi-spec-validator $VALIDATOR_VERSION (PyPI) and @redocly/cli $REDOCLY_VERSION (npm) into $TOOLS (once)..."
    rm -rf "$TOOLS/venv" "$TOOLS/npm" "$TOOLS/.complete"
    python3 -m venv "$TOOLS/venv" > /dev/null \
        || die "python3 -m venv failed (Debian's python3 needs python3-venv)"
    "$TOOLS/venv/bin/pip" install -q --disable-pip-version-check \
        "openapi-spec-validator==$VALIDATOR_VERSION" "packaging==$PACKAGING_VERSION" \
        || die "could not install openapi-spec-validator $VALIDATOR_VERSION from PyPI"
    npm install --prefix "$TOOLS/npm" --no-audit --no-fund --no-update-notifier --loglevel=error \
        "@redocly/cli@$REDOCLY_VERSION" > /dev/null \
        || die "could not install @redocly/cli $REDOCLY_VERSION from npm"
    touch "$TOOLS/.complete"
}

mkdir -p "$TOOLS"
# one install at a time: several test runs (or worktrees) may start at once
exec 9> "$TOOLS.lock"
flock 9
[ -f "$TOOLS/.complete" ] || install_tools
flock -u 9

# no telemetry nor update check: the tools run offline, on files
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

failed=0
for description in "$@"; do
    [ -f "$description" ] || die "no file $description"
    say "== openapi-spec-validator $VALIDATOR_VERSION: $description"
    "$TOOLS/venv/bin/openapi-spec-validator" --subschema-errors all "$description" || failed=1
    say "== info.version is a PEP 440 version: $description"
    "$TOOLS/venv/bin/python" - "$description" <<'PYTHON' || failed=1
import json, sys
from packaging.version import InvalidVersion, Version
version = json.load(open(sys.argv[1], encoding="utf-8")).get("info", {}).get("version")
try:
    print("OK:", Version(str(version)))
except InvalidVersion:
    sys.exit("info.version %r is not a PEP 440 version" % (version,))
PYTHON
done
say "== Redocly CLI $REDOCLY_VERSION lint (recommended, scripts/redocly.yaml): $*"
node "$TOOLS/npm/node_modules/@redocly/cli/bin/cli.js" lint --config "$ROOT/scripts/redocly.yaml" \
    --format codeframe "$@" 2>&1 || failed=1

[ "$failed" -eq 0 ] || { say "openapi-check: FAILED (above)"; exit 1; }
say "openapi-check: all passed"
