/**
 * The PCs of the inputs file and the MSO's service lines whose costs they share: each PC's own
 * fields (v1, its v2.1 terms and tab name, its v2.2 joining and cash), and the tab-name rule.
 */
import { z } from "zod";
import { DRIVERS, TAB_NAME_CHARS, US_STATE_CODES } from "./inputs-allowed";
import { enumOf, fraction, money, positive, typeError } from "./inputs-field-schemas";

export const serviceLineSchema = z.strictObject({
  name: z
    .string({ error: typeError("name", "text") })
    .trim()
    .min(1, "name must not be empty")
    .max(120, "name must be at most 120 characters")
    .describe("The service line's name, as its row label on the MSO sheet."),
  annualCost: positive("annualCost").describe(
    "What the MSO spends on this service a year, at the start month's run rate (dollars).",
  ),
  annualGrowth: fraction("annualGrowth", -0.5, 1)
    .default(0)
    .describe("Yearly growth of the cost, applied once per model year (0.03 = 3%)."),
  driver: enumOf(DRIVERS, "driver").describe(
    "How the cost is shared among the PCs: by collections, provider FTEs, visits, or equally.",
  ),
});
export type ServiceLine = z.output<typeof serviceLineSchema>;

/** The six service lines of the seed article, used when the file gives none. */
export const DEFAULT_SERVICE_LINES: ServiceLine[] = [
  { name: "Revenue cycle management", annualCost: 1800000, annualGrowth: 0.03, driver: "collections" },
  { name: "IT infrastructure (EHR, cybersecurity, telehealth)", annualCost: 900000, annualGrowth: 0.05, driver: "providerFtes" },
  { name: "HR and payroll", annualCost: 450000, annualGrowth: 0.03, driver: "providerFtes" },
  { name: "Compliance and risk management", annualCost: 300000, annualGrowth: 0.03, driver: "equal" },
  { name: "Marketing and patient engagement", annualCost: 350000, annualGrowth: 0.04, driver: "visits" },
  { name: "Financial management and tax strategy", annualCost: 400000, annualGrowth: 0.03, driver: "collections" },
]; // prettier-ignore

const physicianCompSchema = z.discriminatedUnion(
  "mode",
  [
    z.strictObject({
      mode: z.literal("residual").describe("The physicians take what is left: the PC's net income is 0."),
    }),
    z.strictObject({
      mode: z.literal("fixed").describe("The physicians are paid a fixed amount a year."),
      annual: money("physicianComp.annual").describe(
        "Physician compensation a year (dollars), paid monthly.",
      ),
    }),
  ],
  {
    error: (iss) =>
      `mode must be "residual" or "fixed" (with "annual"); got ${JSON.stringify((iss.input as { mode?: unknown })?.mode)}`,
  },
);

