#!/usr/bin/env bash
# Install everything the TAM Workbench end-to-end tests need:
#   - Debian packages: chromium (browser driven by playwright-core), ripgrep, libkrb5-dev
#   - code-server 4.100.3 (VS Code 1.100.3, newest that runs on Node 20) into a cache dir
# Idempotent: a marker file in the cache dir records a completed install; rerunning is a no-op.
# Usage: scripts/setup-code-server.sh [--force]
# Env:   TAM_E2E_CACHE  cache dir (default: $HOME/.cache/tam-e2e)
# See /work/main/test/e2e/README.md.
set -euo pipefail

CS_VERSION="4.100.3"
CACHE="${TAM_E2E_CACHE:-$HOME/.cache/tam-e2e}"
DIR="$CACHE/code-server-$CS_VERSION"
MARKER="$DIR/.tam-e2e-complete"
ENTRY="$DIR/node_modules/code-server/out/node/entry.js"
START=$SECONDS

log() { printf '[setup-code-server] %s\n' "$*"; }
elapsed() { log "done in $((SECONDS - START)) s"; }

if [[ "${1:-}" == "--force" ]]; then
  rm -f "$MARKER"
fi

if [[ -f "$MARKER" && -f "$ENTRY" ]]; then
  log "already installed: $DIR ($(cat "$MARKER"))"
  elapsed
  exit 0
fi

# ---- 1. Debian packages -----------------------------------------------------------------
# libkrb5-dev is only needed to build the kerberos native module (krb5-config).
if [[ -x /usr/bin/chromium ]] && command -v rg >/dev/null && command -v krb5-config >/dev/null; then
  log "apt: chromium, rg and krb5-config present, skipping"
else
  log "apt: installing libkrb5-dev ripgrep chromium"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq libkrb5-dev ripgrep chromium >/dev/null
fi
RG="$(command -v rg)"

# ---- 2. code-server without install scripts -------------------------------------------
mkdir -p "$DIR"
log "npm: code-server@$CS_VERSION -> $DIR"
npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error \
  "code-server@$CS_VERSION" --ignore-scripts

# ---- 3. VS Code's own dependencies, native modules ---------------------------------------
VSCODE="$DIR/node_modules/code-server/lib/vscode"
cd "$VSCODE"
log "npm: lib/vscode dependencies"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
log "npm: rebuilding native modules"
# npm_config_yes lets node-pty's install script run its own npx step without prompting.
npm_config_yes=true npm rebuild --loglevel=error \
  kerberos node-pty @parcel/watcher @vscode/deviceid @vscode/spdlog native-watchdog
# @vscode/ripgrep would download rg from GitHub: use Debian's.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$RG" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

# ---- 4. code-server's own native module -------------------------------------------------
cd "$DIR"
log "npm: rebuilding argon2"
npm_config_yes=true npm rebuild --loglevel=error argon2

# ---- 5. check ---------------------------------------------------------------------------
# Keep code-server from writing ~/.config/code-server/config.yaml: point XDG dirs into the cache.
VERSION_OUT="$(XDG_CONFIG_HOME="$DIR/.xdg-config" XDG_DATA_HOME="$DIR/.xdg-data" \
  node "$ENTRY" --version 2>&1 | grep -E '^[0-9]+\.[0-9]+\.[0-9]+' | head -n 1 || true)"
log "code-server --version: $VERSION_OUT"
if [[ "$VERSION_OUT" != "$CS_VERSION"* ]]; then
  log "ERROR: expected version $CS_VERSION"
  exit 1
fi
printf '%s installed %s\n' "$VERSION_OUT" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$MARKER"
log "installed: $ENTRY"
elapsed
