#!/usr/bin/env bash
# Static checks of deployment/ with the tools production uses (Debian's docker-compose and caddy):
#   every compose file passes `docker-compose config` (with env.example as its .env), and the
#   Caddyfile passes `caddy validate` alone (production) and with the web app site (dev/staging).
# Run by tests/e2e DeploymentFilesTest (so by `./hub test`), or by hand: deployment/check.sh
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r . "$work/deployment"
failed=0

# the compose checks run side by side: docker-compose takes seconds just to start
i=0
while IFS= read -r compose; do
  dir="$work/deployment/$(dirname "$compose")"
  cp env.example "$dir/.env"
  i=$((i + 1))
  ( if out=$(cd "$dir" && docker-compose config -q 2>&1); then echo "ok   docker-compose config $compose"
    else echo "FAIL docker-compose config $compose: $out"; fi ) > "$work/compose-$i.out" &
done < <(find . -name docker-compose.yml | sort)
wait
cat "$work"/compose-*.out
if grep -q '^FAIL' "$work"/compose-*.out; then failed=1; fi
[ "$i" -eq 6 ] || { echo "FAIL expected 6 compose files, found $i"; failed=1; }

export HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" CADDY_ADMIN=off
validate() { # label, directory holding Caddyfile
  if out=$(cd "$2" && caddy validate --config Caddyfile --adapter caddyfile 2>&1); then
    echo "ok   caddy validate ($1)"
  else
    echo "FAIL caddy validate ($1): $(echo "$out" | tail -n 3)"
    failed=1
  fi
}
validate "production: api and compute sites" "$work/deployment"
mkdir -p "$work/deployment/sites-enabled"
cp caddy/webapp.caddy "$work/deployment/sites-enabled/"
validate "dev/staging: with the web app site" "$work/deployment"
exit $failed
