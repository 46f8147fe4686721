#!/usr/bin/env bash
# Finds (or installs) moto's S3-compatible server, which the S3 audit store's
# tests run against, and prints the path of its `moto_server` command as the
# LAST line of stdout:
#
#   MOTO_SERVER="$(bash scripts/moto-server.sh | tail -1)"
#
# Where it comes from, in order:
#   1. $MOTO_SERVER, if set: the path of a `moto_server` command of the pinned
#      version. No fallback.
#   2. The cache ${XDG_CACHE_HOME:-$HOME/.cache}/genesys-eventbridge/moto-<version>,
#      a Python virtual environment holding moto[server]==<version>.
#   3. Otherwise that virtual environment is created with `python3 -m venv` and
#      filled with pip from PyPI.
#
# The version is pinned because the tests rely on its conditional writes:
# moto 5.2.5 answers a second `If-None-Match: *` PutObject of one key with
# 412 PreconditionFailed.
#
# Progress goes to stderr. Exit status: 0 ready, 1 not possible (with advice).
set -euo pipefail

version="5.2.5"
say() { printf 'moto-server: %s\n' "$*" >&2; }
fail() { printf 'moto-server: error: %s\n' "$*" >&2; exit 1; }

version_of() { # <python> -> the moto version it imports
  "$1" -c 'import importlib.metadata as m; print(m.version("moto"))' 2>/dev/null
}

if [[ -n "${MOTO_SERVER:-}" ]]; then
  [[ -x "$MOTO_SERVER" ]] || fail "MOTO_SERVER=$MOTO_SERVER is not an executable"
  python="$(dirname "$MOTO_SERVER")/python"
  if [[ -x "$python" ]]; then
    got="$(version_of "$python")" || got="?"
    [[ "$got" == "$version" ]] || fail "MOTO_SERVER: $MOTO_SERVER runs moto $got, the tests need $version"
  fi
  echo "$MOTO_SERVER"
  exit 0
fi

venv="${XDG_CACHE_HOME:-$HOME/.cache}/genesys-eventbridge/moto-$version"
ready() { [[ -x "$venv/bin/moto_server" ]] && [[ "$(version_of "$venv/bin/python")" == "$version" ]]; }

if ! ready; then
  mkdir -p "$(dirname "$venv")"
  # One install at a time (parallel test workers may call this).
  exec 9>"$venv.lock"
  command -v flock >/dev/null 2>&1 && flock 9
  if ! ready; then
    command -v python3 >/dev/null 2>&1 || fail "python3 is not installed; install Python 3.9+ (apt-get install python3 python3-venv) or set MOTO_SERVER"
    say "installing moto[server]==$version into $venv…"
    rm -rf "$venv"
    python3 -m venv "$venv" ||
      fail "python3 -m venv failed; install the venv module (apt-get install python3-venv) or set MOTO_SERVER"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$version" >&2 ||
      fail "pip could not install moto[server]==$version from PyPI"
    ready || fail "moto_server $version is not in $venv after the install"
    say "installed into $venv"
  fi
fi
echo "$venv/bin/moto_server"
