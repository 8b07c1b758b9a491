/**
 * Timing for benchmarks: every figure is a median over repeated runs, and every comparison is a ratio
 * of two medians measured in the same process, with the two sides interleaved run by run so that a
 * slow moment of the machine (the other core busy, GC, turbo) falls on both alike.
 */
export interface Timing {
  medianMs: number;
  runs: number;
}

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Times `fn` `runs` times after `warmup` unmeasured runs. */
export function time(fn: () => unknown, runs = 9, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    fn();
    samples.push(nowMs() - t0);
  }
  return { medianMs: median(samples), runs };
}

export interface Comparison {
  ours: Timing;
  theirs: Timing;
  /** ours / theirs: below 1 we are faster. */
  ratio: number;
}

/** Times two implementations of the same work, alternating which goes first on each run. */
export function compare(ours: () => unknown, theirs: () => unknown, runs = 9, warmup = 2): Comparison {
  for (let i = 0; i < warmup; i++) {
    ours();
    theirs();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    const pair: [() => unknown, number[]][] = [
      [ours, a],
      [theirs, b],
    ];
    if (i % 2) pair.reverse();
    for (const [fn, out] of pair) {
      const t0 = nowMs();
      fn();
      out.push(nowMs() - t0);
    }
  }
  const oursT = { medianMs: median(a), runs };
  const theirsT = { medianMs: median(b), runs };
  return { ours: oursT, theirs: theirsT, ratio: oursT.medianMs / theirsT.medianMs };
}

/** A deterministic pseudo-random generator (mulberry32), so every run benchmarks the same data. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
