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
    .max(120, "name must be at most 120 characters"),
  annualCost: positive("annualCost"),
  annualGrowth: fraction("annualGrowth", -0.5, 1).default(0),
  driver: enumOf(DRIVERS, "driver"),
});
export type ServiceLine = z.output<typeof serviceLineSchema>;

const physicianCompSchema = z.discriminatedUnion(
  "mode",
  [
    z.strictObject({ mode: z.literal("residual") }),
    z.strictObject({ mode: z.literal("fixed"), annual: money("physicianComp.annual") }),
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
    .max(120, "name must be at most 120 characters"),
  state: z
    .string({ error: typeError("state", "a 2-letter US state or DC code") })
    .refine((s) => (US_STATE_CODES as readonly string[]).includes(s), {
      error: (iss) =>
        `unknown state code ${JSON.stringify(iss.input)}; allowed: the 50 US states and DC as 2 capital letters (${US_STATE_CODES.join(", ")})`,
    }),
  owner: z.string().max(120).default(""),
  annualCollections: positive("annualCollections"),
  annualGrowth: fraction("annualGrowth", -0.5, 1).default(0),
  annualClinicalCosts: money("annualClinicalCosts"),
  providerFtes: positive("providerFtes"),
  annualVisits: positive("annualVisits"),
  annualPassThrough: money("annualPassThrough").default(0),
  physicianComp: physicianCompSchema.default({ mode: "residual" }),
  /** The PC's line-of-credit balance owed to the MSO at the start of the first month (an acquisition). */
  locOpeningBalance: money("locOpeningBalance").default(0),
});
export type PcInputs = z.output<typeof pcSchema>;

const feeSchema = z
  .strictObject({
    structure: enumOf(FEE_STRUCTURES, "fee structure").default("cost-plus"),
    markup: fraction("markup", 0, 10),
    fixedMonthly: money("fixedMonthly").default(0),
    monthlyCap: money("monthlyCap").nullable().default(null),
    monthlyFloor: money("monthlyFloor").nullable().default(null),
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
      .max(200, "benchmarks may hold at most 200 numbers"),
    method: enumOf(FMV_METHODS, "method").default("IRS"),
    lowPct: percentileInput("lowPct").default(0.25),
    highPct: percentileInput("highPct").default(0.75),
    lastAssessment: isoDate,
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
  limit: money("limit"),
  rate: fraction("rate", 0, 1),
  rateCompounding: oneOfNumbers(NOTE_COMPOUNDINGS, "rateCompounding").default(12),
  afr: fraction("afr", 0, 1),
  afrCompounding: oneOfNumbers(AFR_COMPOUNDINGS, "afrCompounding").default(1),
  deferralShare: fraction("deferralShare", 0, 1).default(0),
  monthlyRepayment: money("monthlyRepayment").default(0),
  capitalizeInterest: z.boolean({ error: typeError("capitalizeInterest", "true or false") }).default(false),
  buffer: fraction("buffer", 0, 10).default(0),
  lot: money("lot").default(0),
});

const taxSchema = z.strictObject({
  msoFederalRate: fraction("msoFederalRate", 0, 1),
  msoStateRate: fraction("msoStateRate", 0, 1),
});

export const inputsSchema = z
  .strictObject({
    name: z
      .string({ error: typeError("name", "text") })
      .trim()
      .min(1, "name must not be empty")
      .max(200),
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
      }),
    months: z
      .number({ error: typeError("months", "a whole number from 12 to 120") })
      .int("months must be a whole number from 12 to 120")
      .min(12, "months must be a whole number from 12 to 120")
      .max(120, "months must be a whole number from 12 to 120"),
    serviceLines: z
      .array(serviceLineSchema)
      .min(1, "serviceLines must hold at least one line")
      .max(30)
      .default(() => DEFAULT_SERVICE_LINES.map((s) => ({ ...s }))),
    pcs: z
      .array(pcSchema, { error: typeError("pcs", "an array of 1 to 50 PCs") })
      .min(1, "pcs must hold 1 to 50 PCs")
      .max(50, "pcs must hold 1 to 50 PCs"),
    fee: feeSchema,
    fmv: fmvSchema,
    loc: locSchema,
    tax: taxSchema,
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
    });
  });

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

/** Validates a parsed JSON value; never returns a partly valid model. */
export function parseInputs(json: unknown): ParseResult {
  const result = inputsSchema.safeParse(json);
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
