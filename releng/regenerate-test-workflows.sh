#!/usr/bin/env bash
# Regenerates test-workflows/<name>/ from test-workflows/definitions/*.json (never edit the workflow files by hand;
# TestWorkflowsTest fails if they differ from what their definitions generate). Builds the runner if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=releng/org.deepcluster.batch/target/deepcluster-batch.jar
[[ -f "$jar" ]] || ./knime-batch -help >/dev/null
exec java -cp "$jar" org.deepcluster.batch.generate.WorkflowGenerator test-workflows/definitions test-workflows
