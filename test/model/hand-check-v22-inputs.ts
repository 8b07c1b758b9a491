/**
 * The v2.2 hand-check model: 24 months, one de novo PC joining in month 7 (2026-07), collection
 * lag 1, fee payment lag 1, the cash draw mode, fixed physician compensation, collections halved in
 * year 2, a C-corp MSO carrying its year-1 loss forward. Small enough that every number in
 * oracle-v22.test.ts is worked out by hand from these inputs.
 */
import { ModelInputsJson } from "../../src/model/inputs";
import { allAnswered } from "./hand-check-inputs";

export const handCheckV22Json = (): ModelInputsJson => ({
  name: "Hand check v2.2",
  startMonth: "2026-01",
  months: 24,
  serviceLines: [{ name: "Shared services", annualCost: 120000, annualGrowth: 0, driver: "equal" }],
  pcs: [
    {
      name: "New PC",
      state: "FL",
      annualCollections: 240000, // 20,000 a month in year 1, 10,000 in year 2 (growth −50%)
      annualGrowth: -0.5,
      annualClinicalCosts: 60000, // 5,000 a month, then 2,500
      providerFtes: 2,
      annualVisits: 5000,
      physicianComp: { mode: "fixed", annual: 36000 }, // 3,000 a month
      joinMonth: "2026-07",
      purchasePrice: 50000,
      deNovo: true,
      collectionLagMonths: 1,
    },
  ],
  fee: { structure: "cost-plus", markup: 0.1, paymentLagMonths: 1 },
  // v2.1: an assessment in the 12 months before each model year's first day.
  fmv: { benchmarks: [0.08, 0.09, 0.11, 0.12], method: "IRS", assessments: ["2025-06-30", "2026-06-30"] },
  loc: { limit: 100000, rate: 0.0365, afr: 0.03, drawMode: "cash" },
  tax: { msoFederalRate: 0.21, msoStateRate: 0.05, losses: "carryforward" },
  mso: { openingCash: 200000 },
  deal: { exitMultiple: 8 },
  // v2.1: every compliance question answered and dated; the PC physician-owned by a licensed owner.
  compliance: {
    answers: allAnswered("2026-01-02"),
    pcs: { "New PC": { physicianOwned: "Yes", ownerLicensed: "Yes" } },
  },
});
