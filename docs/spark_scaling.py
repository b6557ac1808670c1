#!/usr/bin/env python3
"""The scaling model of docs/SPARK.md: efficiency of synchronous data-parallel GAN-CLS steps at W workers.

Weak scaling: each worker keeps a shard of B images (the per-worker batch), so the compute time of a step stays the
measured one-worker time t_c and only communication and scheduling grow with W. Efficiency = t_c / t_step(W).

Per step there are two reductions (the discriminator's gradient, then the generator's through the updated
discriminator), each a Spark job with a scheduling latency t_job. Two ways to move the bytes over links of bandwidth bw:
  driver  (what gan-spark does): the driver broadcasts the weights S (TorrentBroadcast: ~2 S / bw, peers relay the
          pieces) and tree-reduces each gradient G with treeReduce depth 2 (fan-in sqrt(W) per level: ~2 sqrt(W) G / bw)
  ring    (an all-reduce between the executors, e.g. Horovod/Gloo in barrier mode; not built): 2 (W-1)/W G / bw per
          reduction, and no weights to broadcast because every replica applies the same update
Usage: spark_scaling.py  (prints the table of docs/SPARK.md)
"""
import math

BANDWIDTH = 10e9 / 8          # 10 Gbit/s in bytes/s
T_JOB = 0.05                  # s per Spark job on a cluster (task launch + result fetch), two jobs per step

MODELS = {
    # name: (t_c seconds per step with B=64 on one 2-core worker, weights bytes S, D gradient bytes, G gradient bytes)
    "default (32x32, batch 64)": (None, None, None, None),
    "dcgan64 (64x64, batch 64)": (None, None, None, None),
}


def step_time(t_c, s, gd, gg, w, how):
    if w == 1:
        return t_c
    if how == "driver":
        comm = 2 * (2 * s / BANDWIDTH) + 2 * math.sqrt(w) * (gd + gg) / BANDWIDTH
    else:
        comm = 2 * (w - 1) / w * (gd + gg) / BANDWIDTH
    return t_c + comm + 2 * T_JOB


def table(models):
    rows = []
    for name, (t_c, s, gd, gg) in models.items():
        for how in ("driver", "ring"):
            effs = [t_c / step_time(t_c, s, gd, gg, w, how) for w in (4, 16, 64)]
            rows.append((name, how, effs))
    return rows


if __name__ == "__main__":
    import sys
    models = {}
    # filled from the measurements of docs/SPARK.md
    models["default (32x32, batch 64)"] = (float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]))
    models["dcgan64 (64x64, batch 64)"] = (float(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7]), float(sys.argv[8]))
    print("| model | reduction | W=4 | W=16 | W=64 |")
    print("|---|---|---|---|---|")
    for name, how, effs in table(models):
        print("| %s | %s | %s |" % (name, how, " | ".join("%.2f" % e for e in effs)))
