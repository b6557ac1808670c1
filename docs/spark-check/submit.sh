#!/usr/bin/env bash
# The README's spark-submit command with another master, the shapes data and a tiny model (docs/SPARK.md, "spark-submit, checked").
# usage: submit.sh SPARK_HOME JAR MASTER RUN_DIR [more gan train options]
# EXEC_MEM, EXEC_CORES: --executor-memory and --executor-cores (default 6g and 2, the README's).
set -euo pipefail
SH=$1; JAR=$2; MASTER=$3; RUN=$4; shift 4
EXEC_MEM=${EXEC_MEM:-6g}; EXEC_CORES=${EXEC_CORES:-2}
export SPARK_LOCAL_IP=127.0.0.1
exec "$SH/bin/spark-submit" --master "$MASTER" --deploy-mode client --class io.textgan.cli.GanMain \
  --driver-memory 6g --executor-memory "$EXEC_MEM" --executor-cores "$EXEC_CORES" --total-executor-cores 8 \
  --conf "spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.maxbytes=6g -Dorg.bytedeco.javacpp.platform.extension=-onednn-avx2" \
  "$JAR" \
  train --spark submit --image-size 16 --ngf 4 --ndf 4 --noise-size 8 --text-size 16 --batch-size 16 --worker-batch-size 8 \
  --shapes-count 64 --encoder-steps 3 --best-metric none --seed 1 --run "$RUN" "$@"
