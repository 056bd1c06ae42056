#!/usr/bin/env bash
# Installs code-server (VS Code for the browser, from the npm registry; it runs offline) into a cache
# folder outside the repository, for the e2e test (test/e2e/run.mjs). Idempotent: a finished install
# is marked with a .ready file and reused. Needs Debian's ripgrep and libkrb5-dev (see .ci/run) and
# a C++ tool chain for the native addons (python3, make, g++ come with the machine).
#
#   CLAUSEWISE_E2E_CACHE   cache folder (default ~/.cache/clausewise-e2e)
#   CODE_SERVER_VERSION    default 4.100.3 (VS Code 1.100, Node 20)
set -euo pipefail
VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE="${CLAUSEWISE_E2E_CACHE:-$HOME/.cache/clausewise-e2e}"
DIR="$CACHE/code-server-$VERSION"
if [ -f "$DIR/.ready" ]; then
  echo "code-server $VERSION: cached in $DIR"
  exit 0
fi
command -v rg >/dev/null || { echo "ripgrep (rg) is required: apt-get install -y ripgrep" >&2; exit 1; }
echo "code-server $VERSION: installing into $DIR (a few minutes, once per machine)"
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error

# node-pty's install script runs `npx node-gyp`: let npx fetch it from the npm registry unasked.
export npm_config_yes=true

# Native addons (node-pty, argon2, kerberos) compile against Node's headers. node-gyp downloads them
# from nodejs.org unless told where they are; that site is not reachable here, and a user's ~/.npmrc
# may not say. Use the headers installed with this Node (Debian's nodejs ships /usr/include/node).
if [ -z "${npm_config_nodedir:-}" ]; then
  prefix="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
  if [ -f "$prefix/include/node/node_api.h" ]; then
    export npm_config_nodedir="$prefix"
  else
    echo "Node's headers are not in $prefix/include/node: node-gyp will try to download them (set npm_config_nodedir)" >&2
  fi
fi

echo '{"private":true}' > package.json
npm install --ignore-scripts "code-server@$VERSION" >/dev/null
CS="$DIR/node_modules/code-server"

cd "$CS/lib/vscode"
npm install --omit=dev --ignore-scripts >/dev/null
# @vscode/ripgrep would download rg; use Debian's.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild >/dev/null
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --omit=dev >/dev/null)

cd "$DIR"
npm rebuild argon2 >/dev/null
# Fails here, not in the test, when something above went wrong.
XDG_CONFIG_HOME="$DIR/.config" XDG_DATA_HOME="$DIR/.data" node "$CS/out/node/entry.js" --version >/dev/null

touch "$DIR/.ready"
echo "code-server $VERSION: ready"
