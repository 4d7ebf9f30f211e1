#!/usr/bin/env bash
# Refreshes docs/images/console.png, the README's picture of `serve --console`: runs the browser test
# that drives the console in headless Chromium (it writes harness/cli/target/console/console.png; tests
# never write tracked files), then copies that fresh screenshot into docs/images/.
#
# Needs what the test needs: pcscd with vpcd running (scripts/start-pcscd.sh), chromium and
# chromium-driver, and vpcd slot 0 free. Usage: scripts/console-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SHOT=harness/cli/target/console/console.png
rm -f "$SHOT"
# Required, so that a missing pcscd or browser fails here instead of skipping the test.
MYNASIM_REQUIRE_PCSC=1 mvn -B -q verify -pl harness/cli -am -DskipITs \
    -Dtest='ConsoleBrowserTest#aScreenshotOfTheConsoleIsWritten' -Dsurefire.failIfNoSpecifiedTests=false
[ -s "$SHOT" ] || { echo "console-screenshot: the test wrote no $SHOT" >&2; exit 1; }
mkdir -p docs/images
cp "$SHOT" docs/images/console.png
echo "console-screenshot: docs/images/console.png updated ($(stat -c %s docs/images/console.png) bytes)"
