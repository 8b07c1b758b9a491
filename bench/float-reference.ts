/**
 * Plain floating-point versions of the engine's algorithms, for one purpose: measuring what exactness
 * costs. Same steps as src/engine, JS numbers instead of decimal.js. Never used by the product.
 */
export function costPlusFloat(base: number[], markup: number, pass: number[], fixed: number): number {
  let b = 0;
  for (const x of base) b += x;
  let p = 0;
  for (const x of pass) p += x;
  return b * (1 + markup) + p + fixed;
}

export function irsPercentileFloat(sorted: number[], p: number): number {
  const k = p * sorted.length;
  if (Number.isInteger(k)) return (sorted[k - 1] + sorted[k]) / 2;
  return sorted[Math.ceil(k) - 1];
}

/** Simple-interest Actual/365 walk over sorted flows: segments between flow dates. */
export function interestFloat(dates: number[], flows: number[], rate: number, end: number): number {
  let principal = 0;
  let interest = 0;
  for (let i = 0; i < dates.length && dates[i] < end; i++) {
    principal += flows[i];
    const next = Math.min(end, i + 1 < dates.length ? dates[i + 1] : end);
    interest += (principal * rate * (next - dates[i])) / 365;
  }
  return interest;
}
