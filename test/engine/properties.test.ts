/** Property tests of the engine (fast-check). */
import fc from "fast-check";
import Decimal from "decimal.js";
import {
  Dec,
  dec,
  percentile,
  sortAscending,
  lineInterest,
  allocate,
  afrConvert,
  Flow,
  LineTerms,
} from "../../src/engine";

const RUNS = { numRuns: 200 };
const money = fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((c) => c / 100);
const values = fc.array(money, { minLength: 1, maxLength: 30 });
const pct = fc.integer({ min: 1, max: 999 }).map((k) => k / 1000); // 0.001 … 0.999, exact in decimal

describe("percentiles", () => {
  for (const method of ["IRS", "INC", "EXC"] as const) {
    test(`${method}: inside [min, max] and non-decreasing in p`, () => {
      fc.assert(
        fc.property(values, pct, pct, (xs, p1, p2) => {
          const x = sortAscending(xs.map(dec));
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const n = x.length;
          // EXC only where Excel defines it: 1 ≤ (n + 1)p ≤ n (exactly, in decimal).
          const inExc = (p: number) => new Dec(p).times(n + 1).gte(1) && new Dec(p).times(n + 1).lte(n);
          if (method === "EXC" && !(inExc(lo) && inExc(hi))) return;
          const a = percentile(x, new Dec(lo), method);
          const b = percentile(x, new Dec(hi), method);
          expect(a.gte(x[0]) && a.lte(x[n - 1])).toBe(true);
          expect(b.gte(x[0]) && b.lte(x[n - 1])).toBe(true);
          expect(a.lte(b)).toBe(true);
        }),
        RUNS,
      );
    });
  }
  test("EXC is #NUM! exactly where (n + 1)p is outside [1, n]", () => {
    fc.assert(
      fc.property(values, pct, (xs, p) => {
        const x = sortAscending(xs.map(dec));
        const h = new Dec(p).times(x.length + 1);
        const outside = h.lt(1) || h.gt(x.length);
        let kind: string | null = null;
        try {
          percentile(x, new Dec(p), "EXC");
        } catch (e) {
          kind = (e as { kind: string }).kind;
        }
        expect(kind).toBe(outside ? "num" : null);
      }),
      RUNS,
    );
  });
});

describe("Actual/365 interest is additive when a period is split at a date with no flow", () => {
  const START = 45658; // 2025-01-01
  const terms: LineTerms = { rate: { kind: "fixed", rate: new Dec("0.043") }, basis: 3, compounding: 0 };
  const draws = fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 400 }), cents: fc.integer({ min: 1, max: 1e9 }) }),
    {
      minLength: 1,
      maxLength: 12,
    },
  );
  test("interest(→end) = interest(→mid) + interest(mid→end) of the balance at mid plus later flows", () => {
    fc.assert(
      fc.property(draws, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), (ds, a, b) => {
        const flows: Flow[] = ds.map((f) => ({ date: START + f.day, amount: new Dec(f.cents).div(100) }));
        const flowDays = new Set(flows.map((f) => f.date));
        const mid = START + Math.min(a, b);
        const end = START + Math.max(a, b) + 1;
        if (flowDays.has(mid) || mid <= Math.min(...flows.map((f) => f.date))) return;
        const whole = lineInterest(flows, end, terms);
        const first = lineInterest(flows, mid, terms);
        // The same balance carried over: everything drawn before mid, as one flow on mid, plus later flows.
        const before = flows.filter((f) => f.date < mid).reduce((s, f) => s.plus(f.amount), new Dec(0));
        const rest = [{ date: mid, amount: before }, ...flows.filter((f) => f.date > mid)];
        const second = lineInterest(rest, end, terms);
        // Hand formula: Σ amount × 0.043 × (end − date)/365 over flows before end.
        const direct = flows
          .filter((f) => f.date < end)
          .reduce(
            (s, f) =>
              s.plus(
                f.amount
                  .times("0.043")
                  .times(end - f.date)
                  .div(365),
              ),
            new Dec(0),
          );
        expect(whole.minus(first.plus(second)).abs().lte("1e-25")).toBe(true);
        expect(whole.minus(direct).abs().lte("1e-25")).toBe(true);
      }),
      RUNS,
    );
  });
  test("a zero flow on an extra date changes nothing", () => {
    fc.assert(
      fc.property(draws, fc.integer({ min: 1, max: 400 }), (ds, extra) => {
        const flows: Flow[] = ds.map((f) => ({ date: START + f.day, amount: new Dec(f.cents).div(100) }));
        const end = START + 401;
        const withZero = [...flows, { date: START + extra, amount: new Dec(0) }];
        expect(
          lineInterest(withZero, end, terms)
            .minus(lineInterest(flows, end, terms))
            .abs()
            .lte("1e-25"),
        ).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("allocation", () => {
  const Ref = Decimal.clone({ precision: 60 });
  const driver = fc.oneof(
    fc.constant(null),
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 1_000_000 }).map((k) => k / 1000),
  );
  test("parts add up exactly to ROUND(total, decimals) and each is within one unit of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(driver, { minLength: 1, maxLength: 15 }),
        (decimals, raw, ds) => {
          // A total with up to 3 more digits than kept, so ROUND has work to do; |total| × 10^decimals < 1e15.
          const total = new Ref(raw).div(new Ref(10).pow(decimals + 3)).toNumber();
          const weights = ds.map((x) => (x === null ? new Ref(0) : new Ref(x)));
          const sumW = weights.reduce((s, w) => s.plus(w), new Ref(0));
          if (sumW.isZero()) return;
          const parts = allocate(
            dec(total),
            ds.map((x) => (x === null ? null : dec(x))),
            decimals,
          ).map((p) => new Ref(p.toNumber()));
          const rounded = new Ref(String(total)).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
          const unit = new Ref(10).pow(-decimals);
          expect(parts.reduce((s, p) => s.plus(p), new Ref(0)).eq(rounded)).toBe(true);
          parts.forEach((p, i) => {
            expect(p.decimalPlaces()).toBeLessThanOrEqual(decimals);
            const share = rounded.times(weights[i]).div(sumW);
            expect(p.minus(share).abs().lt(unit)).toBe(true);
            if (ds[i] === null || ds[i] === 0) expect(p.isZero()).toBe(true);
          });
        },
      ),
      RUNS,
    );
  });
});

describe("AFR conversion", () => {
  const freq = fc.constantFrom(1, 2, 4, 12);
  test("from → to → from round-trips within 1e-12", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }).map((k) => k / 100000),
        freq,
        freq,
        (r, from, to) => {
          const there = afrConvert(new Dec(r), from, to, new Dec(1));
          const back = afrConvert(there, to, from, new Dec(1));
          expect(back.minus(r).abs().lte("1e-12")).toBe(true);
        },
      ),
      RUNS,
    );
  });
  test("more frequent compounding needs a lower nominal rate for the same yield", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100000 }).map((k) => k / 100000),
        (r) => {
          const rates = [1, 2, 4, 12].map((to) => afrConvert(new Dec(r), 2, to, new Dec(1)));
          for (let i = 1; i < rates.length; i++) expect(rates[i].lt(rates[i - 1])).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