export const pcSchema = z.strictObject({
  name: z
    .string({ error: typeError("name", "text") })
    .trim()
    .min(1, "name must not be empty")
    .max(120, "name must be at most 120 characters")
    .describe("The PC's name, unique ignoring case; names its sheet."),
  state: z
    .string({ error: typeError("state", "a 2-letter US state or DC code") })
    .refine((s) => (US_STATE_CODES as readonly string[]).includes(s), {
      error: (iss) =>
        `unknown state code ${JSON.stringify(iss.input)}; allowed: the 50 US states and DC as 2 capital letters (${US_STATE_CODES.join(", ")})`,
    })
    // The refine is invisible to JSON Schema: the list goes in the metadata so editors offer it.
    .meta({
      description: "Where the PC practises: a US state or DC, 2 capital letters.",
      enum: [...US_STATE_CODES],
    }),
  owner: z.string().max(120).default("").describe("The physician who owns the PC (a label only)."),
  annualCollections: positive("annualCollections").describe(
    "What the PC collects from patients and payers a year, at the start month's run rate (dollars).",
  ),
  annualGrowth: fraction("annualGrowth", -0.5, 1)
    .default(0)
    .describe("Yearly growth of the PC's collections and clinical costs, once per model year."),
  annualClinicalCosts: money("annualClinicalCosts").describe(
    "The PC's own clinical costs a year (dollars), growing with annualGrowth.",
  ),
  providerFtes: positive("providerFtes").describe("Full-time-equivalent providers: a cost-sharing driver."),
  annualVisits: positive("annualVisits").describe("Patient visits a year: a cost-sharing driver."),
  annualPassThrough: money("annualPassThrough")
    .default(0)
    .describe("Costs the MSO pays for the PC and bills at cost, with no markup (rent, supplies), a year."),
  physicianComp: physicianCompSchema
    .default({ mode: "residual" })
    .describe('How the physicians are paid: {"mode": "residual"} or {"mode": "fixed", "annual": …}.'),
  locOpeningBalance: money("locOpeningBalance")
    .default(0)
    .describe(
      "The PC's line-of-credit balance owed to the MSO at the start of the first month (an acquisition); only for a PC joining in startMonth.",
    ),
  // v2.2: acquisitions and PC cash (MODEL.md "v2.2"). joinMonth is left undefined when not given:
  // its default is startMonth, which this object cannot see (`joinMonthIndex` resolves it).
  joinMonth: z
    .string({ error: typeError("joinMonth", 'text YYYY-MM (e.g. "2027-04")') })
    .regex(/^(19|20|21)\d\d-(0[1-9]|1[0-2])$/, {
      error: (iss) => `joinMonth must be YYYY-MM (e.g. "2027-04"); got ${JSON.stringify(iss.input)}`,
    })
    .optional()
    .describe(
      "The month the practice joins, YYYY-MM within the timeline; before it the PC shows zeros. Default: startMonth.",
    ),
  /** Paid by the MSO at the end of the joining month; carried at cost (investment in practices). */
  purchasePrice: money("purchasePrice")
    .default(0)
    .describe(
      "What the MSO pays for the practice at the end of its joining month, carried at cost (dollars).",
    ),
  openingCash: money("openingCash").default(0).describe("The PC's cash when it joins (dollars)."),
  collectionLagMonths: z
    .number({ error: typeError("collectionLagMonths", "a whole number from 0 to 3") })
    .int("collectionLagMonths must be a whole number from 0 to 3")
    .min(0, "collectionLagMonths must be a whole number from 0 to 3")
    .max(3, "collectionLagMonths must be a whole number from 0 to 3")
    .default(0)
    .describe("Months between a visit's collections being earned and the cash arriving."),
  /** Cash the PC keeps: the revolver (cash mode) and the sweep draw and repay around it. */
  minimumCash: money("minimumCash")
    .default(0)
    .describe("Cash the PC keeps on hand; the revolver (cash mode) and the sweep draw and repay around it."),
  /** A new practice: no receivables of its own to collect while the first lagged months pass. */
  deNovo: z
    .boolean({ error: typeError("deNovo", "true or false") })
    .default(false)
    .describe(
      "true: a new practice, with no receivables of its own to collect while the first lagged months pass.",
    ),
  /** The PC's tab name (after "PC – "); without it the name is used. */
  shortName: z
    .string({ error: typeError("shortName", "text") })
    .trim()
    .min(1, "shortName must not be empty")
    .max(TAB_NAME_CHARS, `shortName must be at most ${TAB_NAME_CHARS} characters (it names the PC's tab)`)
    .refine(
      (s) => !/[[\]:*?/\\]/.test(s),
      "shortName must not contain any of [ ] : * ? / \\ (tab names cannot)",
    )
    .optional()
    .describe('The PC\'s tab name after "PC – ", at most 24 characters; without it the name is used.'),
  // Per-PC terms (v2.1): left out, the group's value (fee.*, loc.limit) applies.
  markup: fraction("markup", 0, 10).optional().describe("The PC's own markup; left out, fee.markup."),
  fixedMonthly: money("fixedMonthly")
    .optional()
    .describe("The PC's own fixed fee a month; left out, fee.fixedMonthly."),
  monthlyCap: money("monthlyCap").optional().describe("The PC's own monthly cap; left out, fee.monthlyCap."),
  monthlyFloor: money("monthlyFloor")
    .optional()
    .describe("The PC's own monthly floor; left out, fee.monthlyFloor."),
  locLimit: money("locLimit").optional().describe("The PC's own credit limit; left out, loc.limit."),
});
export type PcInputs = z.output<typeof pcSchema>;

/** The text after "PC – " on a PC's tab: its short name, else its name. */
export const tabName = (pc: { name: string; shortName?: string }): string => pc.shortName ?? pc.name;

/** The tab text of a name: characters Excel refuses in a tab name become spaces; 24 characters. */
export const tabText = (name: string): string =>
  name
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, TAB_NAME_CHARS)
    .replace(/^'+|'+$/g, "")
    .trim();

/** Two PCs whose tab names agree in their first 24 characters (ignoring case) are refused. */
export function checkTabNames(pcs: PcInputs[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  pcs.forEach((pc, i) => {
    const key = tabText(tabName(pc)).toLowerCase();
    const first = seen.get(key);
    if (first === undefined) return void seen.set(key, i);
    ctx.addIssue({
      code: "custom",
      path: ["pcs", i, "shortName"],
      message: `tab name clash: pcs[${i}] and pcs[${first}] would both be tab "PC – ${tabText(tabName(pc))}" (first ${TAB_NAME_CHARS} characters); give each a distinct shortName (at most ${TAB_NAME_CHARS} characters)`,
    });
  });
}
