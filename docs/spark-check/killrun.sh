#!/usr/bin/env bash
# Trains with submit.sh on local-cluster[2,1,1024] (two executor JVMs); with KILL=yes, SIGKILLs one executor JVM while
# a task of the GAN steps runs on it (docs/SPARK.md, "spark-submit, checked"). The driver's log is RUN_DIR.log.
# usage: killrun.sh SPARK_HOME JAR RUN_DIR yes|no [more gan train options, e.g. --steps 8]
SH=$1; JAR=$2; RUN=$3; KILL=$4; shift 4
LOG=$RUN.log
rm -rf "$RUN"
EXEC_MEM=1g EXEC_CORES=1 "$(dirname "$0")/submit.sh" "$SH" "$JAR" 'local-cluster[2,1,1024]' "$RUN" "$@" > "$LOG" 2>&1 &
SUBMIT=$!
if [ "$KILL" = yes ]; then
  # wait for the GAN steps: losses.csv with a header and 2 steps
  while kill -0 $SUBMIT 2>/dev/null; do
    n=$(cat "$RUN/losses.csv" 2>/dev/null | wc -l)
    [ "${n:-0}" -ge 3 ] && break
    sleep 0.05
  done
  # the next task the driver's log shows starting, on the executor it names
  line=$(tail -n0 -F "$LOG" 2>/dev/null | grep -m1 --line-buffered "Starting task 1.0 in stage")
  id=$(echo "$line" | grep -o "executor [0-9]*" | grep -o "[0-9]*")
  # executors are children of the driver JVM (spark-submit execs into it: the same pid)
  EXE=$(pgrep -P $SUBMIT -f "CoarseGrainedExecutorBackend.*--executor-id $id " | head -1)
  kill -9 "$EXE"
  echo "$(date -u +%T.%N) killed executor $id (pid $EXE) after: $line" | tee "$RUN.kill"
fi
wait $SUBMIT; rc=$?
echo "spark-submit exit: $rc" | tee -a "$RUN.kill"
