/**
 * The Inputs sheet: every assumption of the model, with units, notes and a named range per field,
 * so the other sheets' formulas read names, not addresses. Blue cells are live inputs (change one
 * and the model recalculates); grey cells are structural (the layout: start month, months, the
 * lists of PCs and service lines) and need a rebuild. Every input cell is recorded with its JSON
 * path (`inputCells`) and, where Excel can express it, a data validation.
 */
import {
  AFR_COMPOUNDINGS,
  AFR_TERMS,
  DRIVERS,
  FEE_STRUCTURES,
  FMV_METHODS,
  MAX_ASSESSMENTS,
  MAX_BENCHMARKS,
  ModelInputs,
  PHYSICIAN_COMP_MODES,
  US_STATE_CODES,
} from "../inputs";
import { PlanInputCell, PlanName, PlanScalar, PlanTable, PlanValidation, StyleRole } from "../plan";
import { excelSerial } from "../reference";
import { FMT, SheetWriter } from "../writer";
import { INPUTS, abs } from "./names";

/** Columns of the PC table on the Inputs sheet. */
export const PC_COL = {
  name: "A",
  shortName: "B",
  state: "C",
  owner: "D",
  collections: "E",
  growth: "F",
  clinical: "G",
  ftes: "H",
  visits: "I",
  passThrough: "J",
  compMode: "K",
  compAnnual: "L",
  locOpening: "M",
  markup: "N",
  fixedMonthly: "O",
  monthlyCap: "P",
  monthlyFloor: "Q",
  locLimit: "R",
} as const;

/** Columns of the service-line table. */
export const SL_COL = { name: "A", driver: "B", cost: "C", growth: "D" } as const;

/** Where each service line and each PC sits on the Inputs sheet, and the names defined there. */
export interface InputsLayout {
  sl: { row: number }[];
  pc: { row: number }[];
  names: PlanName[];
  /** First and last rows of the FMV benchmark block (50 rows, filled from the top). */
  benchmarks: { first: number; last: number };
  inputCells: PlanInputCell[];
  validations: PlanValidation[];
}

/** `Inputs!$C$12`: a cell of the Inputs sheet, for formulas on other sheets. */
export const inRef = (col: string, row: number): string => `${INPUTS}!${abs(row, col)}`;

const listRule = (values: readonly (string | number)[]): PlanValidation["rule"] => ({
  kind: "list",
  values: values.map(String),
});
const between = (min?: number, max?: number): PlanValidation["rule"] => ({ kind: "decimal", min, max });
const FIRST_SERIAL = excelSerial(1900, 3, 1);
const isoSerial = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return excelSerial(y, m, d ?? 1);
};

interface Field {
  name: string;
  label: string;
  unit: string;
  value: PlanScalar;
  path: PlanInputCell["path"];
  type: PlanInputCell["type"];
  format?: string;
  note?: string;
  rule?: PlanValidation["rule"];
  allowBlank?: boolean;
  allowed?: string;
  role?: StyleRole;
}

