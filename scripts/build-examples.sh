#!/usr/bin/env bash
# Installs MynaSim's artifacts (and its BOM) into the local Maven repository, then builds and tests both
# examples offline against them, as another project's CI would; then runs the QA example's
# MynaSim-steps-only feature with `./mynasim check`. Extra arguments go to every mvn call, e.g.
#   scripts/build-examples.sh -Dmaven.repo.local=/tmp/m2     (a private repository instead of ~/.m2)
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B "$@" install -DskipTests
for example in examples/reader-integration examples/qa-repository; do
  echo "examples: building and testing $example offline against the installed artifacts"
  mvn -B -o "$@" -f "$example/pom.xml" verify
done
# A QA repository without custom steps needs no build at all: the CLI runs its features.
./mynasim check examples/qa-repository/src/test/resources/features/pin_guidance.feature
