/**
 * fast-check: random valid inputs that are compliant by construction (markup inside the benchmark
 * range, rate at or above the AFR with the same compounding, a generous limit, a recent assessment,
 * physician compensation that stays positive) must build a model whose books reconcile every month
 * and whose master check is OK, with the add-in and portable formulas agreeing in every cell.
 */
import fc from "fast-check";
import { msaCostPlus } from "../../src/functions/adapters";
import { DRIVERS } from "../../src/model/inputs";
import { allAnswered } from "./hand-check-inputs";
import { oracle } from "./oracle";
import {
  cellDifferences,
  close,
  errorCells,
  evaluate,
  maxIntercompanyDiff,
  readChecks,
  rowValues,
  validInputs,
} from "./support";

const money = (lo: number, hi: number) => fc.integer({ min: lo, max: hi });
const frac = (lo: number, hi: number, scale = 1000) =>
  fc.integer({ min: lo * scale, max: hi * scale }).map((n) => n / scale);

const compliantInputs = fc
  .record({
    year: fc.integer({ min: 2024, max: 2028 }),
    month: fc.integer({ min: 1, max: 12 }),
    months: fc.integer({ min: 12, max: 24 }),
    lines: fc.array(
      fc.record({ share: frac(0.002, 0.02), growth: frac(-0.02, 0.08), driver: fc.constantFrom(...DRIVERS) }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    pcs: fc.array(
      fc.record({
        coll: money(2_000_000, 12_000_000),
        growth: frac(-0.02, 0.06),
        clin: frac(0.1, 0.25),
        fte: fc.integer({ min: 2, max: 30 }),
        visits: money(5000, 60000),
        pt: frac(0, 0.08),
        state: fc.constantFrom("TX", "FL", "CA", "NY", "DC", "WY"),
        fixedComp: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    markupK: fc.integer({ min: 30, max: 120 }),
    below: fc.array(frac(0.001, 0.04, 10000), { minLength: 2, maxLength: 4 }),
    above: fc.array(frac(0.001, 0.04, 10000), { minLength: 2, maxLength: 4 }),
    method: fc.constantFrom("IRS", "INC", "EXC", "MINMAX"),
    structure: fc.constantFrom("cost-plus", "hybrid"),
    withCapFloor: fc.boolean(),
    afr: frac(0.02, 0.06, 10000),
    spread: frac(0, 0.02, 10000),
    compounding: fc.constantFrom(1, 2, 4, 12),
    deferral: frac(0, 0.5, 100),
    repayment: money(0, 50000),
    capitalize: fc.boolean(),
    buffer: frac(0, 0.3, 100),
    lot: fc.constantFrom(0, 1000, 50000),
    age: fc.integer({ min: 0, max: 365 }),
    fed: frac(0, 0.35, 100),
    st: frac(0, 0.1, 100),
  })
  .map((g) => {
    // A markup that never sits exactly on a percentile of 4-decimal benchmarks (ties are exact
    // in the add-in's decimal arithmetic and float in native formulas).
    const markup = g.markupK / 1000 + 0.00003;
    const n = Math.min(g.below.length, g.above.length);
    const benchmarks = [
      ...g.below.slice(0, n).map((d) => markup - d),
      ...g.above.slice(0, n).map((d) => markup + d),
    ].map((b) => Math.round(b * 10000) / 10000);
    const total = g.pcs.reduce((a, p) => a + p.coll, 0);
    const minColl = Math.min(...g.pcs.map((p) => p.coll));
    const start = Date.UTC(g.year, g.month - 1, 1);
    // One assessment in the 12 months before each model year's first day (at most 2 years).
    const assessed = new Date(start - g.age * 86400000).toISOString().slice(0, 10);
    const year2 = Date.UTC(g.year, g.month - 1 + 12, 1);
    const assessed2 = new Date(year2 - g.age * 86400000).toISOString().slice(0, 10);
    return validInputs({
      name: "Random compliant model",
      startMonth: `${g.year}-${String(g.month).padStart(2, "0")}`,
      months: g.months,
      // Keep the shared costs small against the smallest PC so residual compensation stays positive.
      serviceLines: g.lines.map((l, i) => ({
        name: `Line ${i + 1}`,
        annualCost: Math.max(1000, Math.round((l.share * minColl * Math.min(total, 3 * minColl)) / total)),
        annualGrowth: l.growth,
        driver: l.driver,
      })),
      pcs: g.pcs.map((p, i) => ({
        name: `PC ${i + 1}`,
        state: p.state,
        annualCollections: p.coll,
        annualGrowth: p.growth,
        annualClinicalCosts: Math.round(p.coll * p.clin),
        providerFtes: p.fte,
        annualVisits: p.visits,
        annualPassThrough: Math.round(p.coll * p.pt),
        physicianComp: p.fixedComp ? { mode: "fixed", annual: 0 } : { mode: "residual" },
      })),
      fee: {
        structure: g.structure,
        markup,
        fixedMonthly: 0,
        monthlyCap: g.withCapFloor ? 1e9 : null,
        monthlyFloor: g.withCapFloor ? 0 : null,
      },
      fmv: { benchmarks, method: g.method, lowPct: 0.25, highPct: 0.75, assessments: [assessed, assessed2] },
      loc: {
        limit: 1e9,
        rate: Math.round((g.afr + g.spread) * 10000) / 10000,
        afr: g.afr,
        afrCompounding: g.compounding,
        deferralShare: g.deferral,
        monthlyRepayment: g.repayment,
        capitalizeInterest: g.capitalize,
        buffer: g.buffer,
        lot: g.lot,
      },
      tax: { msoFederalRate: g.fed, msoStateRate: g.st },
      // v2.2: enough MSO cash to fund the deferred fees and dividends, so the cash check holds too.
      mso: { openingCash: 1e9 },
      compliance: {
        answers: allAnswered("2026-01-02"),
        pcs: Object.fromEntries(
          g.pcs.map((_, i) => [`PC ${i + 1}`, { physicianOwned: "Yes", ownerLicensed: "Yes" }]),
        ),
      },
    });
  });

describe("random compliant inputs", () => {
  it("reconcile to the cent, pass every check, and agree between add-in and portable formulas", () => {
    fc.assert(
      fc.property(compliantInputs, (inputs) => {
        const addin = evaluate(inputs, "addin");
        const portable = evaluate(inputs, "portable");
        try {
          for (const ev of [addin, portable]) {
            expect(errorCells(ev.plan, ev.host)).toEqual([]);
            expect(maxIntercompanyDiff(ev.plan, ev.host)).toBeLessThan(0.005);
            expect(readChecks(ev.plan, ev.host).master).toBe("OK");
          }
          // The fee from the inputs (the independent oracle's base and pass-through), not from the workbook.
          const { plan, host } = portable;
          const o = oracle(inputs);
          const f = inputs.fee;
          plan.results.pcs.forEach((pc, p) => {
            const fees = rowValues(plan, host, "MSO", pc.rows.fee.row);
            fees.forEach((fee, t) =>
              expect(
                close(
                  fee,
                  msaCostPlus(
                    [[o.pcs[p].base[t]]],
                    f.markup,
                    [[o.pcs[p].pt[t]]],
                    0,
                    f.monthlyCap,
                    f.monthlyFloor,
                  ),
                ),
              ).toBe(true),
            );
          });
          // Money to the cent and ratios to 1e-9: min(0.005, 1e-9 × max(1, |x|)).
          expect(cellDifferences(addin, portable)).toEqual([]);
        } finally {
          addin.host.destroy();
          portable.host.destroy();
        }
      }),
      { numRuns: 15, seed: 20260101 },
    );
  });
});
