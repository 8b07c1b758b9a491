/**
 * The answers to the Compliance sheet's questions and each PC's CPOM ownership answers, keyed by
 * question id and by PC name, with the checks that every key names a known question or PC.
 */
import { z } from "zod";
import { ANSWERS, COMPLIANCE_QUESTIONS, YES_NO } from "./inputs-allowed";
import { enumOf, isoDate, list, typeError } from "./inputs-field-schemas";
import type { PcInputs } from "./inputs-pcs";
import type { ModelInputs } from "./inputs-schema";

const answerSchema = z.strictObject({
  answer: enumOf(ANSWERS, "answer").describe("Yes, No or N/A (N/A is an answer)."),
  date: isoDate.describe("When the question was answered (YYYY-MM-DD); an answer needs a date."),
  by: z
    .string({ error: typeError("by", "text") })
    .max(120)
    .optional()
    .describe("Who answered (optional)."),
  note: z
    .string({ error: typeError("note", "text") })
    .max(500)
    .optional()
    .describe("Evidence or a note (optional)."),
});
const ownershipSchema = z.strictObject({
  physicianOwned: enumOf(YES_NO, "physicianOwned")
    .optional()
    .describe("Yes: the PC is physician-owned and operated."),
  ownerLicensed: enumOf(YES_NO, "ownerLicensed")
    .optional()
    .describe("Yes: its owner is licensed in the PC's state (professional-corporation statutes require it)."),
});
/** Answers to the Compliance sheet's questions, and each PC's CPOM ownership answers (by PC name). */
export const complianceSchema = z.strictObject({
  answers: z
    .record(z.string(), answerSchema)
    .default({})
    .describe(
      "Answers by question id (cpom-laws, physician-owned, fee-fmv, fee-documentation, cost-allocation, loc-needed, annual-fmv, fees-regulation, separate-statements, tax-compliance): answer Yes, No or N/A, date, optional by and note.",
    ),
  pcs: z
    .record(z.string(), ownershipSchema)
    .default({})
    .describe(
      "CPOM ownership answers by PC name (ignoring case): physicianOwned and ownerLicensed, Yes or No.",
    ),
});

/** Compliance answers name known question ids; ownership answers name PCs (ignoring case). */
export function checkCompliance(
  inp: { pcs: PcInputs[]; compliance: z.output<typeof complianceSchema> },
  ctx: z.RefinementCtx,
): void {
  const ids = COMPLIANCE_QUESTIONS.map((q) => q.id as string);
  for (const id of Object.keys(inp.compliance.answers))
    if (!ids.includes(id))
      ctx.addIssue({
        code: "custom",
        path: ["compliance", "answers", id],
        message: `unknown question id ${JSON.stringify(id)}; allowed: ${list(ids)}`,
      });
  const names = inp.pcs.map((p) => p.name.toLowerCase());
  const seen = new Set<string>();
  for (const key of Object.keys(inp.compliance.pcs)) {
    const k = key.toLowerCase();
    if (!names.includes(k))
      ctx.addIssue({
        code: "custom",
        path: ["compliance", "pcs", key],
        message: `no PC named ${JSON.stringify(key)}; keys are PC names (ignoring case): ${list(inp.pcs.map((p) => p.name))}`,
      });
    else if (seen.has(k))
      ctx.addIssue({
        code: "custom",
        path: ["compliance", "pcs", key],
        message: `PC ${JSON.stringify(key)} is given twice (keys match PC names ignoring case)`,
      });
    seen.add(k);
  }
}

/** A PC's ownership answers from `compliance.pcs`, whose keys match PC names ignoring case. */
export function ownershipOf(inp: ModelInputs, pcName: string): z.output<typeof ownershipSchema> {
  const key = Object.keys(inp.compliance.pcs).find((k) => k.toLowerCase() === pcName.toLowerCase());
  return key === undefined ? {} : inp.compliance.pcs[key];
}
