/**
 * The MSO-to-PC line of credit: its terms (v1), the AFR it is tested against (v2.1) and how it is
 * drawn and repaid (v2.2).
 */
import { z } from "zod";
import { AFR_COMPOUNDINGS, AFR_TERMS, DRAW_MODES, NOTE_COMPOUNDINGS } from "./inputs-allowed";
import { enumOf, fraction, money, oneOfNumbers, typeError } from "./inputs-field-schemas";

export const locSchema = z.strictObject({
  limit: money("limit").describe("The agreed credit limit of each PC's line (dollars)."),
  rate: fraction("rate", 0, 1).describe("The line's nominal annual interest rate (0.05 = 5%)."),
  rateCompounding: oneOfNumbers(NOTE_COMPOUNDINGS, "rateCompounding")
    .default(12)
    .meta({
      description: "The note compounds monthly (interest is paid or capitalised monthly): 12 if given.",
      enum: [...NOTE_COMPOUNDINGS],
    }),
  /** null (or left out): looked up on the Reference sheet's AFR table. */
  afr: fraction("afr", 0, 1)
    .nullable()
    .default(null)
    .describe(
      "The applicable federal rate the note is tested against (0.043 = 4.3%); null: looked up on the Reference sheet at the start month.",
    ),
  afrTerm: enumOf(AFR_TERMS, "afrTerm")
    .default("short")
    .describe("The AFR table's term looked up when afr is null: short, mid or long."),
  afrCompounding: oneOfNumbers(AFR_COMPOUNDINGS, "afrCompounding")
    .default(1)
    .meta({
      description: "Compounding of the AFR column used (1 annual, 2, 4, 12 monthly).",
      enum: [...AFR_COMPOUNDINGS],
    }),
  deferralShare: fraction("deferralShare", 0, 1)
    .default(0)
    .describe("Share of each month's fee the PC defers into the line instead of paying (0.25 = 25%)."),
  monthlyRepayment: money("monthlyRepayment")
    .default(0)
    .describe("What the PC repays on the line each month, at most its balance (dollars)."),
  capitalizeInterest: z
    .boolean({ error: typeError("capitalizeInterest", "true or false") })
    .default(false)
    .describe("true: interest is added to the balance; false: it is paid in cash each month."),
  buffer: fraction("buffer", 0, 10)
    .default(0)
    .describe("Headroom added to the peak balance when sizing the required limit (0.1 = 10%)."),
  lot: money("lot")
    .default(0)
    .describe("The required limit is rounded up to a multiple of this; 0: no rounding."),
  /** v2.2: `deferral` (v1: a share of each fee goes into the line) or `cash` (a revolver on cash needs). */
  drawMode: enumOf(DRAW_MODES, "drawMode")
    .default("deferral")
    .describe(
      "deferral: a share of each fee goes into the line; cash: the line is a revolver on the PC's cash needs.",
    ),
  /** v2.2, deferral mode only: repay from cash above the PC's minimum cash each month. */
  sweep: z
    .boolean({ error: typeError("sweep", "true or false") })
    .default(false)
    .describe("Deferral mode: true repays the line from cash above minimumCash each month."),
});
