#!/usr/bin/env bash
# Fails on a high or critical advisory in what the app ships (dependencies, not devDependencies).
# Where the registry does not serve the audit endpoint (this workplace's mirror answers 405),
# it says so and does not fail: there is nothing to judge.
set -uo pipefail
out=$(npm audit --omit=dev --audit-level=high 2>&1)
status=$?
echo "$out" | grep -v '^npm warn' | tail -20
if [ $status -ne 0 ] && echo "$out" | grep -q 'audit endpoint returned an error'; then
  echo "npm audit: the registry's audit endpoint is unavailable here; not checked."
  exit 0
fi
exit $status
