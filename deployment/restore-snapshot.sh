#!/usr/bin/env bash
# Restores a database snapshot made by a hub's backup route (hub.backup.*) into a PostgreSQL database.
#
#   deployment/restore-snapshot.sh <snapshot key | latest> <target database URL>
#
#   <snapshot key>  e.g. snapshots/backend/production/pgsql_app_db_20261127-060000.sql.zst, or `latest`
#                   for the newest under snapshots/$SNAPSHOT_SERVICE/$SNAPSHOT_ENVIRONMENT/
#   <target URL>    a libpq URL, e.g. postgresql://postgres@db:5432/app (password from PGPASSWORD)
#
# Environment (the hub's own variables, so it runs as is inside a hub container):
#   HUB_S3_ENDPOINT, HUB_S3_REGION (auto), HUB_S3_ACCESS_KEY, HUB_S3_SECRET_KEY,
#   HUB_BACKUP_BUCKET (sartiq-snapshots), SNAPSHOT_SERVICE (backend | compute-server),
#   SNAPSHOT_ENVIRONMENT (production | staging | development)
#
# The snapshot is downloaded, its MD5 checked against the .md5 file beside it, then piped through
# zstd into psql in one transaction with ON_ERROR_STOP: either the whole snapshot is restored or
# nothing changes. Snapshots are plain SQL made with --clean --if-exists, so restoring over an
# existing database replaces its objects. Needs curl (7.75+ for --aws-sigv4), zstd, md5sum and psql.
set -euo pipefail

if [ $# -ne 2 ]; then
  sed -n '2,9p' "$0" >&2
  exit 2
fi
KEY=$1
TARGET=$2
ENDPOINT=${HUB_S3_ENDPOINT:?set HUB_S3_ENDPOINT (the S3/R2 API endpoint)}
ENDPOINT=${ENDPOINT%/}
REGION=${HUB_S3_REGION:-auto}
BUCKET=${HUB_BACKUP_BUCKET:-sartiq-snapshots}
EMPTY_SHA256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855

s3() { # GET path-style URL with SigV4 (R2 and S3 both require x-amz-content-sha256)
  curl -fsS --connect-timeout 10 --max-time 3600 \
    --aws-sigv4 "aws:amz:${REGION}:s3" --user "${HUB_S3_ACCESS_KEY:-}:${HUB_S3_SECRET_KEY:-}" \
    -H "x-amz-content-sha256: ${EMPTY_SHA256}" "$@"
}

if [ "$KEY" = latest ]; then
  PREFIX="snapshots/${SNAPSHOT_SERVICE:?set SNAPSHOT_SERVICE}/${SNAPSHOT_ENVIRONMENT:?set SNAPSHOT_ENVIRONMENT}/"
  # the time stamp is in the name, so the newest snapshot sorts last
  KEY=$(s3 "${ENDPOINT}/${BUCKET}?list-type=2&prefix=${PREFIX}" | grep -o '<Key>[^<]*\.sql\.zst</Key>' \
    | sed -e 's/<Key>//' -e 's/<\/Key>//' | sort | tail -n 1)
  if [ -z "$KEY" ]; then
    echo "no snapshot under ${BUCKET}/${PREFIX}" >&2
    exit 1
  fi
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
NAME=${KEY##*/}
echo "Downloading ${BUCKET}/${KEY}" >&2
s3 -o "$WORK/$NAME" "${ENDPOINT}/${BUCKET}/${KEY}"
s3 -o "$WORK/$NAME.md5" "${ENDPOINT}/${BUCKET}/${KEY}.md5"
(cd "$WORK" && md5sum --quiet -c "$NAME.md5") || { echo "MD5 mismatch: ${KEY} is damaged, not restoring" >&2; exit 1; }

echo "Restoring ${NAME} into the target database" >&2
zstd -dc "$WORK/$NAME" | psql --quiet --no-psqlrc -v ON_ERROR_STOP=1 --single-transaction -o /dev/null "$TARGET"
echo "Restored ${KEY}" >&2
