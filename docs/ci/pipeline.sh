#!/usr/bin/env bash
# The customization pipeline as one shell script: validate -> launch --wait -> provision --wait -> compare --gate
# -> cleanup. docs/ci/github-actions.yml runs the same steps; the project's tests run this script end to end against
# the local emulator, so what is documented here is what works.
#
# Inputs (environment):
#   JOB_SPEC               the *.bedrock-job.json to train (required). Its jobName names the run: the same spec run
#                          again creates nothing new, it reports (and waits on) what the first run created.
#   COMPARE_TEMPLATE       a *.compare.json whose fine-tuned model has "modelId": "@TUNED_MODEL_ARN@" (required);
#                          the provisioned throughput's ARN is put there.
#   GATES                  quality gates separated by ";" (default "accuracy@1 - baseline > 0"), e.g.
#                          "accuracy@1 >= 0.70; significant accuracy@1"
#   MANIFESTS              local manifest files to validate first (space-separated; optional)
#   UNITS, COMMITMENT      provisioned throughput: model units (default 1), none|1m|6m (default none)
#   CLEANUP                always (default): delete what the run created at the end, whatever happened;
#                          on-failure: keep it when every step passed (the model ships), delete it otherwise
#   WORK_DIR               where the ledger, the compare spec, the report and the clean-up plan go (default .)
#   POLL_SECONDS, TIMEOUT_SECONDS  while waiting (defaults 60 and 86400)
#   COMPARE_ARGS           more flags for compare (e.g. --rpm 600 --gate-model tuned)
#   BEDROCK_MM             the command (default bedrock-mm)
# Exit: the first failing step's code (2 usage, 3 AWS refused, 4 timeout, 5 a gate failed); the clean-up's when
# only it failed.
set -uo pipefail

: "${JOB_SPEC:?set JOB_SPEC to the *.bedrock-job.json to train}"
: "${COMPARE_TEMPLATE:?set COMPARE_TEMPLATE to a *.compare.json with @TUNED_MODEL_ARN@}"
GATES="${GATES:-accuracy@1 - baseline > 0}"
UNITS="${UNITS:-1}"
COMMITMENT="${COMMITMENT:-none}"
CLEANUP="${CLEANUP:-always}"
WORK_DIR="${WORK_DIR:-.}"
POLL_SECONDS="${POLL_SECONDS:-60}"
TIMEOUT_SECONDS="${TIMEOUT_SECONDS:-86400}"
read -r -a BMM <<< "${BEDROCK_MM:-bedrock-mm}"
WAIT=(--wait --poll "$POLL_SECONDS" --timeout "$TIMEOUT_SECONDS")

status=0
created=0 # set once launch may have created something (launch exit 2 means nothing was)
cleanup() {
  if [ "$created" -eq 1 ] && { [ "$CLEANUP" = always ] || [ "$status" -ne 0 ]; }; then
    echo "== cleanup (what this run of $JOB_SPEC created)"
    "${BMM[@]}" cleanup --workspace "$WORK_DIR" --from-spec "$JOB_SPEC" --plan "$WORK_DIR/cleanup-plan-$(date +%s%N).json" --yes
    local code=$?
    if [ "$status" -eq 0 ]; then status=$code; fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'status=130; exit' INT TERM
step() { "$@"; status=$?; [ "$status" -eq 0 ]; }

if [ -n "${MANIFESTS:-}" ]; then
  echo "== validate"
  # shellcheck disable=SC2086 # MANIFESTS is a list of paths
  step "${BMM[@]}" validate $MANIFESTS || exit
fi

echo "== launch $JOB_SPEC"
created=1
job_json="$("${BMM[@]}" launch --spec "$JOB_SPEC" --workspace "$WORK_DIR" --yes --format json "${WAIT[@]}")"
status=$?
if [ "$status" -eq 2 ]; then created=0; fi
[ "$status" -eq 0 ] || exit
model="$(node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); console.log(s.customModelName)' "$JOB_SPEC")"
echo "$job_json"

echo "== provision $model"
pt_json="$("${BMM[@]}" provision "$model" --units "$UNITS" --commitment "$COMMITMENT" --workspace "$WORK_DIR" --yes --format json "${WAIT[@]}")"
status=$?; [ "$status" -eq 0 ] || exit
echo "$pt_json"
arn="$(node -e 'console.log(JSON.parse(process.argv[1]).provisionedModelArn)' "$pt_json")"

echo "== compare"
spec="$WORK_DIR/pipeline.compare.json"
sed "s|@TUNED_MODEL_ARN@|$arn|g" "$COMPARE_TEMPLATE" > "$spec"
gate_args=()
IFS=';' read -r -a gates <<< "$GATES"
for g in "${gates[@]}"; do
  g="$(echo "$g" | sed 's/^ *//; s/ *$//')"
  [ -n "$g" ] && gate_args+=(--gate "$g")
done
# shellcheck disable=SC2086 # COMPARE_ARGS is a list of flags
step "${BMM[@]}" compare --spec "$spec" --workspace "$WORK_DIR" ${COMPARE_ARGS:-} "${gate_args[@]}" || exit
