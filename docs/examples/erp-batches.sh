#!/usr/bin/env bash
# 预拌混凝土 ERP 接口 curl 示例 / curl example of the ready-mix plants' ERP interface
# (docs/integration-guide.md, section 11).
#
# Registers a material delivery, a mix design and a production batch under the ERP's own ids,
# prints the serial number and QR text the platform assigned, re-sends the registration (same
# answer), notifies the start and the end, records a delivery ticket and shows the 409 for a
# changed registration. Every call is a PUT or POST with an API key; re-sending is always safe.
#
# Needs: bash, curl. Set the variables below (or export them before running).
set -euo pipefail

CQS_URL="${CQS_URL:-http://localhost:8080}"                    # the platform server
CQS_API_KEY="${CQS_API_KEY:?set CQS_API_KEY to the plant API key with BATCHES_REGISTER (cqs_k_...)}"
CQS_PROJECT_ID="${CQS_PROJECT_ID:?set CQS_PROJECT_ID to the project supplied, from GET /api/v1/projects}"
CQS_RUN="${CQS_RUN:?set CQS_RUN to a suffix that makes the ids of this run new, e.g. the date and time}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
earlier="$(date -u -d '-2 hours' +%Y-%m-%dT%H:%M:%SZ)"
planned="$(date -u -d '+10 minutes' +%Y-%m-%dT%H:%M:%SZ)"
today="$(TZ=Asia/Shanghai date +%F)"

# The first JSON string value named $1 in a one-line JSON document.
json_value() { grep -o "\"$1\":\"[^\"]*\"" "$2" | head -n 1 | sed 's/^"[^"]*":"//; s/"$//'; }

call() {  # $1 method, $2 path, $3 JSON body, $4 output name; prints the HTTP status
  curl -sS -X "$1" "$CQS_URL$2" \
    -H "X-Api-Key: $CQS_API_KEY" \
    -H "Content-Type: application/json" \
    --data-binary "$3" \
    -o "$work/$4.json" -w '%{http_code}'
}

# 1. 原材料进厂登记 / material intake: one PUT per delivery, under the ERP's own lot id
call PUT "/api/v1/plant/material-lots/YL-C-$CQS_RUN" '{"kind":"CEMENT","specification":"P·O 42.5",
  "supplier":"福建炼石水泥有限公司","manufacturer":"福建炼石水泥有限公司","lotNumber":"LS-'"$CQS_RUN"'",
  "quantityTonnes":60.5,"arrivedAt":"'"$earlier"'"}' cement > /dev/null
echo "lotStatus=$(call PUT "/api/v1/plant/material-lots/YL-S-$CQS_RUN" '{"kind":"SAND","specification":"中砂",
  "supplier":"闽侯县砂石贸易公司","manufacturer":"闽江机制砂厂","lotNumber":"SA-'"$CQS_RUN"'",
  "quantityTonnes":300,"arrivedAt":"'"$earlier"'"}' sand)"

# 2. 配合比 / mix design
echo "mixDesignStatus=$(call PUT "/api/v1/plant/mix-designs/PB-C30-$CQS_RUN" '{"marking":"A-C30-180(S4)-P8-GB/T 14902",
  "quantities":[{"kind":"CEMENT","kgPerM3":300},{"kind":"SAND","kgPerM3":780},{"kind":"WATER","kgPerM3":170}],
  "validFrom":"'"$today"'"}' mix)"

# 3. 生产信息登记 / production registration: the answer carries serialNumber and qrText
batch='{"projectId":"'"$CQS_PROJECT_ID"'","buyer":"福建建工集团有限公司","pourLocation":"3#楼 五层 梁板",
  "marking":"A-C30-180(S4)-P8-GB/T 14902","volumeM3":16,"mixDesignId":"PB-C30-'"$CQS_RUN"'",
  "materialLotIds":["YL-C-'"$CQS_RUN"'","YL-S-'"$CQS_RUN"'"],"plannedStart":"'"$planned"'","contractNumber":"HT-'"$CQS_RUN"'"}'
status="$(call PUT "/api/v1/plant/batches/SC-$CQS_RUN" "$batch" batch)"
if [ "$status" != 201 ]; then
  echo "registration failed with HTTP $status:" >&2; cat "$work/batch.json" >&2; exit 1
fi
echo "batchStatus=$status"
echo "serialNumber=$(json_value serialNumber "$work/batch.json")"
echo "qrText=$(json_value qrText "$work/batch.json")"

# 4. 重发 / re-send: the same body again answers 200 with the same serial number
echo "resendStatus=$(call PUT "/api/v1/plant/batches/SC-$CQS_RUN" "$batch" again)"
echo "resendSerialNumber=$(json_value serialNumber "$work/again.json")"

# 5. 开盘告知 / 完成告知: start and end, each within 1 hour of the event
call POST "/api/v1/plant/batches/SC-$CQS_RUN/start" '{"eventAt":"'"$now"'"}' start > /dev/null
echo "startNotification=$(json_value startNotification "$work/start.json")"
call POST "/api/v1/plant/batches/SC-$CQS_RUN/end" '{"eventAt":"'"$now"'","producedVolumeM3":16}' end > /dev/null
echo "endNotification=$(json_value endNotification "$work/end.json")"

# 6. 发货单 / delivery ticket, under the ERP's ticket number
echo "ticketStatus=$(call PUT "/api/v1/plant/batches/SC-$CQS_RUN/tickets/FH-$CQS_RUN" '{"truckNumber":"闽A·D3516",
  "volumeM3":8,"departedAt":"'"$now"'","deliveryPlace":"鼓楼区湖东路工地北门"}' ticket)"

# 7. 冲突 / a changed registration under the same batch id: 409 naming what differs
changed="$(printf '%s' "$batch" | sed 's/"volumeM3":16/"volumeM3":20/')"
echo "conflictStatus=$(call PUT "/api/v1/plant/batches/SC-$CQS_RUN" "$changed" conflict)"
sed 's/.*"errors":\[//' "$work/conflict.json" > "$work/errors.json"
echo "conflictField=$(json_value field "$work/errors.json")/$(json_value code "$work/errors.json")"

# 8. 查询批次 / list batches: a page at a time; X-Total-Count is exact while X-Total-Count-Exact is
#    true, otherwise a lower bound (more than 10,000 match: show "10,000+", or ask count=exact, slower)
curl -sS -G "$CQS_URL/api/v1/batches" -H "X-Api-Key: $CQS_API_KEY" \
  --data-urlencode "q=SC-$CQS_RUN" --data-urlencode "limit=20" \
  -D "$work/list.headers" -o "$work/list.json"
echo "listRows=$(grep -o '"serialNumber"' "$work/list.json" | wc -l | tr -d ' ')"
echo "listTotal=$(grep -i '^X-Total-Count:' "$work/list.headers" | sed 's/^[^:]*: *//' | tr -d '\r')"
echo "listTotalExact=$(grep -i '^X-Total-Count-Exact:' "$work/list.headers" | sed 's/^[^:]*: *//' | tr -d '\r')"
