#!/usr/bin/env python3
"""The scaling model of docs/SPARK.md: efficiency of synchronous data-parallel GAN-CLS steps at W workers.

Weak scaling: every worker keeps a shard of B = 64 images, so a step's compute time stays t_c, the measured time of a
local step (no Spark) on one 2-core worker, and efficiency = t_c / t_step(W): the share of a worker's time that is
the step's own compute. A step is two reductions: the discriminator's gradient (bytes Gd), then the generator's (Gg)
through the updated discriminator. Links of BANDWIDTH bytes/s.

  collect+spark  what gan-spark does: t_c + t_spark + 4 S / bw + W (Gd + Gg) / bw
              t_spark: Spark's own cost per step, measured at one worker (two jobs, Java serialisation of the weights
              and gradients, the generator's forward pass computed again in the generator's job);
              4 S / bw: the weights S broadcast twice (TorrentBroadcast, ~2 S / bw each: peers relay the pieces);
              W G / bw: every shard's gradient collected by the driver over its one link (it sums them in shard order,
              so that a step's result does not depend on the order in which the tasks finish)
  collect     the same traffic without t_spark
  (before the shard-order sum, gan-spark used treeReduce of depth 2: 2 sqrt(W) G / bw on the driver's link instead of
  W G / bw; the same at W = 4, less beyond)
  ring        ring all-reduce between the workers, each applying the same update (no weight broadcast):
              t_c + 2 (W - 1) / W (Gd + Gg) / bw; not built (Spark has no all-reduce; barrier mode plus Gloo/MPI would be)
"""
BANDWIDTH = 10e9 / 8  # 10 Gbit/s

# t_c (s), t_spark (s), S, Gd, Gg (bytes): docs/SPARK.md, "Measured"
MODELS = {
    "default (gan-cls 32x32, B=64)": (0.644, 0.58, 9_690_384, 3_244_804, 6_438_924),
    "dcgan64 (64x64, B=64)": (3.804, 0.58, 29_734_160, 11_062_532, 18_595_340),
    # the same network on the idle machine: gan bench of docs/PERFORMANCE.md (2026-11-22)
    "dcgan64, idle machine": (1.945, 0.58, 29_734_160, 11_062_532, 18_595_340),
}


def step(t_c, t_spark, s, gd, gg, w, how):
    if how == "ring":
        return t_c + 2 * (w - 1) / w * (gd + gg) / BANDWIDTH
    traffic = 4 * s / BANDWIDTH + w * (gd + gg) / BANDWIDTH
    return t_c + traffic + (t_spark if how == "collect+spark" else 0)


if __name__ == "__main__":
    print("| model | design | W=4 | W=16 | W=64 |")
    print("|---|---|---|---|---|")
    for name, (t_c, t_spark, s, gd, gg) in MODELS.items():
        for how in ("collect+spark", "collect", "ring"):
            effs = [t_c / step(t_c, t_spark, s, gd, gg, w, how) for w in (4, 16, 64)]
            print("| %s | %s | %s |" % (name, how, " | ".join("%.2f" % e for e in effs)))
