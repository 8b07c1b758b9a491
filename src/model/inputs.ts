/**
 * The model's inputs file (MODEL.md "Inputs file"): a zod schema that checks every field, fills
 * the documented defaults, and refuses a bad file whole. Error messages start with the field's
 * path (`pcs[2].state: …`) and name the allowed values, because an analyst fixes the JSON by hand.
 */
import { iso, z } from "zod";
import { dec } from "../engine/decimal";

/** 50 states and DC: a PC must be in one of them (the CPOM table on the Reference sheet). */
export const US_STATE_CODES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
  "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
  "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
] as const; // prettier-ignore
export type StateCode = (typeof US_STATE_CODES)[number];

export const DRIVERS = ["collections", "providerFtes", "visits", "equal"] as const;
export type Driver = (typeof DRIVERS)[number];
export const FEE_STRUCTURES = ["cost-plus", "fixed", "hybrid"] as const;
export const FMV_METHODS = ["IRS", "INC", "EXC", "MINMAX"] as const;
/** LOC.AFRTEST accepts these compounding frequencies for the note and for the AFR. */
export const NOTE_COMPOUNDINGS = [1, 2, 4, 12, 365] as const;
export const AFR_COMPOUNDINGS = [1, 2, 4, 12] as const;
export const DRAW_MODES = ["deferral", "cash"] as const;
export const MSO_ENTITIES = ["c-corp", "pass-through"] as const;
export const LOSS_TREATMENTS = ["refund", "carryforward"] as const;

/** The six service lines of the seed article, used when the file gives none. */
export const DEFAULT_SERVICE_LINES: ServiceLine[] = [
  { name: "Revenue cycle management", annualCost: 1800000, annualGrowth: 0.03, driver: "collections" },
  { name: "IT infrastructure (EHR, cybersecurity, telehealth)", annualCost: 900000, annualGrowth: 0.05, driver: "providerFtes" },
  { name: "HR and payroll", annualCost: 450000, annualGrowth: 0.03, driver: "providerFtes" },
  { name: "Compliance and risk management", annualCost: 300000, annualGrowth: 0.03, driver: "equal" },
  { name: "Marketing and patient engagement", annualCost: 350000, annualGrowth: 0.04, driver: "visits" },
  { name: "Financial management and tax strategy", annualCost: 400000, annualGrowth: 0.03, driver: "collections" },
]; // prettier-ignore

const list = (values: readonly (string | number)[]) => values.map((v) => JSON.stringify(v)).join(", ");

/**
 * The message for a value of the wrong type, or for a required field left out: the path is put in
 * front by parseInputs, so a missing markup reads `fee.markup: required; a number from 0 to 10 …`.
 */
const typeError = (what: string, expected: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? `required; ${expected}` : `${what} must be ${expected}`;

const money = (what: string) =>
  z
    .number({ error: typeError(what, "a number (an amount in dollars, 0 or more)") })
    .finite()
    .min(0, `${what} must be 0 or more`);
const fraction = (what: string, min: number, max: number) =>
  z
    .number({ error: typeError(what, `a number from ${min} to ${max} (a fraction, 0.05 = 5%)`) })
    .min(min, `${what} must be between ${min} and ${max} (a fraction, 0.05 = 5%)`)
    .max(max, `${what} must be between ${min} and ${max} (a fraction, 0.05 = 5%)`);
const positive = (what: string) =>
  z
    .number({ error: typeError(what, "a number more than 0") })
    .finite()
    .gt(0, `${what} must be more than 0`);
/**
 * A percentile with at most 6 decimal places. FMV.RANGE takes k = p × n exactly in decimal, the
 * portable formula as ROUND(p × n, 10) in floating point; for p with at most 6 decimals and n ≤ 200
 * benchmarks the two are the same number, so both modes pick the same order statistics (a p such
 * as 0.3333333333333333 gives k = 0.9999999999999999 in decimal but 1 once rounded).
 */
const PERCENTILE_DECIMALS = 6;
const percentileInput = (what: string) =>
  fraction(what, 0, 1).refine((p) => dec(p).decimalPlaces() <= PERCENTILE_DECIMALS, {
    error: (iss) =>
      `at most ${PERCENTILE_DECIMALS} decimal places (e.g. 0.333333); got ${JSON.stringify(iss.input)}`,
  });
const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `required; one of ${list(values)}`
        : `unknown ${what} ${JSON.stringify(iss.input)}; allowed: ${list(values)}`,
  });
const oneOfNumbers = <T extends readonly number[]>(values: T, what: string) =>
  z.number({ error: typeError(what, `one of ${list(values)}`) }).refine((v) => values.includes(v), {
    error: (iss) => `${what} must be one of ${list(values)}; got ${JSON.stringify(iss.input)}`,
  });

/**
 * ISO date `YYYY-MM-DD` that exists on the calendar and is in Excel's usable range. `iso` is imported
 * by name: webpack 5.113 binds `z.iso` (zod 4.6's `export * as iso`) to the wrong module, so in the
 * browser bundles `z.iso.date()` was `z.date()` and refused every date string.
 */
