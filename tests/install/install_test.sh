#!/usr/bin/env bash
# Installs the build into a temporary prefix, builds examples/hello-connector out of tree against
# it with find_package(hamhub), drops the plugin into the installed plugin directory and checks that
# the installed hamhub lists and describes it.
set -euo pipefail
build=$1 src=$2
work=$(mktemp -d /tmp/hamhub-install-XXXXXX)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/hamhub"
test -f "$prefix/include/hamhub/plugin.h"
test -f "$prefix/lib/cmake/hamhub/hamhubConfig.cmake"
test -f "$prefix/etc/hamhub/hamhub.json"

cmake -S "$src/examples/hello-connector" -B "$work/hello" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/hello" >/dev/null
test -f "$work/hello/hamhub-hello.so"

# The installed configuration, with the store kept inside the temporary prefix.
sed -e 's#"store": "[^"]*"#"store": "sqlite:'"$work"'/hub.db"#' "$prefix/etc/hamhub/hamhub.json" > "$work/hamhub.json"
cp -r "$prefix/etc/hamhub/sources.d" "$prefix/etc/hamhub/regions" "$work/"

if "$prefix/bin/hamhub" --config "$work/hamhub.json" plugins --format json | grep -q '"name": "hello"'; then
  echo "hello is listed before its file was installed" >&2; exit 1
fi
mkdir -p "$prefix/lib/hamhub/plugins"
cp "$work/hello/hamhub-hello.so" "$prefix/lib/hamhub/plugins/"
out=$("$prefix/bin/hamhub" --config "$work/hamhub.json" plugins --format json)
echo "$out" | grep -q '"name": "hello"' || { echo "installed hamhub does not list hello:" >&2; echo "$out" >&2; exit 1; }
"$prefix/bin/hamhub" --config "$work/hamhub.json" plugins --describe hello | grep -q "key_field"
echo "install test: out-of-tree hello-connector built against $prefix and listed by the installed hamhub"
