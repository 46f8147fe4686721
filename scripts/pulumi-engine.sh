#!/usr/bin/env bash
# Finds (or builds) the Pulumi CLI and the Node.js language host this project
# runs its engine tests, demo and benchmark with, and prints their directory as
# the LAST line of stdout:
#
#   PATH="$(bash scripts/pulumi-engine.sh | tail -1):$PATH"
#
# Where the binaries come from, in order:
#   1. $PULUMI_ENGINE_DIR, if set: a directory holding `pulumi` and
#      `pulumi-language-nodejs` (or a root whose bin/ holds them). No fallback.
#   2. The cache ${XDG_CACHE_HOME:-$HOME/.cache}/genesys-eventbridge/pulumi-v<version>/bin,
#      when both binaries are there and `pulumi version` matches.
#   3. Otherwise both are built with Go from scripts/pulumi-engine/ into that cache.
#
# The version is pinned in scripts/pulumi-engine/VERSION; it must match the
# @pulumi/pulumi dependency in package.json and the pkg/v3 requirement in
# scripts/pulumi-engine/go.mod.
#
# Next to the binaries the script writes `pulumi-resource-pulumi-nodejs`, the
# dynamic-provider plugin: a small wrapper that runs the @pulumi/pulumi that the
# program directory resolves (the engine starts it with that directory as cwd).
#
# Progress goes to stderr. Exit status: 0 ready, 1 not possible (with advice).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module_dir="$repo/scripts/pulumi-engine"

say() { printf 'pulumi-engine: %s\n' "$*" >&2; }
fail() { printf 'pulumi-engine: error: %s\n' "$*" >&2; exit 1; }

version="$(tr -d ' \t\r\n' <"$module_dir/VERSION")"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "scripts/pulumi-engine/VERSION must hold a plain version such as 3.248.0 (found '$version')"

# --- the version is pinned in one place; everything else must agree ---------
# The package takes @pulumi/pulumi as a peer dependency (a range); the repository pins one version as a dev dependency.
sdk_spec="$(node -e 'process.stdout.write(String((require(process.argv[1]).devDependencies || {})["@pulumi/pulumi"] || ""))' "$repo/package.json")"
if [[ "$sdk_spec" != "$version" ]]; then
  fail "package.json's devDependencies pin @pulumi/pulumi to '$sdk_spec' but scripts/pulumi-engine/VERSION says '$version'; make them the same exact version"
fi
installed_manifest="$repo/node_modules/@pulumi/pulumi/package.json"
if [[ -f "$installed_manifest" ]]; then
  installed="$(sed -n 's/^[[:space:]]*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$installed_manifest" | head -1)"
  [[ "$installed" == "$version" ]] || fail "node_modules has @pulumi/pulumi $installed but the engine is pinned to $version; run npm ci"
fi
gomod_version="$(sed -n 's/^[[:space:]]*github\.com\/pulumi\/pulumi\/pkg\/v3 v\([^[:space:]]*\).*/\1/p' "$module_dir/go.mod" | head -1)"
if [[ "$gomod_version" != "$version" ]]; then
  fail "scripts/pulumi-engine/go.mod requires pkg/v3 v$gomod_version but VERSION says '$version'; run: cd scripts/pulumi-engine && go get github.com/pulumi/pulumi/pkg/v3@v$version github.com/pulumi/pulumi/sdk/v3@v$version && go mod tidy"
fi

# --- helpers -----------------------------------------------------------------
cli_matches() { # <bin dir>
  [[ -x "$1/pulumi" ]] || return 1
  local got
  got="$("$1/pulumi" version 2>/dev/null | tail -1 | tr -d '[:space:]')" || return 1
  [[ "$got" == "v$version" ]]
}

