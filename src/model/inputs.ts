/**
 * The model's inputs file (MODEL.md "Inputs file"): a zod schema that checks every field, fills
 * the documented defaults, and refuses a bad file whole. Error messages start with the field's
 * path (`pcs[2].state: …`) and name the allowed values, because an analyst fixes the JSON by hand.
 */
import { z } from "zod";
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
/**
 * The model pays or capitalises interest monthly, so the note compounds monthly (v2.1): the only
 * `rateCompounding` accepted. LOC.AFRTEST accepts these compoundings for the AFR.
 */
export const NOTE_COMPOUNDINGS = [12] as const;
export const AFR_COMPOUNDINGS = [1, 2, 4, 12] as const;
/** The AFR table's terms (columns of the Reference sheet's AFR table). */
export const AFR_TERMS = ["short", "mid", "long"] as const;
export const PHYSICIAN_COMP_MODES = ["residual", "fixed"] as const;
/** A compliance answer; the CPOM ownership answers are Yes or No. */
export const ANSWERS = ["Yes", "No", "N/A"] as const;
export const YES_NO = ["Yes", "No"] as const;
/** FMV benchmarks: a block of this many input rows on the Inputs sheet (MODEL.md v2.1). */
export const MAX_BENCHMARKS = 50;
/** FMV assessments: a block of this many input rows on the Inputs sheet. */
export const MAX_ASSESSMENTS = 20;
/** A PC's tab is "PC – " and at most this many characters of its short name (or name). */
export const TAB_NAME_CHARS = 24;

/**
 * The seed's considerations checklist (MODEL.md v2.1 "Compliance sheet"): stable ids, in order,
 * with the question as the Compliance sheet shows it.
 */
export const COMPLIANCE_QUESTIONS = [
  { id: "cpom-laws", group: "Legal and structural", text: "Will the MSO follow state CPOM laws?" },
  { id: "physician-owned", group: "Legal and structural", text: "Will all PCs be physician-owned and operated?" },
  { id: "fee-fmv", group: "Legal and structural", text: "Will the MSA fee structure align with FMV and regulation?" },
  { id: "fee-documentation", group: "Financial and operational", text: "How will MSA fees be documented in the financial statements?" },
  { id: "cost-allocation", group: "Financial and operational", text: "How will costs be allocated between the MSO and the PCs?" },
  { id: "loc-needed", group: "Financial and operational", text: "Is a line of credit necessary?" },
  { id: "annual-fmv", group: "Best practices", text: "Annual FMV assessment of the MSA fee" },
  { id: "fees-regulation", group: "Best practices", text: "Fees confirmed to meet regulation" },
  { id: "separate-statements", group: "Best practices", text: "Separate financial statements per entity" },
  { id: "tax-compliance", group: "Best practices", text: "Federal and state tax compliance" },
] as const; // prettier-ignore
export type ComplianceId = (typeof COMPLIANCE_QUESTIONS)[number]["id"];

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

/** ISO date `YYYY-MM-DD` that exists on the calendar and is in Excel's usable range. */
const isoDate = z.iso
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
    .optional(),
  // Per-PC terms (v2.1): left out, the group's value (fee.*, loc.limit) applies.
  markup: fraction("markup", 0, 10).optional(),
  fixedMonthly: money("fixedMonthly").optional(),
  monthlyCap: money("monthlyCap").optional(),
  monthlyFloor: money("monthlyFloor").optional(),
  locLimit: money("locLimit").optional(),
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
      .max(MAX_BENCHMARKS, `benchmarks may hold at most ${MAX_BENCHMARKS} numbers`),
    method: enumOf(FMV_METHODS, "method").default("IRS"),
    lowPct: percentileInput("lowPct").default(0.25),
    highPct: percentileInput("highPct").default(0.75),
    /** Dates of FMV assessments done or planned; `lastAssessment` alone means `[lastAssessment]`. */
    assessments: z
      .array(isoDate, { error: typeError("assessments", "an array of ISO dates YYYY-MM-DD") })
      .min(1, "assessments must hold at least one date")
      .max(MAX_ASSESSMENTS, `assessments may hold at most ${MAX_ASSESSMENTS} dates`)
      .optional(),
    lastAssessment: isoDate.optional(),
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

const locSchema = z.strictObject({
  limit: money("limit"),
  rate: fraction("rate", 0, 1),
  rateCompounding: oneOfNumbers(NOTE_COMPOUNDINGS, "rateCompounding").default(12),
  /** null (or left out): looked up on the Reference sheet's AFR table. */
  afr: fraction("afr", 0, 1).nullable().default(null),
  afrTerm: enumOf(AFR_TERMS, "afrTerm").default("short"),
  afrCompounding: oneOfNumbers(AFR_COMPOUNDINGS, "afrCompounding").default(1),
  deferralShare: fraction("deferralShare", 0, 1).default(0),
  monthlyRepayment: money("monthlyRepayment").default(0),
  capitalizeInterest: z.boolean({ error: typeError("capitalizeInterest", "true or false") }).default(false),
  buffer: fraction("buffer", 0, 10).default(0),
  lot: money("lot").default(0),
});

const answerSchema = z.strictObject({
  answer: enumOf(ANSWERS, "answer"),
  date: isoDate,
  by: z
    .string({ error: typeError("by", "text") })
    .max(120)
    .optional(),
  note: z
    .string({ error: typeError("note", "text") })
    .max(500)
    .optional(),
});
const ownershipSchema = z.strictObject({
  physicianOwned: enumOf(YES_NO, "physicianOwned").optional(),
  ownerLicensed: enumOf(YES_NO, "ownerLicensed").optional(),
});
/** Answers to the Compliance sheet's questions, and each PC's CPOM ownership answers (by PC name). */
const complianceSchema = z.strictObject({
  answers: z.record(z.string(), answerSchema).default({}),
  pcs: z.record(z.string(), ownershipSchema).default({}),
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
    compliance: complianceSchema.default({ answers: {}, pcs: {} }),
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
    });
  });

type Ctx = z.RefinementCtx;
type Parsed = {
  pcs: PcInputs[];
  fee: z.output<typeof feeSchema>;
  compliance: z.output<typeof complianceSchema>;
};

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
function checkTabNames(pcs: PcInputs[], ctx: Ctx): void {
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

/** A PC's effective floor (its own, else the group's) may not be above its effective cap. */
function checkTerms(inp: Parsed, ctx: Ctx): void {
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

/** Compliance answers name known question ids; ownership answers name PCs (ignoring case). */
function checkCompliance(inp: Parsed, ctx: Ctx): void {
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
