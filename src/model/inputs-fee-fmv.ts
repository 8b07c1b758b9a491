/**
 * The MSA fee and the fair-market-value range its markup is tested against, with the checks that
 * keep a fee's floor under its cap and a percentile range that FMV.RANGE can compute.
 */
import { z } from "zod";
import { FEE_STRUCTURES, FMV_METHODS, MAX_ASSESSMENTS, MAX_BENCHMARKS } from "./inputs-allowed";
import { enumOf, fraction, isoDate, money, percentileInput, typeError } from "./inputs-field-schemas";
import type { PcInputs } from "./inputs-pcs";

export const feeSchema = z
  .strictObject({
    structure: enumOf(FEE_STRUCTURES, "fee structure")
      .default("cost-plus")
      .describe(
        "cost-plus: allocated costs × (1 + markup) + pass-through; fixed: fixedMonthly + pass-through; hybrid: both.",
      ),
    markup: fraction("markup", 0, 10).describe("Markup on the allocated cost base (0.08 = 8%)."),
    fixedMonthly: money("fixedMonthly").default(0).describe("Fixed fee per PC per month (dollars)."),
    monthlyCap: money("monthlyCap")
      .nullable()
      .default(null)
      .describe("Most a PC pays in a month, or null for no cap."),
    monthlyFloor: money("monthlyFloor")
      .nullable()
      .default(null)
      .describe("Least a PC pays in a month, or null for no floor; not above monthlyCap."),
    /** v2.2: months between billing and payment of the fee's cash part (interest is paid as it accrues). */
    paymentLagMonths: z
      .number({ error: typeError("paymentLagMonths", "a whole number from 0 to 2") })
      .int("paymentLagMonths must be a whole number from 0 to 2")
      .min(0, "paymentLagMonths must be a whole number from 0 to 2")
      .max(2, "paymentLagMonths must be a whole number from 0 to 2")
      .default(0)
      .describe("Months between billing the fee and the PC paying its cash part."),
  })
  .refine((f) => f.monthlyCap === null || f.monthlyFloor === null || f.monthlyFloor <= f.monthlyCap, {
    error: "monthlyFloor must not be more than monthlyCap",
    path: ["monthlyFloor"],
  });

export const fmvSchema = z
  .strictObject({
    benchmarks: z
      .array(
        z.number({ error: "each benchmark must be a number (a markup on cost, 0.05 = 5%)" }).min(-1).max(10),
        { error: typeError("benchmarks", "an array of numbers (markups on cost, 0.05 = 5%)") },
      )
      .min(1, "benchmarks must hold at least one number")
      .max(MAX_BENCHMARKS, `benchmarks may hold at most ${MAX_BENCHMARKS} numbers`)
      .describe("Markups on cost earned by comparable service providers (0.05 = 5%): the FMV evidence."),
    method: enumOf(FMV_METHODS, "method")
      .default("IRS")
      .describe("How the range is drawn from the benchmarks, as FMV.RANGE's method argument."),
    lowPct: percentileInput("lowPct")
      .default(0.25)
      .describe(
        "Percentile of the range's low end, at most 6 decimals; strictly between 0 and 1 for IRS and EXC.",
      ),
    highPct: percentileInput("highPct")
      .default(0.75)
      .describe("Percentile of the range's high end, at least lowPct; same rules as lowPct."),
    /** Dates of FMV assessments done or planned; `lastAssessment` alone means `[lastAssessment]`. */
    assessments: z
      .array(isoDate, { error: typeError("assessments", "an array of ISO dates YYYY-MM-DD") })
      .min(1, "assessments must hold at least one date")
      .max(MAX_ASSESSMENTS, `assessments may hold at most ${MAX_ASSESSMENTS} dates`)
      .optional()
      .describe(
        "Dates of FMV assessments done or planned (YYYY-MM-DD); each model year needs one in the 12 months up to its first day.",
      ),
    lastAssessment: isoDate
      .optional()
      .describe("One assessment date, the same as assessments: [lastAssessment]; not with assessments."),
  })
  .superRefine((f, ctx) => {
    if (f.assessments !== undefined && f.lastAssessment !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["lastAssessment"],
        message: "give assessments or lastAssessment, not both (lastAssessment means [lastAssessment])",
      });
    if (f.assessments === undefined && f.lastAssessment === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["assessments"],
        message:
          "required; an array of ISO dates YYYY-MM-DD of FMV assessments (or lastAssessment, one date)",
      });
    if (f.lowPct > f.highPct)
      ctx.addIssue({ code: "custom", path: ["lowPct"], message: "lowPct must not be more than highPct" });
    const n = f.benchmarks.length;
    for (const key of ["lowPct", "highPct"] as const) {
      const p = f[key];
      if ((f.method === "IRS" || f.method === "EXC") && (p <= 0 || p >= 1))
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `${key} must be strictly between 0 and 1 for method ${f.method}; got ${p}`,
        });
      // PERCENTILE.EXC is #NUM! outside [1/(n+1), n/(n+1)]: refuse it here rather than build a broken model.
      if (f.method === "EXC" && (p < 1 / (n + 1) || p > n / (n + 1)))
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `${key} must be between 1/(n+1) and n/(n+1) for method EXC with n = ${n} benchmarks; got ${p}`,
        });
    }
  })
  .transform(({ lastAssessment, assessments, ...f }) => ({
    ...f,
    assessments: assessments ?? (lastAssessment === undefined ? [] : [lastAssessment]),
  }));

/** A PC's effective floor (its own, else the group's) may not be above its effective cap. */
export function checkTerms(
  inp: { pcs: PcInputs[]; fee: z.output<typeof feeSchema> },
  ctx: z.RefinementCtx,
): void {
  inp.pcs.forEach((pc, i) => {
    const cap = pc.monthlyCap ?? inp.fee.monthlyCap;
    const floor = pc.monthlyFloor ?? inp.fee.monthlyFloor;
    if (cap !== null && floor !== null && floor > cap)
      ctx.addIssue({
        code: "custom",
        path: ["pcs", i, "monthlyFloor"],
        message: `effective monthly floor ${floor} is more than the effective monthly cap ${cap} (the PC's own value, else fee.*)`,
      });
  });
}