/** Inputs sheet: every assumption, blue (grey when structural), with units and named ranges. */
export function buildInputs(inp: ModelInputs, w: SheetWriter): InputsLayout {
  const names: PlanName[] = [];
  const inputCells: PlanInputCell[] = [];
  const validations: PlanValidation[] = [];
  const name = (n: string, row: number, col = "C") =>
    names.push({ name: n, sheet: INPUTS, ref: abs(row, col) });
  /** One input cell: its value, its JSON path, its validation. */
  const input = (a1: string, f: Omit<Field, "name" | "label" | "unit">, what: string) => {
    w.value(a1, f.value, f.role ?? "input", f.format);
    inputCells.push({ path: f.path, sheet: INPUTS, a1, type: f.type });
    if (f.rule)
      validations.push({
        range: a1,
        rule: f.rule,
        allowBlank: f.allowBlank ?? false,
        error: `${what}: ${f.allowed ?? "see the note beside the cell"}`,
      });
  };
  w.label("A1", `Inputs — ${inp.name}`, "title");
  w.label(
    "A2",
    "Blue cells are inputs: change one and the model recalculates. Grey cells are structural: rebuild to change.",
    "note",
  );
  let r = 4;
  const header = (text: string) => {
    w.label(`A${r}`, text, "header");
    w.label(`B${r}`, "Unit", "header");
    w.label(`C${r}`, "Value", "header");
    w.label(`D${r}`, "Note", "header");
    r++;
  };
  const field = (f: Field) => {
    w.label(`A${r}`, f.label);
    w.label(`B${r}`, f.unit, "note");
    input(`C${r}`, f, f.path.join("."));
    const note = f.role === "structural" ? `rebuild to change${f.note ? `; ${f.note}` : ""}` : f.note;
    if (note) w.label(`D${r}`, note, "note");
    name(f.name, r);
    r++;
  };
  const [sy, sm] = inp.startMonth.split("-").map(Number);

  header("General");
  field({
    name: "Model_Name",
    label: "Model name",
    unit: "text",
    value: inp.name,
    path: ["name"],
    type: "text",
  });
  field({
    name: "StartDate",
    label: "First month",
    unit: "month",
    value: excelSerial(sy, sm, 1),
    path: ["startMonth"],
    type: "month",
    format: FMT.month,
    note: "first day of the first month",
    role: "structural",
  });
  field({
    name: "Months",
    label: "Months modelled (T)",
    unit: "months",
    value: inp.months,
    path: ["months"],
    type: "number",
    format: FMT.int,
    role: "structural",
  });
  // Conventions of the model (MODEL.md), not assumptions: shown and named so that no number is
  // typed into a formula, but black, since changing one would break the model's calendar or day
  // count (the add-in formulas' LOC.INTEREST is Actual/365 by its basis argument).
  const constant = (n: string, label: string, unit: string, value: number, note: string) => {
    w.label(`A${r}`, label);
    w.label(`B${r}`, unit, "note");
    w.value(`C${r}`, value, "formula", FMT.int);
    w.label(`D${r}`, note, "note");
    name(n, r);
    r++;
  };
  constant("MonthsPerYear", "Months per year", "months", 12, "calendar constant; the note compounds monthly");
  constant("DaysPerYear", "Days per year (Actual/365)", "days", 365, "day-count denominator (not an input)");
  constant(
    "RoundDecimals",
    "Decimal places kept before a test",
    "places",
    10,
    "clears floating-point residue, e.g. a markup on an FMV bound (convention, not an input)",
  );
  r++;
  header("MSA fee (group terms; a PC's own terms are in the PC table)");
  field({
    name: "Fee_Structure",
    label: "Fee structure",
    unit: "text",
    value: inp.fee.structure,
    path: ["fee", "structure"],
    type: "text",
    note: "cost-plus, fixed or hybrid",
    rule: listRule(FEE_STRUCTURES),
    allowed: FEE_STRUCTURES.join(", "),
  });
  field({
    name: "Fee_Markup",
    label: "Markup on allocated cost",
    unit: "%",
    value: inp.fee.markup,
    path: ["fee", "markup"],
    type: "number",
    format: FMT.pct,
    rule: between(0, 10),
    allowed: "a fraction from 0 to 10 (0.08 = 8%)",
  });
  field({
    name: "Fee_Fixed",
    label: "Fixed fee per PC per month",
    unit: "$",
    value: inp.fee.fixedMonthly,
    path: ["fee", "fixedMonthly"],
    type: "number",
    format: FMT.money,
    note: "fixed and hybrid structures",
    rule: between(0),
    allowed: "an amount, 0 or more",
  });
  field({
    name: "Fee_Cap",
    label: "Monthly cap per PC",
    unit: "$",
    value: inp.fee.monthlyCap,
    path: ["fee", "monthlyCap"],
    type: "number",
    format: FMT.money,
    note: "blank = none",
    rule: between(0),
    allowBlank: true,
    allowed: "an amount, 0 or more, or blank for none",
  });
  field({
    name: "Fee_Floor",
    label: "Monthly floor per PC",
    unit: "$",
    value: inp.fee.monthlyFloor,
    path: ["fee", "monthlyFloor"],
    type: "number",
    format: FMT.money,
    note: "blank = none",
    rule: between(0),
    allowBlank: true,
    allowed: "an amount, 0 or more, or blank for none",
  });
  r++;
  header("Fair market value");
  field({
    name: "FMV_Method",
    label: "Percentile method",
    unit: "text",
    value: inp.fmv.method,
    path: ["fmv", "method"],
    type: "text",
    note: "IRS, INC, EXC or MINMAX",
    rule: listRule(FMV_METHODS),
    allowed: FMV_METHODS.join(", "),
  });
  for (const [n, key, label] of [
    ["FMV_LowPct", "lowPct", "Low percentile"],
    ["FMV_HighPct", "highPct", "High percentile"],
  ] as const)
    field({
      name: n,
      label,
      unit: "%",
      value: inp.fmv[key],
      path: ["fmv", key],
      type: "number",
      format: FMT.pct,
      rule: between(0, 1),
      allowed: "a fraction from 0 to 1 (0.25 = 25th percentile), at most 6 decimal places",
    });
  r++;
  // A block of dated assessments filled from the top; COUNTIFS over it ignores the blank rows.
  w.label(`A${r}`, "FMV assessments (done or planned), one date a row", "header");
  w.label(`D${r}`, "each model year needs one in the 12 months before it starts", "note");
  r++;
  const a0 = r;
  for (let i = 0; i < MAX_ASSESSMENTS; i++, r++) {
    w.label(`A${r}`, `FMV assessment ${i + 1}`);
    w.label(`B${r}`, "date", "note");
    const iso = inp.fmv.assessments[i];
    input(
      `C${r}`,
      {
        value: iso === undefined ? null : isoSerial(iso),
        path: ["fmv", "assessments", i],
        type: "date",
        format: FMT.date,
        rule: { kind: "date", min: FIRST_SERIAL },
        allowBlank: true,
        allowed: "a date on or after 1900-03-01, or blank",
      },
      `fmv.assessments[${i}]`,
    );
  }
  names.push({ name: "FMV_Assessments", sheet: INPUTS, ref: `$C$${a0}:$C$${r - 1}` });
  r++;
  // Benchmarks: 50 rows filled from the top. Native functions skip the blank rows; the add-in's
  // functions read only the filled part (formulas.benchmarksArg), so no blank reaches them.
  w.label(
    `A${r}`,
    `FMV benchmark markups on cost, one a row from the top (up to ${MAX_BENCHMARKS})`,
    "header",
  );
  r++;
  const b0 = r;
  for (let i = 0; i < MAX_BENCHMARKS; i++, r++) {
    w.label(`A${r}`, `Benchmark markup ${i + 1}`);
    w.label(`B${r}`, "%", "note");
    input(
      `C${r}`,
      {
        value: inp.fmv.benchmarks[i] ?? null,
        path: ["fmv", "benchmarks", i],
        type: "number",
        format: FMT.pct,
        rule: between(-1, 10),
        allowBlank: true,
        allowed: "a markup from -1 to 10 (0.05 = 5%), or blank after the last one",
      },
      `fmv.benchmarks[${i}]`,
    );
  }
  const benchmarks = { first: b0, last: r - 1 };
  names.push({ name: "FMV_Benchmarks", sheet: INPUTS, ref: `$C$${b0}:$C$${r - 1}` });
  r++;
  header("Line of credit (MSO to each PC; interest paid or capitalised monthly)");
  const loc = inp.loc;
  field({
    name: "LOC_Limit",
    label: "Credit limit per PC",
    unit: "$",
    value: loc.limit,
    path: ["loc", "limit"],
    type: "number",
    format: FMT.money,
    note: "a PC's own limit in the PC table replaces it",
    rule: between(0),
    allowed: "an amount, 0 or more",
  });
  field({
    name: "LOC_Rate",
    label: "Interest rate (nominal annual, compounded monthly)",
    unit: "%",
    value: loc.rate,
    path: ["loc", "rate"],
    type: "number",
    format: FMT.pct4,
    rule: between(0, 1),
    allowed: "a fraction from 0 to 1 (0.05 = 5%)",
  });
  field({
    name: "LOC_Afr",
    label: "Applicable federal rate",
    unit: "%",
    value: loc.afr,
    path: ["loc", "afr"],
    type: "number",
    format: FMT.pct4,
    note: "blank = look up the start month on the Reference sheet; verify at irs.gov",
    rule: between(0, 1),
    allowBlank: true,
    allowed: "a fraction from 0 to 1, or blank to look it up",
  });
  field({
    name: "LOC_AfrTerm",
    label: "AFR term (for the look-up)",
    unit: "text",
    value: loc.afrTerm,
    path: ["loc", "afrTerm"],
    type: "text",
    note: "short, mid or long",
    rule: listRule(AFR_TERMS),
    allowed: AFR_TERMS.join(", "),
  });
  field({
    name: "LOC_AfrCompounding",
    label: "AFR compounding per year",
    unit: "times",
    value: loc.afrCompounding,
    path: ["loc", "afrCompounding"],
    type: "number",
    format: FMT.int,
    note: "1, 2, 4 or 12 (the AFR table's column)",
    rule: listRule(AFR_COMPOUNDINGS),
    allowed: AFR_COMPOUNDINGS.join(", "),
  });
  field({
    name: "LOC_DeferralShare",
    label: "Share of each fee deferred into the line",
    unit: "%",
    value: loc.deferralShare,
    path: ["loc", "deferralShare"],
    type: "number",
    format: FMT.pct,
    rule: between(0, 1),
    allowed: "a fraction from 0 to 1",
  });
  field({
    name: "LOC_Repayment",
    label: "Repayment per PC per month",
    unit: "$",
    value: loc.monthlyRepayment,
    path: ["loc", "monthlyRepayment"],
    type: "number",
    format: FMT.money,
    rule: between(0),
    allowed: "an amount, 0 or more",
  });
  field({
    name: "LOC_Capitalize",
    label: "Capitalise interest",
    unit: "TRUE/FALSE",
    value: loc.capitalizeInterest,
    path: ["loc", "capitalizeInterest"],
    type: "boolean",
    note: "FALSE = paid in cash monthly",
    rule: listRule(["TRUE", "FALSE"]),
    allowed: "TRUE or FALSE",
  });
  field({
    name: "LOC_Buffer",
    label: "Buffer over peak balance",
    unit: "%",
    value: loc.buffer,
    path: ["loc", "buffer"],
    type: "number",
    format: FMT.pct,
    rule: between(0, 10),
    allowed: "a fraction from 0 to 10",
  });
  field({
    name: "LOC_Lot",
    label: "Round required limit up to",
    unit: "$",
    value: loc.lot,
    path: ["loc", "lot"],
    type: "number",
    format: FMT.money,
    note: "0 = no rounding",
    rule: between(0),
    allowed: "an amount, 0 or more",
  });
  r++;
  header("MSO tax");
  field({
    name: "Tax_Federal",
    label: "Federal income tax rate",
    unit: "%",
    value: inp.tax.msoFederalRate,
    path: ["tax", "msoFederalRate"],
    type: "number",
    format: FMT.pct,
    rule: between(0, 1),
    allowed: "a fraction from 0 to 1",
  });
  field({
    name: "Tax_State",
    label: "State income tax rate",
    unit: "%",
    value: inp.tax.msoStateRate,
    path: ["tax", "msoStateRate"],
    type: "number",
    format: FMT.pct,
    rule: between(0, 1),
    allowed: "a fraction from 0 to 1",
  });
  r++;

  w.label(`A${r}`, "Service lines (MSO cost pools); names are structural", "header");
  r++;
  ["Service line", "Driver", "Annual cost ($)", "Annual growth (%)"].forEach((t, i) =>
    w.label(`${"ABCD"[i]}${r}`, t, "header"),
  );
  r++;
  const sl = inp.serviceLines.map((s, i) => {
    const row = r++;
    const at = (key: string) => ["serviceLines", i, key];
    input(`A${row}`, { value: s.name, path: at("name"), type: "text", role: "structural" }, "");
    input(
      `B${row}`,
      {
        value: s.driver,
        path: at("driver"),
        type: "text",
        rule: listRule(DRIVERS),
        allowed: DRIVERS.join(", "),
      },
      `serviceLines[${i}].driver`,
    );
    input(
      `C${row}`,
      { value: s.annualCost, path: at("annualCost"), type: "number", format: FMT.money, rule: between(0) },
      `serviceLines[${i}].annualCost`,
    );
    input(
      `D${row}`,
      {
        value: s.annualGrowth,
        path: at("annualGrowth"),
        type: "number",
        format: FMT.pct,
        rule: between(-0.5, 1),
      },
      `serviceLines[${i}].annualGrowth`,
    );
    return { row };
  });
  names.push({ name: "SL_Driver", sheet: INPUTS, ref: `$B$${sl[0].row}:$B$${sl[sl.length - 1].row}` });
  r++;
  w.label(`A${r}`, "Professional corporations; names are structural; blank terms = the group's", "header");
  r++;
  PC_HEADERS.forEach((t, i) => w.label(`${Object.values(PC_COL)[i]}${r}`, t, "header"));
  r++;
  const pc = inp.pcs.map((p, i) => {
    const row = r++;
    const at = (...key: string[]) => ["pcs", i, ...key];
    const put = (col: string, f: Omit<Field, "name" | "label" | "unit">, what: string) =>
      input(`${col}${row}`, f, `pcs[${i}].${what}`);
    const money = (col: string, key: keyof typeof p, blank = false) =>
      put(
        col,
        {
          value: (p[key] as number | undefined) ?? null,
          path: at(key),
          type: "number",
          format: FMT.money,
          rule: between(0),
          allowBlank: blank,
          allowed: blank ? "an amount, 0 or more, or blank for the group's" : "an amount, 0 or more",
        },
        key,
      );
    put(PC_COL.name, { value: p.name, path: at("name"), type: "text", role: "structural" }, "name");
    put(
      PC_COL.shortName,
      { value: p.shortName ?? null, path: at("shortName"), type: "text", role: "structural" },
      "shortName",
    );
    put(
      PC_COL.state,
      {
        value: p.state,
        path: at("state"),
        type: "text",
        rule: listRule(US_STATE_CODES),
        allowed: "a 2-letter US state or DC code",
      },
      "state",
    );
    put(PC_COL.owner, { value: p.owner, path: at("owner"), type: "text" }, "owner");
    money(PC_COL.collections, "annualCollections");
    put(
      PC_COL.growth,
      {
        value: p.annualGrowth,
        path: at("annualGrowth"),
        type: "number",
        format: FMT.pct,
        rule: between(-0.5, 1),
      },
      "annualGrowth",
    );
    money(PC_COL.clinical, "annualClinicalCosts");
    put(
      PC_COL.ftes,
      {
        value: p.providerFtes,
        path: at("providerFtes"),
        type: "number",
        format: FMT.number,
        rule: between(0),
      },
      "providerFtes",
    );
    put(
      PC_COL.visits,
      { value: p.annualVisits, path: at("annualVisits"), type: "number", format: FMT.int, rule: between(0) },
      "annualVisits",
    );
    money(PC_COL.passThrough, "annualPassThrough");
    put(
      PC_COL.compMode,
      {
        value: p.physicianComp.mode,
        path: at("physicianComp", "mode"),
        type: "text",
        rule: listRule(PHYSICIAN_COMP_MODES),
        allowed: PHYSICIAN_COMP_MODES.join(", "),
      },
      "physicianComp.mode",
    );
    put(
      PC_COL.compAnnual,
      {
        value: p.physicianComp.mode === "fixed" ? p.physicianComp.annual : null,
        path: at("physicianComp", "annual"),
        type: "number",
        format: FMT.money,
        rule: between(0),
        allowBlank: true,
        allowed: "an amount, 0 or more (fixed mode only)",
      },
      "physicianComp.annual",
    );
    money(PC_COL.locOpening, "locOpeningBalance");
    put(
      PC_COL.markup,
      {
        value: p.markup ?? null,
        path: at("markup"),
        type: "number",
        format: FMT.pct,
        rule: between(0, 10),
        allowBlank: true,
        allowed: "a fraction from 0 to 10, or blank for the group's",
      },
      "markup",
    );
    money(PC_COL.fixedMonthly, "fixedMonthly", true);
    money(PC_COL.monthlyCap, "monthlyCap", true);
    money(PC_COL.monthlyFloor, "monthlyFloor", true);
    money(PC_COL.locLimit, "locLimit", true);
    return { row };
  });
  const p0 = pc[0].row;
  const p1 = pc[pc.length - 1].row;
  names.push({ name: "PC_Names", sheet: INPUTS, ref: `$A$${p0}:$A$${p1}` });
  names.push({ name: "PC_FTEs", sheet: INPUTS, ref: `$${PC_COL.ftes}$${p0}:$${PC_COL.ftes}$${p1}` });
  names.push({ name: "PC_Visits", sheet: INPUTS, ref: `$${PC_COL.visits}$${p0}:$${PC_COL.visits}$${p1}` });
  Object.assign(w.columnWidths, { A: 46, B: 16, C: 18, D: 20 });
  for (const c of "EFGHIJKLMNOPQR") w.columnWidths[c] = 18;
  return { sl, pc, names, benchmarks, inputCells, validations };
}

