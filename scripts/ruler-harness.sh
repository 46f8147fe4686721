#!/usr/bin/env bash
# Builds the harness around AWS's event-pattern engine (event-ruler) that the
# conformance suite (test/conformance) uses as its oracle:
# test/conformance/ruler/target/ruler-harness.jar (target/ is ignored by git).
# Needs Java 17+ and Maven. The first build downloads event-ruler and the
# Maven plugins into the local Maven repository; later builds run offline.
# A missing Java or Maven fails under CI=true and is a notice otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=test/conformance/ruler
jar="$dir/target/ruler-harness.jar"

missing() {
  echo "ruler-harness: $1" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "ruler-harness: the conformance suite will not run until it is installed" >&2
  exit 0
}

command -v java >/dev/null 2>&1 || missing "java not found (Java 17 or later is needed)"
command -v mvn >/dev/null 2>&1 || missing "mvn not found (Apache Maven is needed)"
version="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[ "${version%%.*}" -ge 17 ] 2>/dev/null || missing "Java ${version:-of unknown version} found; 17 or later is needed"

if [ -f "$jar" ] && [ "$jar" -nt "$dir/pom.xml" ] && [ -z "$(find "$dir/src" -newer "$jar" -print -quit)" ]; then
  echo "ruler-harness: up to date ($jar)"
  exit 0
fi
mvn -q -o -f "$dir/pom.xml" package >/dev/null 2>&1 || mvn -q -f "$dir/pom.xml" package
echo "ruler-harness: built $jar"
