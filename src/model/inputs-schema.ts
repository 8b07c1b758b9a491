/**
 * The whole inputs file: its top-level fields in the order the docs and the JSON Schema list them,
 * and the checks that need more than one section (PC names, terms against the fee, compliance keys,
 * joining months against the horizon).
 */
import { z } from "zod";
import { checkCompliance, complianceSchema } from "./inputs-compliance";
import { checkTerms, feeSchema, fmvSchema } from "./inputs-fee-fmv";
import { typeError } from "./inputs-field-schemas";
import { locSchema } from "./inputs-loc";
import { lastMonth, monthIndex } from "./inputs-months";
import { DEFAULT_SERVICE_LINES, checkTabNames, pcSchema, serviceLineSchema } from "./inputs-pcs";
import { dealSchema, msoSchema, taxSchema } from "./inputs-tax-deal";

export const inputsSchema = z
  .strictObject({
    name: z
      .string({ error: typeError("name", "text") })
      .trim()
      .min(1, "name must not be empty")
      .max(200)
      .describe("The model's title, shown on its sheets."),
    startMonth: z
      .string({ error: typeError("startMonth", 'text YYYY-MM (e.g. "2026-01")') })
      .regex(/^(19|20|21)\d\d-(0[1-9]|1[0-2])$/, {
        error: (iss) => `startMonth must be YYYY-MM (e.g. "2026-01"); got ${JSON.stringify(iss.input)}`,
      })
      // Excel's 1900 date system counts a 1900-02-29 that never was: its serials before March 1900
      // are one day off, so the model's month ends and day counts would be wrong there.
      .refine((m) => m >= "1900-03", {
        error: (iss) =>
          `startMonth must be 1900-03 or later (Excel's 1900 dates before March 1900 are off by one day); got ${JSON.stringify(iss.input)}`,
      })
      .describe("The first month of the timeline, YYYY-MM, 1900-03 or later."),
    months: z
      .number({ error: typeError("months", "a whole number from 12 to 120") })
      .int("months must be a whole number from 12 to 120")
      .min(12, "months must be a whole number from 12 to 120")
      .max(120, "months must be a whole number from 12 to 120")
      .describe("Length of the monthly timeline."),
    serviceLines: z
      .array(serviceLineSchema)
      .min(1, "serviceLines must hold at least one line")
      .max(30)
      .default(() => DEFAULT_SERVICE_LINES.map((s) => ({ ...s })))
      .describe("The MSO's shared services, whose costs are allocated to the PCs."),
    pcs: z
      .array(pcSchema, { error: typeError("pcs", "an array of 1 to 50 PCs") })
      .min(1, "pcs must hold 1 to 50 PCs")
      .max(50, "pcs must hold 1 to 50 PCs")
      .describe("The professional corporations the MSO serves, 1 to 50."),
    fee: feeSchema.describe("The MSA fee each PC pays the MSO."),
    fmv: fmvSchema.describe("The fair-market-value range the realised markup is tested against."),
    loc: locSchema.describe("The MSO-to-PC line of credit, one line per PC on the same terms."),
    tax: taxSchema.describe(
      "Taxes across the structure; the PCs are pass-through entities. Rates are inputs, not advice.",
    ),
    mso: msoSchema.default({ openingCash: 0 }).describe("The MSO's own balance sheet at the start."),
    deal: dealSchema.default({ exitMultiple: null }).describe("The deal view: exit value of the MSO."),
    compliance: complianceSchema
      .default({ answers: {}, pcs: {} })
      .describe("Answers to the Compliance sheet's questions and each PC's CPOM ownership answers."),
  })
  .superRefine((inp, ctx) => {
    checkTabNames(inp.pcs, ctx);
    checkTerms(inp, ctx);
    checkCompliance(inp, ctx);
    const seen = new Map<string, number>();
    inp.pcs.forEach((pc, i) => {
      const key = pc.name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["pcs", i, "name"],
          message: `duplicate PC name ${JSON.stringify(pc.name)} (same as pcs[${first}].name); PC names must be unique`,
        });
      else seen.set(key, i);
      // v2.2: a joining month inside the horizon; an opening LOC balance only for a PC there from the start.
      if (pc.joinMonth !== undefined) {
        const j = monthIndex(inp.startMonth, pc.joinMonth);
        if (j < 1 || j > inp.months)
          ctx.addIssue({
            code: "custom",
            path: ["pcs", i, "joinMonth"],
            message: `joinMonth must be inside the model's horizon, from ${inp.startMonth} to ${lastMonth(inp.startMonth, inp.months)}; got ${JSON.stringify(pc.joinMonth)}`,
          });
        else if (j > 1 && pc.locOpeningBalance !== 0)
          ctx.addIssue({
            code: "custom",
            path: ["pcs", i, "locOpeningBalance"],
            message: `locOpeningBalance must be 0 for a PC joining after startMonth (joinMonth ${pc.joinMonth}); an opening balance belongs to a PC there from ${inp.startMonth}`,
          });
      }
    });
  });

export type ModelInputs = z.output<typeof inputsSchema>;
export type ModelInputsJson = z.input<typeof inputsSchema>;