const PC_HEADERS = [
  "PC",
  "Short name (tab)",
  "State",
  "Owner",
  "Annual collections ($)",
  "Annual growth (%)",
  "Annual clinical costs ($)",
  "Provider FTEs",
  "Annual visits",
  "Annual pass-through ($)",
  "Physician comp mode",
  "Fixed physician comp, annual ($)",
  "LOC opening balance ($)",
  "Markup (blank = group)",
  "Fixed fee / month (blank = group)",
  "Monthly cap (blank = group)",
  "Monthly floor (blank = group)",
  "Credit limit (blank = group)",
];

/** The Inputs sheet's two lists as tables: service lines and PCs. */
export function inputsTables(lay: InputsLayout): PlanTable[] {
  return [
    {
      name: "ServiceLines",
      sheet: INPUTS,
      ref: `A${lay.sl[0].row - 1}:D${lay.sl[lay.sl.length - 1].row}`,
      columns: ["Service line", "Driver", "Annual cost", "Annual growth"],
    },
    {
      name: "PCs",
      sheet: INPUTS,
      ref: `A${lay.pc[0].row - 1}:R${lay.pc[lay.pc.length - 1].row}`,
      columns: PC_HEADERS.map((h) => h.replace(/ \(.*\)$/, "")),
    },
  ];
}
