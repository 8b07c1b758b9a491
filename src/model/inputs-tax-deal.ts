/**
 * Taxes across the structure, the MSO's opening cash and the deal's exit value: the v2.2 view of
 * what the owners keep. Rates are inputs, not advice.
 */
import { z } from "zod";
import { LOSS_TREATMENTS, MSO_ENTITIES } from "./inputs-allowed";
import { enumOf, fraction, money, typeError } from "./inputs-field-schemas";

export const taxSchema = z.strictObject({
  msoFederalRate: fraction("msoFederalRate", 0, 1).describe(
    "The MSO's federal income tax rate (0.21 = 21%).",
  ),
  msoStateRate: fraction("msoStateRate", 0, 1).describe(
    "The MSO's state income tax rate, deductible federally: combined = state + federal × (1 − state).",
  ),
  // v2.2: tax across the structure. Rates are inputs, not advice.
  msoEntity: enumOf(MSO_ENTITIES, "msoEntity")
    .default("c-corp")
    .describe(
      "c-corp: the MSO pays entity tax and dividends; pass-through: its owners pay tax on its income.",
    ),
  /** C-corp only: `refund` (v1: a loss month gives a benefit) or `carryforward` (NOL, 80% limit). */
  losses: enumOf(LOSS_TREATMENTS, "losses")
    .default("refund")
    .describe(
      "C-corp: refund (a loss gives a tax benefit at once) or carryforward (losses offset up to 80% of later years).",
    ),
  ownerRate: fraction("ownerRate", 0, 1)
    .default(0.37)
    .describe("Pass-through MSO: the owners' tax rate on its pre-tax income."),
  msoPayoutShare: fraction("msoPayoutShare", 0, 1)
    .default(1)
    .describe("C-corp: share of each year's positive net income paid out as dividends."),
  dividendRate: fraction("dividendRate", 0, 1)
    .default(0.238)
    .describe("C-corp: the owners' tax rate on dividends."),
  physicianRate: fraction("physicianRate", 0, 1)
    .default(0.4)
    .describe("The physicians' tax rate on their compensation and PC distributions."),
});

export const msoSchema = z.strictObject({
  openingCash: money("openingCash").default(0).describe("The MSO's cash at the start (dollars)."),
});

export const dealSchema = z.strictObject({
  /** Enterprise value = multiple × the last 12 months' EBITDA attributable to the MSO; null = none. */
  exitMultiple: z
    .number({ error: typeError("exitMultiple", "a number more than 0, or null") })
    .finite()
    .gt(0, "exitMultiple must be more than 0 (or null for no exit value)")
    .max(100, "exitMultiple must be at most 100")
    .nullable()
    .default(null)
    .describe("Exit multiple of the last 12 months' EBITDA attributable to the MSO; null: no exit value."),
});