const isoDate = iso
  .date({
    error: (iss) =>
      iss.input === undefined
        ? "required; an ISO date YYYY-MM-DD"
        : `must be an ISO date YYYY-MM-DD; got ${JSON.stringify(iss.input)}`,
  })
  .refine((d) => d >= "1900-03-01" && d <= "9999-12-31", "must be on or after 1900-03-01");

const serviceLineSchema = z.strictObject({
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

const pcSchema = z.strictObject({
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
});
export type PcInputs = z.output<typeof pcSchema>;

const feeSchema = z
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

const fmvSchema = z
  .strictObject({
    benchmarks: z
      .array(
        z.number({ error: "each benchmark must be a number (a markup on cost, 0.05 = 5%)" }).min(-1).max(10),
        { error: typeError("benchmarks", "an array of numbers (markups on cost, 0.05 = 5%)") },
      )
      .min(1, "benchmarks must hold at least one number")
      .max(200, "benchmarks may hold at most 200 numbers")
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
    lastAssessment: isoDate.describe(
      "Date of the last FMV assessment (YYYY-MM-DD); the check wants it at most 365 days before the start.",
    ),
  })
  .superRefine((f, ctx) => {
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
  });

const locSchema = z.strictObject({
  limit: money("limit").describe("The agreed credit limit of each PC's line (dollars)."),
  rate: fraction("rate", 0, 1).describe("The line's nominal annual interest rate (0.05 = 5%)."),
  rateCompounding: oneOfNumbers(NOTE_COMPOUNDINGS, "rateCompounding")
    .default(12)
    .meta({
      description: "Times a year the note's rate compounds, for the AFR test.",
      enum: [...NOTE_COMPOUNDINGS],
    }),
  afr: fraction("afr", 0, 1).describe(
    "The applicable federal rate the note is tested against (0.043 = 4.3%).",
  ),
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

const taxSchema = z.strictObject({
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

const msoSchema = z.strictObject({
  openingCash: money("openingCash").default(0).describe("The MSO's cash at the start (dollars)."),
});

const dealSchema = z.strictObject({
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
  })
  .superRefine((inp, ctx) => {
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

/** Months from `start` to `month` (both YYYY-MM), counted so that `start` itself is month 1. */
export function monthIndex(start: string, month: string): number {
  const [sy, sm] = start.split("-").map(Number);
  const [y, m] = month.split("-").map(Number);
  return (y - sy) * 12 + (m - sm) + 1;
}

/** The YYYY-MM of the last month of a horizon of `months` months from `start`. */
export function lastMonth(start: string, months: number): string {
  const [sy, sm] = start.split("-").map(Number);
  const k = sy * 12 + (sm - 1) + months - 1;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
}

/** A PC's joining month j (1-based month of the model): its joinMonth, or 1 (startMonth) when not given. */
export function joinMonthIndex(
  inputs: Pick<ModelInputs, "startMonth">,
  pc: Pick<PcInputs, "joinMonth">,
): number {
  return pc.joinMonth === undefined ? 1 : monthIndex(inputs.startMonth, pc.joinMonth);
}

export type ModelInputs = z.output<typeof inputsSchema>;
export type ModelInputsJson = z.input<typeof inputsSchema>;

/** `["pcs", 2, "state"]` → `pcs[2].state`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(root)" : out;
}

export type ParseResult = { ok: true; inputs: ModelInputs } | { ok: false; errors: string[] };

/**
 * An inputs file may name its JSON Schema (`"$schema": "../schema/inputs.schema.json"`) so editors
 * validate and complete it; the key says nothing about the model and is dropped before validation.
 */
function withoutSchemaKey(json: unknown): unknown {
  if (json === null || typeof json !== "object" || Array.isArray(json) || !("$schema" in json)) return json;
  const { $schema, ...rest } = json as Record<string, unknown>;
  return typeof $schema === "string" ? rest : json;
}

/** Validates a parsed JSON value; never returns a partly valid model. */
export function parseInputs(json: unknown): ParseResult {
  const result = inputsSchema.safeParse(withoutSchemaKey(json));
  if (result.success) return { ok: true, inputs: result.data };
  const errors = result.error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      const where = formatPath(issue.path);
      return issue.keys
        .map(
          (k) => `${where === "(root)" ? k : `${where}.${k}`}: unknown field (not part of the inputs file)`,
        )
        .join("\n");
    }
    // zod's wording for a missing field ("expected object, received undefined") says it indirectly.
    if (issue.code === "invalid_type" && /received undefined$/.test(issue.message))
      return `${formatPath(issue.path)}: required field is missing (expected ${issue.expected})`;
    return `${formatPath(issue.path)}: ${issue.message}`;
  });
  return { ok: false, errors: errors.flatMap((e) => e.split("\n")) };
}
