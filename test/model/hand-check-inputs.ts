/**
 * The hand-check model: 1 PC, 12 months, one shared-services pool, no growth, draws 6,000 a month.
 * Small enough that hand-arithmetic.test.ts works out every number from these inputs alone.
 */
import { ModelInputsJson } from "../../src/model/inputs";
import { QUESTION_IDS } from "./oracle";

export const handCheckJson = (): ModelInputsJson => ({
  name: "Hand check",
  startMonth: "2026-01",
  months: 12,
  serviceLines: [{ name: "Shared services", annualCost: 120000, annualGrowth: 0, driver: "equal" }],
  pcs: [
    {
      name: "Solo PC",
      state: "FL",
      annualCollections: 240000, // 20,000 a month
      annualClinicalCosts: 60000, // 5,000 a month
      providerFtes: 2,
      annualVisits: 5000,
      annualPassThrough: 12000, // 1,000 a month
    },
  ],
  fee: { structure: "cost-plus", markup: 0.1 },
  fmv: {
    benchmarks: [0.08, 0.09, 0.11, 0.12],
    method: "IRS",
    lowPct: 0.25,
    highPct: 0.75,
    lastAssessment: "2025-06-30",
  },
  loc: {
    limit: 100000,
    rate: 0.0365,
    rateCompounding: 12,
    afr: 0.03,
    afrCompounding: 1,
    deferralShare: 0.5,
    buffer: 0.1,
    lot: 1000,
  },
  tax: { msoFederalRate: 0.21, msoStateRate: 0.05 },
  // v2.2: the MSO's cash must fund the deferred fees (5,000 a month short) and year-end dividends.
  mso: { openingCash: 100000 },
  compliance: {
    answers: allAnswered("2026-01-02"),
    pcs: { "Solo PC": { physicianOwned: "Yes", ownerLicensed: "Yes" } },
  },
});

/** Every compliance question of MODEL.md v2.1 (the oracle's list, typed from it) answered Yes on `date`. */
export function allAnswered(date: string) {
  return Object.fromEntries(QUESTION_IDS.map((id) => [id, { answer: "Yes" as const, date }]));
}
