#!/usr/bin/env bash
# Installs what Corroborate's "real VS Code" test layers (test/e2e/) need, without GitHub or the VS Code CDN:
#   - Debian packages: chromium (drives the web workbench), ripgrep (VS Code's search), libkrb5-dev (to build
#     code-server's 'kerberos' native module);
#   - code-server 4.100.3 (= VS Code 1.100.3: the VS Code server and web workbench) from npm, into DEST.
#
# Usage: bash scripts/install-code-server.sh [DEST]        DEST defaults to <repo>/.vscode-offline (git-ignored)
#
# Idempotent: does nothing when DEST already holds this code-server version and the Debian packages are present.
# A fresh install takes about 3-4 minutes on 2 cores (apt ~1 min, npm install with native builds ~1.5-2 min).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEST=${1:-"$REPO_ROOT/.vscode-offline"}
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)

# code-server 4.100.3 is the newest release whose engines.node is 20 (4.103/4.104 want 22, 4.139 wants 24),
# and its postinstall refuses any other Node major.
CODE_SERVER_VERSION=4.100.3
# @vscode/ripgrep as pinned by code-server 4.100.3's lib/vscode, and the release asset its postinstall fetches
# from GitHub (unreachable here). download.js looks for that file in $TMPDIR/vscode-ripgrep-cache-<version>/ first.
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

say() { printf '[install-code-server] %s\n' "$*"; }
CS_BIN="$DEST/node_modules/.bin/code-server"

# code-server writes config.yaml/logs under XDG dirs even for --version: keep them inside DEST.
cs_version() {
  XDG_CONFIG_HOME="$DEST/.state/config" XDG_DATA_HOME="$DEST/.state/data" XDG_CACHE_HOME="$DEST/.state/cache" \
    "$CS_BIN" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -n 1 || true
}

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != 20 ]; then
  say "code-server $CODE_SERVER_VERSION needs Node 20; this is Node $(node -v)." >&2
  exit 1
fi

# 1. Debian packages (python3, make and g++ for node-gyp are expected to be on the machine already).
missing=()
for pkg in chromium ripgrep libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=
  [ "$(id -u)" = 0 ] || SUDO=sudo
  say "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
else
  say "Debian packages present: chromium ripgrep libkrb5-dev"
fi

if [ -x "$CS_BIN" ] && cs_version | grep -q "^$CODE_SERVER_VERSION "; then
  say "code-server $CODE_SERVER_VERSION already installed in $DEST"
  exit 0
fi

# 2. A private TMPDIR for the install, with @vscode/ripgrep's download cache pre-seeded from Debian's rg.
WORK_TMP=$(mktemp -d "${TMPDIR:-/tmp}/corroborate-cs-install.XXXXXX")
trap 'rm -rf "$WORK_TMP"' EXIT
export TMPDIR="$WORK_TMP"
mkdir -p "$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
tar -czf "$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION/$RIPGREP_ASSET" -C "$(dirname "$(command -v rg)")" rg

# 3. code-server into DEST/node_modules, as a LOCAL install: 'npm install -g' with npm 11 breaks code-server's
#    nested 'npm install' in lib/vscode (ENOENT "Cannot cd into ...").
#    --unsafe-perm: code-server's postinstall.sh exits when run as root without it (npm 11 warns that the flag is
#    unknown but still passes it on).
#    npm_config_yes=true: node-pty's post-install runs 'npx node-gyp', and a 'yes=false' npmrc makes npx cancel.
cd "$DEST"
[ -f package.json ] || printf '{\n  "name": "corroborate-vscode-offline",\n  "private": true\n}\n' > package.json
say "npm install code-server@$CODE_SERVER_VERSION into $DEST (builds native modules; takes a few minutes)"
npm_config_yes=true npm install --no-audit --no-fund --loglevel=error --unsafe-perm \
  "code-server@$CODE_SERVER_VERSION"

v=$(cs_version)
case "$v" in
  "$CODE_SERVER_VERSION "*) say "installed: code-server $v" ;;
  *) say "code-server did not install correctly (--version said: '$v')" >&2; exit 1 ;;
esac