# A fingerprint of everything the language host is built from, so that a
# changed source rebuilds it (the CLI is pinned by version alone).
langhost_stamp() {
  (cd "$module_dir" && cat VERSION go.mod go.sum cmd/pulumi-language-nodejs/*.go) | cksum | cut -d' ' -f1
}

write_provider_plugin() { # <bin dir>
  local target="$1/pulumi-resource-pulumi-nodejs" tmp
  tmp="$(mktemp "$1/.plugin.XXXXXX")"
  cat >"$tmp" <<'EOF'
#!/bin/sh
# Pulumi dynamic-provider plugin. The engine starts it in the program
# directory; run the @pulumi/pulumi that directory resolves.
script=$(node -e "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))") || {
  echo "pulumi-resource-pulumi-nodejs: @pulumi/pulumi is not resolvable from $(pwd); run npm ci" >&2
  exit 1
}
exec node "$script" "$@"
EOF
  chmod 755 "$tmp"
  if [[ -f "$target" ]] && cmp -s "$tmp" "$target"; then rm -f "$tmp"; else mv -f "$tmp" "$target"; fi
}

go_build() { # <out dir> <packages...>
  local out="$1"; shift
  (cd "$module_dir" && go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
    -o "$out/" "$@")
}

no_go_advice() {
  cat >&2 <<EOF
pulumi-engine: error: $1
  The engine tests need the Pulumi CLI v$version and a Node.js language host.
  Either
    - install Go 1.25 or newer (https://go.dev/dl/, or apt-get install golang-go
      if your distribution ships 1.25+) and run this script again: it builds both
      from Go modules into ${cache_root:-the cache directory}, or
    - point PULUMI_ENGINE_DIR at a directory holding \`pulumi\` (v$version) and
      \`pulumi-language-nodejs\`.
EOF
  exit 1
}

# --- 1. an explicit engine directory ------------------------------------------
if [[ -n "${PULUMI_ENGINE_DIR:-}" ]]; then
  dir="$PULUMI_ENGINE_DIR"
  [[ -x "$dir/bin/pulumi" ]] && dir="$dir/bin"
  dir="$(cd "$dir" 2>/dev/null && pwd)" || fail "PULUMI_ENGINE_DIR=$PULUMI_ENGINE_DIR is not a directory"
  cli_matches "$dir" || fail "PULUMI_ENGINE_DIR: $dir/pulumi is missing or is not v$version"
  [[ -x "$dir/pulumi-language-nodejs" ]] || fail "PULUMI_ENGINE_DIR: $dir/pulumi-language-nodejs is missing"
  [[ -w "$dir" ]] || fail "PULUMI_ENGINE_DIR: $dir is not writable (the dynamic-provider plugin wrapper goes there)"
  write_provider_plugin "$dir"
  echo "$dir"
  exit 0
fi

# --- 2. the cache, 3. or a build into it ---------------------------------------
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/genesys-eventbridge/pulumi-v$version"
bin="$cache_root/bin"
stamp_file="$bin/.pulumi-language-nodejs.stamp"
mkdir -p "$bin"

want_stamp="$(langhost_stamp)"
ready() {
  cli_matches "$bin" && [[ -x "$bin/pulumi-language-nodejs" ]] &&
    [[ "$(cat "$stamp_file" 2>/dev/null)" == "$want_stamp" ]]
}

if ! ready; then
  # One build at a time per cache directory (parallel test workers call this).
  exec 9>"$cache_root/.lock"
  command -v flock >/dev/null 2>&1 && flock 9
  if ! ready; then
    command -v go >/dev/null 2>&1 || no_go_advice "the Pulumi CLI v$version is not in $bin and Go is not installed"
    tmp="$(mktemp -d "$cache_root/.build.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    start=$SECONDS
    if cli_matches "$bin"; then
      say "building the Node.js language host v$version…"
      go_build "$tmp" ./cmd/pulumi-language-nodejs
    else
      say "building the Pulumi CLI v$version from Go modules (first build takes several minutes)…"
      go_build "$tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi ./cmd/pulumi-language-nodejs
      mv -f "$tmp/pulumi" "$bin/pulumi"
    fi
    mv -f "$tmp/pulumi-language-nodejs" "$bin/pulumi-language-nodejs"
    echo "$want_stamp" >"$stamp_file"
    cli_matches "$bin" || fail "the freshly built $bin/pulumi does not report v$version"
    say "built in $((SECONDS - start))s into $bin"
  fi
fi

write_provider_plugin "$bin"
echo "$bin"
