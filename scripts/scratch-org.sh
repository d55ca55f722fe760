#!/usr/bin/env bash
# A Baton scratch org from nothing: create, deploy, assign the permission sets, seed the demo
# book and run the Apex tests. Needs the sf CLI and a Dev Hub (sf org login web
# --set-default-dev-hub --alias devhub). Usage: scripts/scratch-org.sh [alias] [dev-hub]
set -euo pipefail
cd "$(dirname "$0")/.."
ALIAS="${1:-baton}"
DEV_HUB="${2:-devhub}"

sf org create scratch --definition-file config/project-scratch-def.json --alias "$ALIAS" \
  --target-dev-hub "$DEV_HUB" --duration-days 7 --set-default --wait 15
sf project deploy start --target-org "$ALIAS" --wait 30
# The admin who runs the seed, imports and health recompute; sellers and account managers get
# Baton_Seller / Baton_Account_Manager with --on-behalf-of <username>.
sf org assign permset --name Baton_Admin --target-org "$ALIAS"
# Upserts by external id: safe to run again on the same org.
node bin/baton.js org seed --target-org "$ALIAS"
sf apex run test --target-org "$ALIAS" --test-level RunLocalTests --code-coverage \
  --result-format human --wait 30
