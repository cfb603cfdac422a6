#!/usr/bin/env bash
# 数据接口 curl 示例 / curl example of the data interface (docs/integration-guide.md).
#
# Uploads one signed concrete cube report with an API key, replays the upload with the same
# Idempotency-Key, reads its status by the lab's own report number, shows a refusal (a body
# changed after signing) and uploads a correction (更正) that supersedes it. curl cannot sign, so the signed JSON body comes from the Java example
# (cn.cqs.examples.LabUploadExample sign), which signs the QR token and the PDF with the lab's key.
#
# Needs: bash, curl, java 17+. Set the variables below (or export them before running).
set -euo pipefail

CQS_URL="${CQS_URL:-http://localhost:8080}"                    # the platform server
CQS_API_KEY="${CQS_API_KEY:?set CQS_API_KEY to the lab API key (cqs_k_...)}"
CQS_KEYSTORE="${CQS_KEYSTORE:?set CQS_KEYSTORE to the lab signing credential (.p12)}"
CQS_KEYSTORE_PASSWORD="${CQS_KEYSTORE_PASSWORD:?set CQS_KEYSTORE_PASSWORD}"
CQS_PROJECT_ID="${CQS_PROJECT_ID:?set CQS_PROJECT_ID to the project platform id, from GET /api/v1/projects}"
CQS_PROJECT_NAME="${CQS_PROJECT_NAME:?set CQS_PROJECT_NAME to the project name as printed}"
CQS_REPORT_NUMBER="${CQS_REPORT_NUMBER:?set CQS_REPORT_NUMBER to your own report number, e.g. 2026-HNT-000123}"
CQS_CORRECTION_NUMBER="${CQS_CORRECTION_NUMBER:?set CQS_CORRECTION_NUMBER to the new report number of the correction, e.g. 2026-HNT-000124}"
CQS_CLASSPATH="${CQS_CLASSPATH:?set CQS_CLASSPATH to the classpath of the Java example: contract jar, OpenPDF, BouncyCastle, Jackson, the compiled example}"
export CQS_URL CQS_API_KEY CQS_KEYSTORE CQS_KEYSTORE_PASSWORD CQS_PROJECT_ID CQS_PROJECT_NAME CQS_REPORT_NUMBER \
  CQS_CORRECTION_NUMBER

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The first JSON string value named $1 in a one-line JSON document (the server writes compact JSON,
# a record's own fields before its version history).
json_value() { grep -o "\"$1\":\"[^\"]*\"" "$2" | head -n 1 | sed 's/^"[^"]*":"//; s/"$//'; }

# 1. Sign: build the report, sign its QR token and its PDF, write the upload body.
java -cp "$CQS_CLASSPATH" cn.cqs.examples.LabUploadExample sign > "$work/body.json"

# 2. Upload with an Idempotency-Key derived from the lab's own report number.
key="report-$CQS_REPORT_NUMBER"
upload() {  # $1 body file, $2 idempotency key, $3 output prefix; prints the HTTP status
  curl -sS -X POST "$CQS_URL/api/v1/reports" \
    -H "X-Api-Key: $CQS_API_KEY" \
    -H "Content-Type: application/json" \
    -H "Idempotency-Key: $2" \
    --data-binary "@$1" \
    -D "$work/$3.headers" -o "$work/$3.json" -w '%{http_code}'
}
status="$(upload "$work/body.json" "$key" first)"
if [ "$status" != 201 ]; then
  echo "upload failed with HTTP $status:" >&2; cat "$work/first.json" >&2; exit 1
fi
echo "status=$status"
echo "reportNumber=$(json_value reportNumber "$work/first.json")"
echo "id=$(json_value id "$work/first.json")"
echo "qrToken=$(json_value qrToken "$work/first.json")"
echo "verifyUrl=${CQS_URL%/}/v/$(json_value qrToken "$work/first.json")"

# 3. Replay: same key, same body -> the same answer, marked Idempotent-Replayed: true.
status="$(upload "$work/body.json" "$key" replay)"
echo "replayStatus=$status"
replayed="$(tr -d '\r' < "$work/replay.headers" | sed -n 's/^[Ii]dempotent-[Rr]eplayed: *//p')"
echo "replayed=${replayed:-false}"
if cmp -s "$work/first.json" "$work/replay.json"; then echo "replayIdentical=true"; else echo "replayIdentical=false"; fi

# 4. Status by the lab's own report number.
status="$(curl -sS "$CQS_URL/api/v1/reports/by-number/$CQS_REPORT_NUMBER" \
  -H "X-Api-Key: $CQS_API_KEY" -o "$work/status.json" -w '%{http_code}')"
if [ "$status" != 200 ]; then
  echo "status query failed with HTTP $status:" >&2; cat "$work/status.json" >&2; exit 1
fi
echo "reportStatus=$(json_value status "$work/status.json")"

# 5. Refusal: change a key field after signing -> 422 application/problem+json (digest_mismatch).
sed 's/"sampleId":"/"sampleId":"TAMPERED-/' "$work/body.json" > "$work/tampered.json"
status="$(upload "$work/tampered.json" "tampered-$CQS_REPORT_NUMBER" refused)"
echo "refusedStatus=$status"
echo "refusedContentType=$(tr -d '\r' < "$work/refused.headers" | sed -n 's/^[Cc]ontent-[Tt]ype: *//p')"
sed 's/.*"errors"://' "$work/refused.json" > "$work/refused-errors.json"   # the field errors only
echo "refusedError=$(json_value field "$work/refused-errors.json")/$(json_value code "$work/refused-errors.json")"

# 6. Correction: a new version under its own number names the report it supersedes and why.
id="$(json_value id "$work/first.json")"
java -cp "$CQS_CLASSPATH" cn.cqs.examples.LabUploadExample sign-correction "$id" > "$work/correction.json"
status="$(upload "$work/correction.json" "report-$CQS_CORRECTION_NUMBER" corrected)"
if [ "$status" != 201 ]; then
  echo "correction failed with HTTP $status:" >&2; cat "$work/corrected.json" >&2; exit 1
fi
echo "correctionStatus=$status"
echo "correctionSupersedes=$(json_value supersedesId "$work/corrected.json")"
curl -sS "$CQS_URL/api/v1/reports/by-number/$CQS_REPORT_NUMBER" -H "X-Api-Key: $CQS_API_KEY" -o "$work/original.json"
echo "originalStatus=$(json_value status "$work/original.json")"
