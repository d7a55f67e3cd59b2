#!/usr/bin/env bash
# Builds ai-policy-claims-<version>.vsix offline: a production bundle, then vsce (from the tools
# cache, on Node 24 because vsce needs Node >= 22) with --no-dependencies, since esbuild has
# already bundled every runtime dependency into dist/. What goes in is .vscodeignore's allow-list.
# Usage: bash test/e2e/package.sh [OUT_DIR]   (default: the repo root). Prints the .vsix path last.
set -euo pipefail

cd "$(dirname "$0")/../.."
TOOLS="${AIPC_TOOLS:-$HOME/.cache/ai-policy-claims-tools}"
NODE24="$TOOLS/node24/bin/node"
VSCE="$TOOLS/vsce/node_modules/@vscode/vsce/vsce"
OUT_DIR="${1:-$PWD}"

[[ -x "$NODE24" && -f "$VSCE" ]] || { echo "package: Node 24 or vsce missing: run bash test/e2e/tools.sh" >&2; exit 1; }

name=$(node -p "require('./package.json').name")
version=$(node -p "require('./package.json').version")
vsix="$OUT_DIR/$name-$version.vsix"
mkdir -p "$OUT_DIR"

echo "package: production build"
node esbuild.mjs --production

# The manifest has no repository field, which makes vsce ask y/N on stdin: answer it with a flag.
# LICENSE ships in the repo, so vsce's licence check passes without --skip-license.
[[ -f LICENSE ]] || { echo "package: LICENSE is missing" >&2; exit 1; }
# The README's pictures ship inside the .vsix (docs/images, see .vscodeignore), so its relative
# links work as they are: without a repository there is nothing to rewrite them to.
flags=(--no-dependencies --allow-missing-repository --no-rewrite-relative-links --out "$vsix")

echo "package: vsce package ${flags[*]}"
PATH="$(dirname "$NODE24"):$PATH" "$NODE24" "$VSCE" package "${flags[@]}" </dev/null

echo "package: contents"
PATH="$(dirname "$NODE24"):$PATH" "$NODE24" "$VSCE" ls --no-dependencies </dev/null | sed 's/^/  /'
echo "$vsix"
