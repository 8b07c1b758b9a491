/**
 * buildPlan: validated inputs → SheetPlan, following MODEL.md's calculations cell by cell.
 * Pure and deterministic: the same inputs always give the same plan, nothing is computed here
 * that a spreadsheet formula could compute (the workbook shows its working).
 *
 * Sheets: Inputs, MSO, one "PC – <name>" per PC, Intercompany, Checks, Summary, Reference.
 * The MSO and each PC compute their side of the line of credit independently, so the
 * Intercompany sheet compares two sets of books, not a number with a copy of itself.
 */
import { DRIVERS, ModelInputs } from "./inputs";
import {
  CellRef,
  FormulaMode,
  PLAN_TAG,
  PlanChart,
  PlanName,
  PlanResults,
  SheetPlan,
  columnLetter,
  isLink,
  sheetRef,
} from "./plan";
import { REFERENCE_SHEET, buildReference, excelSerial } from "./reference";
import { COL, FMT, SheetWriter, TL, monthColumns, timelineHeader, timelineWidths } from "./writer";
import * as F from "./formulas";

export interface BuildOptions {
  formulas: FormulaMode;
}

const INPUTS = "Inputs";
const MSO = "MSO";
const IC = "Intercompany";
const CHECKS = "Checks";
const SUMMARY = "Summary";
const RESERVED = [INPUTS, MSO, IC, CHECKS, SUMMARY, REFERENCE_SHEET];

/** "PC – <name>": ≤ 31 characters, none of []:*?/\, no edge apostrophes, unique (case-insensitive). */
export function pcSheetNames(names: string[]): string[] {
  const taken = new Set(RESERVED.map((n) => n.toLowerCase()));
  return names.map((raw) => {
    const clean = raw
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    const base = `PC – ${clean}`
      .slice(0, 31)
      .replace(/^'+|'+$/g, "")
      .trim();
    let name = base;
    for (let k = 2; taken.has(name.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      name = base.slice(0, 31 - suffix.length).trim() + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

const abs = (r: number, c: string) => `$${c}$${r}`;

interface InputsLayout {
  sl: { row: number }[];
  pc: { row: number }[];
  names: PlanName[];
}

/** Inputs sheet: every assumption, blue, with units and named ranges per block. */
function buildInputs(inp: ModelInputs, w: SheetWriter): InputsLayout {
  const names: PlanName[] = [];
  const name = (n: string, row: number, col = "C") =>
    names.push({ name: n, sheet: INPUTS, ref: abs(row, col) });
  w.label("A1", `Inputs — ${inp.name}`, "title");
  w.label("A2", "Blue cells are inputs. Every other sheet is calculated from them.", "note");
  let r = 4;
  const header = (text: string) => {
    w.label(`A${r}`, text, "header");
    w.label(`B${r}`, "Unit", "header");
    w.label(`C${r}`, "Value", "header");
    w.label(`D${r}`, "Note", "header");
    r++;
  };
  const field = (
    n: string,
    label: string,
    unit: string,
    value: number | string | boolean | null,
    format?: string,
    note?: string,
  ) => {
    w.label(`A${r}`, label);
    w.label(`B${r}`, unit, "note");
    w.value(`C${r}`, value, "input", format);
    if (note) w.label(`D${r}`, note, "note");
    name(n, r);
    r++;
  };
  const [sy, sm] = inp.startMonth.split("-").map(Number);
  const [ay, am, ad] = inp.fmv.lastAssessment.split("-").map(Number);

  header("General");
  field("Model_Name", "Model name", "text", inp.name);
  field(
    "StartDate",
    "First month",
    "date",
    excelSerial(sy, sm, 1),
    FMT.month,
    "first day of the first month",
  );
  // Conventions of the model (MODEL.md), not assumptions: shown and named so that no number is typed
  // into a formula, but black, since changing one would break the model's calendar or day count
  // (the add-in formulas' LOC.INTEREST is Actual/365 by its basis argument). The number of months
  // is structural too: the timeline's columns are laid out when the model is built.
  const constant = (n: string, label: string, unit: string, value: number, note: string) => {
    w.label(`A${r}`, label);
    w.label(`B${r}`, unit, "note");
    w.value(`C${r}`, value, "formula", FMT.int);
    w.label(`D${r}`, note, "note");
    name(n, r);
    r++;
  };
  constant(
    "Months",
    "Months modelled (T)",
    "months",
    inp.months,
    "structural: rebuild the model to change (not an input)",
  );
  constant("MonthsPerYear", "Months per year", "months", 12, "calendar constant (not an input)");
  constant("DaysPerYear", "Days per year (Actual/365)", "days", 365, "day-count denominator (not an input)");
  constant(
    "RoundDecimals",
    "Decimal places kept before a test",
    "places",
    10,
    "clears floating-point residue, e.g. a markup on an FMV bound (convention, not an input)",
  );
  r++;
  header("MSA fee");
  field("Fee_Structure", "Fee structure", "text", inp.fee.structure, undefined, "cost-plus, fixed or hybrid");
  field("Fee_Markup", "Markup on allocated cost", "%", inp.fee.markup, FMT.pct);
  field(
    "Fee_Fixed",
    "Fixed fee per PC per month",
    "$",
    inp.fee.fixedMonthly,
    FMT.money,
    "fixed and hybrid structures",
  );
  field(
    "Fee_Cap",
    "Monthly cap per PC",
    "$",
    inp.fee.monthlyCap,
    FMT.money,
    "blank = none (structural: rebuild to add or remove)",
  );
  field(
    "Fee_Floor",
    "Monthly floor per PC",
    "$",
    inp.fee.monthlyFloor,
    FMT.money,
    "blank = none (structural: rebuild to add or remove)",
  );
  r++;
  header("Fair market value");
  field("FMV_Method", "Percentile method", "text", inp.fmv.method, undefined, "IRS, INC, EXC or MINMAX");
  field("FMV_LowPct", "Low percentile", "%", inp.fmv.lowPct, FMT.pct);
  field("FMV_HighPct", "High percentile", "%", inp.fmv.highPct, FMT.pct);
  field(
    "FMV_LastAssessment",
    "Last FMV assessment",
    "date",
    excelSerial(ay, am, ad),
    FMT.date,
    "must be within FMV_MaxAgeDays before the first month",
  );
  field(
    "FMV_MaxAgeDays",
    "Oldest FMV assessment allowed",
    "days",
    365,
    FMT.int,
    "annual FMV assessments: at most 365 days old at the first month",
  );
  const b0 = r;
  inp.fmv.benchmarks.forEach((b, i) => {
    w.label(`A${r}`, `Benchmark markup ${i + 1}`);
    w.label(`B${r}`, "%", "note");
    w.value(`C${r}`, b, "input", FMT.pct);
    r++;
  });
  names.push({ name: "FMV_Benchmarks", sheet: INPUTS, ref: `$C$${b0}:$C$${r - 1}` });
  r++;
  header("Line of credit (MSO to each PC)");
  field("LOC_Limit", "Credit limit per PC", "$", inp.loc.limit, FMT.money);
  field("LOC_Rate", "Interest rate (nominal annual)", "%", inp.loc.rate, FMT.pct4);
  field(
    "LOC_RateCompounding",
    "Rate compounding per year",
    "times",
    inp.loc.rateCompounding,
    FMT.int,
    "1, 2, 4, 12 or 365",
  );
  field(
    "LOC_Afr",
    "Applicable federal rate (see Reference)",
    "%",
    inp.loc.afr,
    FMT.pct4,
    "verify at irs.gov",
  );
  field(
    "LOC_AfrCompounding",
    "AFR compounding per year",
    "times",
    inp.loc.afrCompounding,
    FMT.int,
    "1, 2, 4 or 12",
  );
  field("LOC_DeferralShare", "Share of each fee deferred into the line", "%", inp.loc.deferralShare, FMT.pct);
  field("LOC_Repayment", "Repayment per PC per month", "$", inp.loc.monthlyRepayment, FMT.money);
  field(
    "LOC_Capitalize",
    "Capitalise interest",
    "TRUE/FALSE",
    inp.loc.capitalizeInterest,
    undefined,
    "FALSE = paid in cash monthly",
  );
  field("LOC_Buffer", "Buffer over peak balance", "%", inp.loc.buffer, FMT.pct);
  field("LOC_Lot", "Round required limit up to", "$", inp.loc.lot, FMT.money, "0 = no rounding");
  r++;
  header("MSO tax");
  field("Tax_Federal", "Federal income tax rate", "%", inp.tax.msoFederalRate, FMT.pct);
  field("Tax_State", "State income tax rate", "%", inp.tax.msoStateRate, FMT.pct);
  r++;

  w.label(`A${r}`, "Service lines (MSO cost pools)", "header");
  r++;
  ["Service line", "Driver", "Annual cost ($)", "Annual growth (%)"].forEach((t, i) =>
    w.label(`${"ABCD"[i]}${r}`, t, "header"),
  );
  r++;
  const sl = inp.serviceLines.map((s) => {
    const row = r++;
    w.value(`A${row}`, s.name, "input");
    w.value(`B${row}`, s.driver, "input");
    w.value(`C${row}`, s.annualCost, "input", FMT.money);
    w.value(`D${row}`, s.annualGrowth, "input", FMT.pct);
    return { row };
  });
  names.push({ name: "SL_Driver", sheet: INPUTS, ref: `$B$${sl[0].row}:$B$${sl[sl.length - 1].row}` });
  r++;
  w.label(`A${r}`, "Professional corporations", "header");
  r++;
  const pcHead = [
    "PC",
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
  ];
  pcHead.forEach((t, i) => w.label(`${columnLetter(i)}${r}`, t, "header"));
  r++;
  const pc = inp.pcs.map((p) => {
    const row = r++;
    w.value(`A${row}`, p.name, "input");
    w.value(`B${row}`, p.state, "input");
    w.value(`C${row}`, p.owner, "input");
    w.value(`D${row}`, p.annualCollections, "input", FMT.money);
    w.value(`E${row}`, p.annualGrowth, "input", FMT.pct);
    w.value(`F${row}`, p.annualClinicalCosts, "input", FMT.money);
    w.value(`G${row}`, p.providerFtes, "input", FMT.number);
    w.value(`H${row}`, p.annualVisits, "input", FMT.int);
    w.value(`I${row}`, p.annualPassThrough, "input", FMT.money);
    w.value(`J${row}`, p.physicianComp.mode, "input");
    w.value(`K${row}`, p.physicianComp.mode === "fixed" ? p.physicianComp.annual : null, "input", FMT.money);
    w.value(`L${row}`, p.locOpeningBalance, "input", FMT.money);
    return { row };
  });
  const p0 = pc[0].row;
  const p1 = pc[pc.length - 1].row;
  names.push({ name: "PC_Names", sheet: INPUTS, ref: `$A$${p0}:$A$${p1}` });
  names.push({ name: "PC_FTEs", sheet: INPUTS, ref: `$G$${p0}:$G$${p1}` });
  names.push({ name: "PC_Visits", sheet: INPUTS, ref: `$H$${p0}:$H$${p1}` });
  Object.assign(w.columnWidths, {
    A: 44,
    B: 14,
    C: 18,
    D: 20,
    E: 16,
    F: 22,
    G: 14,
    H: 14,
    I: 20,
    J: 20,
    K: 24,
    L: 22,
  });
  return { sl, pc, names };
}

interface MsoPcRows {
  coll: number;
  base: number;
  pt: number;
  fee: number;
  int: number;
  close: number;
}

/** The layout of every PC sheet: fixed rows, so links and checks address them by name. */
const PC_ROW = {
  coll: 12,
  clin: 13,
  fee: 14,
  pt: 15,
  int: 16,
  comp: 17,
  ni: 18,
  open: 21,
  draw: 22,
  repay: 23,
  locInt: 24,
  cap: 25,
  close: 26,
  limit: 27,
  headroom: 28,
  markup: 31,
  status: 32,
  peak: 33,
  required: 34,
  limitOk: 35,
  minComp: 36,
} as const;
const PC_LOC_INT = PC_ROW.locInt;

export function buildPlan(inputs: ModelInputs, options: BuildOptions): SheetPlan {
  const mode = options.formulas;
  const T = inputs.months;
  const months = monthColumns(T);
  const first12 = months.slice(0, Math.min(12, T));
  const pcSheets = pcSheetNames(inputs.pcs.map((p) => p.name));

  // ---- Inputs ----
  const inW = new SheetWriter(INPUTS, "inputs");
  const lay = buildInputs(inputs, inW);
  const inRef = (col: string, row: number) => `${INPUTS}!${abs(row, col)}`;

  // ---- MSO ----
  const mso = new SheetWriter(MSO, "mso", months);
  timelineHeader(mso, `MSO books — ${inputs.name}`);
  timelineWidths(mso);
  let r = 9;
  mso.label(`A${r++}`, "Service-line costs", "header");
  const slRows = inputs.serviceLines.map((_, s) => {
    const row = r++;
    const ir = lay.sl[s].row;
    mso.timelineRow(
      row,
      inputs.serviceLines[s].name,
      "$",
      (c) => `=${inRef("C", ir)}/MonthsPerYear*(1+${inRef("D", ir)})^${c}$${TL.year}`,
      {
        constant: { formula: `=${inRef("B", ir)}`, role: "link" },
      },
    );
    return row;
  });
  const slFirst = slRows[0];
  const slLast = slRows[slRows.length - 1];
  const slTotal = r++;
  mso.timelineRow(slTotal, "Total service-line costs", "$", (c) => `=SUM(${c}${slFirst}:${c}${slLast})`);
  r++;
  mso.label(`A${r++}`, "Cost pools by allocation driver", "header");
  const poolRow: Record<string, number> = {};
  for (const d of DRIVERS) {
    const row = r++;
    poolRow[d] = row;
    mso.timelineRow(
      row,
      `Pool allocated by ${d}`,
      "$",
      (c) => `=SUMIF($C$${slFirst}:$C$${slLast},$C${row},${c}$${slFirst}:${c}$${slLast})`,
      {
        constant: { value: d, role: "label" },
      },
    );
  }
  r++;
  mso.label(`A${r++}`, "Driver totals, all PCs", "header");
  const totColl = r++;
  const totFte = r++;
  const totVis = r++;
  const totCount = r++;
  r++;
  // Per-PC blocks: rows reserved now, formulas below (the collections total sums them).
  const pcBlocks: (MsoPcRows & {
    shColl: number;
    shFte: number;
    shVis: number;
    shEq: number;
    draw: number;
    open: number;
    repay: number;
    capInt: number;
    due: number;
    header: number;
  })[] = inputs.pcs.map(() => {
    const b = {
      header: r,
      coll: r + 1,
      shColl: r + 2,
      shFte: r + 3,
      shVis: r + 4,
      shEq: r + 5,
      base: r + 6,
      pt: r + 7,
      fee: r + 8,
      draw: r + 9,
      open: r + 10,
      repay: r + 11,
      int: r + 12,
      capInt: r + 13,
      close: r + 14,
      due: r + 15,
    };
    r += 17;
    return b;
  });
  const sumOver = (c: string, pick: (b: (typeof pcBlocks)[number]) => number) =>
    pcBlocks.map((b) => `${c}${pick(b)}`).join("+");
  mso.timelineRow(totColl, "Collections", "$", (c) => `=${sumOver(c, (b) => b.coll)}`);
  mso.timelineRow(totFte, "Provider FTEs", "FTE", () => `=SUM(PC_FTEs)`, {
    format: FMT.number,
    total: "none",
  });
  mso.timelineRow(totVis, "Annual visits", "visits", () => `=SUM(PC_Visits)`, {
    format: FMT.int,
    total: "none",
  });
  mso.timelineRow(totCount, "Number of PCs (equal split)", "PCs", () => `=COUNTA(PC_Names)`, {
    format: FMT.int,
    total: "none",
  });

  inputs.pcs.forEach((pc, p) => {
    const b = pcBlocks[p];
    const ir = lay.pc[p].row;
    const ps = sheetRef(pcSheets[p]);
    mso.label(`A${b.header}`, `${pc.name} (${pc.state})`, "header");
    mso.timelineRow(b.coll, "Collections (from the PC's books)", "$", (c) => `=${ps}${c}${PC_ROW.coll}`, {
      role: "link",
    });
    mso.timelineRow(b.shColl, "Share of collections", "ratio", (c) => `=${c}${b.coll}/${c}$${totColl}`, {
      format: FMT.ratio,
      total: "none",
    });
    mso.timelineRow(b.shFte, "Share of provider FTEs", "ratio", (c) => `=$C${b.shFte}/${c}$${totFte}`, {
      format: FMT.ratio,
      total: "none",
      constant: { formula: `=${inRef("G", ir)}`, role: "link", format: FMT.number },
    });
    mso.timelineRow(b.shVis, "Share of visits", "ratio", (c) => `=$C${b.shVis}/${c}$${totVis}`, {
      format: FMT.ratio,
      total: "none",
      constant: { formula: `=${inRef("H", ir)}`, role: "link", format: FMT.int },
    });
    mso.timelineRow(b.shEq, "Equal share", "ratio", (c) => `=1/${c}$${totCount}`, {
      format: FMT.ratio,
      total: "none",
    });
    mso.timelineRow(
      b.base,
      "Allocated cost base",
      "$",
      (c) =>
        `=${c}$${poolRow.collections}*${c}${b.shColl}+${c}$${poolRow.providerFtes}*${c}${b.shFte}+${c}$${poolRow.visits}*${c}${b.shVis}+${c}$${poolRow.equal}*${c}${b.shEq}`,
    );
    mso.timelineRow(b.pt, "Pass-through recovered", "$", () => `=${inRef("I", ir)}/MonthsPerYear`);
    mso.timelineRow(b.fee, "MSA fee", "$", (c) => F.fee(mode, inputs.fee, `${c}${b.base}`, `${c}${b.pt}`));
    mso.timelineRow(
      b.draw,
      "Fee deferred into the line (draw)",
      "$",
      (c) => `=${c}${b.fee}*LOC_DeferralShare`,
    );
    mso.timelineRow(
      b.open,
      "LOC receivable, opening",
      "$",
      (c, prev) => `=IF(${c}$${TL.index}=1,$C${b.open},${prev}${b.close})`,
      {
        total: "none",
        // One opening balance per PC, on Inputs; the PC sheet links to the same cell.
        constant: { formula: `=${inRef("L", ir)}`, role: "link", format: FMT.money },
      },
    );
    mso.timelineRow(b.repay, "Repayment", "$", (c) => `=MIN(${c}${b.open},LOC_Repayment)`);
    mso.timelineRow(b.int, "Interest income", "$", (c) =>
      F.interest(mode, `${c}${b.open}`, `${c}$${TL.start}`, `${c}$${TL.days}`),
    );
    mso.timelineRow(b.capInt, "Interest capitalised", "$", (c) => `=IF(LOC_Capitalize,${c}${b.int},0)`);
    mso.timelineRow(
      b.close,
      "LOC receivable, closing",
      "$",
      (c) => `=${c}${b.open}+${c}${b.draw}-${c}${b.repay}+${c}${b.capInt}`,
      {
        total: "none",
      },
    );
    mso.timelineRow(
      b.due,
      "Cash due from the PC",
      "$",
      (c) => `=${c}${b.fee}-${c}${b.draw}+${c}${b.int}-${c}${b.capInt}+${c}${b.repay}`,
    );
  });

  mso.label(`A${r++}`, "MSO income statement", "header");
  const rev = r++;
  const ptRec = r++;
  const intInc = r++;
  const costSl = r++;
  const costPt = r++;
  const costs = r++;
  const preTax = r++;
  const tax = r++;
  const net = r++;
  const recv = r++;
  mso.timelineRow(rev, "MSA fee revenue", "$", (c) => `=${sumOver(c, (b) => b.fee)}`);
  mso.timelineRow(ptRec, "of which pass-through recovered", "$", (c) => `=${sumOver(c, (b) => b.pt)}`);
  mso.timelineRow(intInc, "Interest income", "$", (c) => `=${sumOver(c, (b) => b.int)}`);
  mso.timelineRow(costSl, "Service-line costs", "$", (c) => `=${c}${slTotal}`);
  mso.timelineRow(costPt, "Pass-through costs paid for PCs", "$", (c) => `=${c}${ptRec}`);
  mso.timelineRow(costs, "Total costs", "$", (c) => `=${c}${costSl}+${c}${costPt}`);
  mso.timelineRow(preTax, "Pre-tax income", "$", (c) => `=${c}${rev}+${c}${intInc}-${c}${costs}`);
  mso.timelineRow(
    tax,
    "Income tax (negative = benefit)",
    "$",
    (c) => `=${c}${preTax}*(Tax_State+Tax_Federal*(1-Tax_State))`,
  );
  mso.timelineRow(net, "Net income", "$", (c) => `=${c}${preTax}-${c}${tax}`);
  mso.timelineRow(recv, "LOC receivable, all PCs", "$", (c) => `=${sumOver(c, (b) => b.close)}`, {
    total: "none",
  });

  // ---- PC sheets ----
  const pcWriters = inputs.pcs.map((pc, p) => {
    const w = new SheetWriter(pcSheets[p], "pc", months);
    const ir = lay.pc[p].row;
    const b = pcBlocks[p];
    timelineHeader(w, `PC books — ${pc.name}`);
    timelineWidths(w);
    const R = PC_ROW;
    w.label("A9", "State");
    w.formula("C9", `=${inRef("B", ir)}`, "link");
    w.label("A10", "CPOM tier (Reference sheet; verify)");
    w.formula("C10", `=IFERROR(INDEX(CPOM_Tier,MATCH(C9,CPOM_Code,0)),CPOM_Default)`);
    w.label("A11", "Income statement", "header");
    w.timelineRow(
      R.coll,
      "Collections",
      "$",
      (c) => `=${inRef("D", ir)}/MonthsPerYear*(1+${inRef("E", ir)})^${c}$${TL.year}`,
    );
    w.timelineRow(
      R.clin,
      "Clinical costs",
      "$",
      (c) => `=${inRef("F", ir)}/MonthsPerYear*(1+${inRef("E", ir)})^${c}$${TL.year}`,
    );
    w.timelineRow(R.fee, "MSA fee expense", "$", (c) => `=${MSO}!${c}${b.fee}`, { role: "link" });
    w.timelineRow(R.pt, "of which pass-through", "$", () => `=${inRef("I", ir)}/MonthsPerYear`);
    w.timelineRow(R.int, "Interest expense", "$", (c) => `=${c}${PC_LOC_INT}`);
    w.timelineRow(
      R.comp,
      "Physician compensation",
      "$",
      (c) =>
        `=IF(${inRef("J", ir)}="fixed",${inRef("K", ir)}/MonthsPerYear,${c}${R.coll}-${c}${R.clin}-${c}${R.fee}-${c}${R.int})`,
    );
    w.timelineRow(
      R.ni,
      "Net income",
      "$",
      (c) => `=${c}${R.coll}-${c}${R.clin}-${c}${R.fee}-${c}${R.int}-${c}${R.comp}`,
    );
    w.label("A20", "Line of credit payable to the MSO", "header");
    w.timelineRow(
      R.open,
      "Opening balance",
      "$",
      (c, prev) => `=IF(${c}$${TL.index}=1,$C${R.open},${prev}${R.close})`,
      {
        total: "none",
        constant: { formula: `=${inRef("L", ir)}`, role: "link", format: FMT.money },
      },
    );
    w.timelineRow(R.draw, "Fee deferred (draw)", "$", (c) => `=${c}${R.fee}*LOC_DeferralShare`);
    w.timelineRow(R.repay, "Repayment", "$", (c) => `=MIN(${c}${R.open},LOC_Repayment)`);
    w.timelineRow(PC_LOC_INT, "Interest", "$", (c) =>
      F.interest(mode, `${c}${R.open}`, `${c}$${TL.start}`, `${c}$${TL.days}`),
    );
    w.timelineRow(R.cap, "Interest capitalised", "$", (c) => `=IF(LOC_Capitalize,${c}${PC_LOC_INT},0)`);
    w.timelineRow(
      R.close,
      "Closing balance",
      "$",
      (c) => `=${c}${R.open}+${c}${R.draw}-${c}${R.repay}+${c}${R.cap}`,
      { total: "none" },
    );
    w.timelineRow(R.limit, "Credit limit", "$", () => `=LOC_Limit`, { total: "none" });
    w.timelineRow(R.headroom, "Headroom", "$", (c) => `=${c}${R.limit}-${c}${R.close}`, { total: "none" });
    w.label("A30", "Results", "header");
    const result = (row: number, label: string, unit: string, formula: string, format?: string) => {
      w.label(`A${row}`, label);
      w.label(`B${row}`, unit, "note");
      w.formula(`C${row}`, formula, "formula", format);
    };
    const mf = `${MSO}!${first12[0]}`;
    const ml = first12[first12.length - 1];
    result(
      R.markup,
      "Realised markup, first model year",
      "%",
      // Rounded (RoundDecimals = 10 places) so that a markup on an FMV bound in decimal is on it
      // here too, not 1e-16 either side; the status tests the very number shown.
      `=ROUND((SUM(${mf}${b.fee}:${ml}${b.fee})-SUM(${mf}${b.pt}:${ml}${b.pt}))/SUM(${mf}${b.base}:${ml}${b.base})-1,RoundDecimals)`,
      FMT.pct4,
    );
    result(R.status, "FMV status", "text", F.fmvStatus(mode, `C${R.markup}`));
    result(R.peak, "Peak LOC balance", "$", `=MAX(${w.span(R.close)})`, FMT.money);
    result(
      R.required,
      "Required limit (peak × (1 + buffer), rounded up to the lot)",
      "$",
      `=IF(LOC_Lot=0,C${R.peak}*(1+LOC_Buffer),CEILING(C${R.peak}*(1+LOC_Buffer),LOC_Lot))`,
      FMT.money,
    );
    result(R.limitOk, "Limit covers the required limit", "TRUE/FALSE", `=C${R.required}<=LOC_Limit`);
    result(R.minComp, "Lowest monthly physician compensation", "$", `=MIN(${w.span(R.comp)})`, FMT.money);
    return w;
  });

  // ---- Intercompany ----
  const ic = new SheetWriter(IC, "intercompany", months);
  timelineHeader(ic, "Intercompany reconciliation — MSO less PC, every month (all zero)");
  timelineWidths(ic);
  ic.label(`${COL.total}${TL.index - 1}`, "Largest |difference|", "header");
  r = 9;
  const icRows: number[] = [];
  inputs.pcs.forEach((pc, p) => {
    const b = pcBlocks[p];
    const ps = sheetRef(pcSheets[p]);
    ic.label(`A${r++}`, pc.name, "header");
    const pairs: [string, number, number][] = [
      ["MSA fee: MSO revenue − PC expense", b.fee, PC_ROW.fee],
      ["Interest: MSO income − PC expense", b.int, PC_ROW.int],
      ["LOC: MSO receivable − PC payable", b.close, PC_ROW.close],
    ];
    for (const [label, mr, pr] of pairs) {
      const row = r++;
      icRows.push(row);
      ic.timelineRow(row, label, "$", (c) => `=${MSO}!${c}${mr}-${ps}${c}${pr}`, { total: "none" });
      ic.formula(
        `${COL.total}${row}`,
        `=MAX(MAX(${ic.span(row)}),-MIN(${ic.span(row)}))`,
        "formula",
        FMT.money,
      );
    }
  });
  r++;
  const icMax = r;
  ic.label(`A${icMax}`, "Largest |difference|, all PCs", "header");
  ic.formula(
    `${COL.total}${icMax}`,
    `=MAX(${icRows.map((row) => `${COL.total}${row}`).join(",")})`,
    "formula",
    FMT.money,
  );

  // ---- Checks ----
  const ck = new SheetWriter(CHECKS, "checks");
  ck.label("A1", "Checks — OK when every row is OK", "title");
  ck.label("A3", "MASTER CHECK", "header");
  ck.label("A5", "FMV range of the benchmarks (low, median, high)");
  F.fmvRangeCells(mode, ck, 5);
  ck.label("A7", "Check", "header");
  ck.label("B7", "Value", "header");
  ck.label("C7", "Status", "header");
  ck.label("D7", "Rule", "header");
  r = 8;
  const group = (rows: [string, string, string, string | undefined, string][]) => {
    const start = r;
    for (const [label, value, status, format, rule] of rows) {
      ck.label(`A${r}`, label);
      ck.formula(`B${r}`, value, isLink(value) ? "link" : "formula", format);
      ck.formula(`C${r}`, status, "check");
      ck.label(`D${r}`, rule, "note");
      r++;
    }
    return { start, end: r - 1 };
  };
  const gIc = group([
    [
      "Intercompany differences (largest, $)",
      `=${IC}!${COL.total}${icMax}`,
      `=IF(ROUND(B${r},2)=0,"OK","FAIL")`,
      FMT.money,
      "every MSO/PC difference is 0 to the cent",
    ],
  ]);
  const gFmv = group(
    inputs.pcs.map((pc, p) => {
      const row = r + p;
      return [
        `FMV status — ${pc.name}`,
        `=${sheetRef(pcSheets[p])}C${PC_ROW.status}`,
        `=IF(B${row}="WITHIN","OK","FAIL")`,
        undefined,
        "realised markup within the FMV range",
      ];
    }),
  );
  const gAfr = group([
    [
      "LOC rate at least the AFR (like-for-like yield)",
      F.afrTest(mode),
      `=IF(B${r},"OK","FAIL")`,
      undefined,
      "LOC.AFRTEST",
    ],
  ]);
  const gLim = group(
    inputs.pcs.map((pc, p) => {
      const row = r + p;
      return [
        `Required LOC limit — ${pc.name}`,
        `=${sheetRef(pcSheets[p])}C${PC_ROW.required}`,
        `=IF(B${row}<=LOC_Limit,"OK","FAIL")`,
        FMT.money,
        "required limit ≤ credit limit",
      ];
    }),
  );
  const gComp = group(
    inputs.pcs.map((pc, p) => {
      const row = r + p;
      return [
        `Lowest monthly physician comp — ${pc.name}`,
        `=${sheetRef(pcSheets[p])}C${PC_ROW.minComp}`,
        `=IF(B${row}>=0,"OK","FAIL")`,
        FMT.money,
        "never negative",
      ];
    }),
  );
  const gAge = group([
    [
      "FMV assessment age at the first month (days)",
      `=StartDate-FMV_LastAssessment`,
      `=IF(B${r}<=FMV_MaxAgeDays,"OK","FAIL")`,
      FMT.int,
      "assessment no more than 365 days old",
    ],
  ]);
  r++;
  ck.label(`A${r++}`, "Check groups", "header");
  const groupRow = (label: string, g: { start: number; end: number }) => {
    const row = r++;
    ck.label(`A${row}`, label);
    ck.formula(`B${row}`, `=COUNTIF(C${g.start}:C${g.end},"FAIL")`, "formula", FMT.int);
    ck.formula(`C${row}`, `=IF(B${row}=0,"OK","FAIL")`, "check");
    ck.label(`D${row}`, "number of FAIL rows", "note");
    return row;
  };
  const grIc = groupRow("Intercompany differences all zero", gIc);
  const grFmv = groupRow("Every PC's FMV status is WITHIN", gFmv);
  const grAfr = groupRow("AFR check", gAfr);
  const grLim = groupRow("Every PC's limit covers its required limit", gLim);
  const grComp = groupRow("Physician compensation never negative", gComp);
  const grAge = groupRow("FMV assessment current", gAge);
  ck.formula("B3", `=SUM(B${grIc}:B${grAge})`, "formula", FMT.int);
  ck.formula("C3", `=IF(B3=0,"OK","FAIL")`, "check");
  ck.label("D3", "number of failed checks", "note");
  Object.assign(ck.columnWidths, { A: 52, B: 18, C: 18, D: 44 });

  // ---- Summary ----
  const years = Math.ceil(T / 12);
  const sm = new SheetWriter(SUMMARY, "summary");
  sm.label("A1", `Summary by model year — ${inputs.name}`, "title");
  sm.label("A3", "Model year, 0-based", "note");
  const yCols = Array.from({ length: years }, (_, i) => columnLetter(2 + i));
  const totCol = columnLetter(2 + years);
  yCols.forEach((c, i) => {
    sm.formula(`${c}3`, `=COLUMN()-COLUMN($B$3)-1`, "header", FMT.int);
    sm.value(`${c}4`, `Year ${i + 1}`, "header");
  });
  sm.value(`${totCol}4`, "Total", "header");
  sm.label("A4", "Entity / line", "header");
  sm.label("B4", "Unit", "header");
  r = 5;
  const yearRow = (label: string, sheet: string, row: number) => {
    const s = sheetRef(sheet);
    const y = `${s}$${months[0]}$${TL.year}:$${months[T - 1]}$${TL.year}`;
    const v = `${s}$${months[0]}$${row}:$${months[T - 1]}$${row}`;
    sm.label(`A${r}`, label);
    sm.label(`B${r}`, "$", "note");
    yCols.forEach((c) => sm.formula(`${c}${r}`, `=SUMIF(${y},${c}$3,${v})`, "formula", FMT.money));
    sm.formula(`${totCol}${r}`, `=SUM(${yCols[0]}${r}:${yCols[years - 1]}${r})`, "formula", FMT.money);
    r++;
  };
  sm.label(`A${r++}`, "MSO", "header");
  yearRow("MSA fee revenue", MSO, rev);
  yearRow("Interest income", MSO, intInc);
  yearRow("Total costs", MSO, costs);
  yearRow("Pre-tax income", MSO, preTax);
  yearRow("Income tax", MSO, tax);
  yearRow("Net income", MSO, net);
  inputs.pcs.forEach((pc, p) => {
    sm.label(`A${r++}`, pc.name, "header");
    yearRow("Collections", pcSheets[p], PC_ROW.coll);
    yearRow("MSA fee expense", pcSheets[p], PC_ROW.fee);
    yearRow("Interest expense", pcSheets[p], PC_ROW.int);
    yearRow("Physician compensation", pcSheets[p], PC_ROW.comp);
    yearRow("Net income", pcSheets[p], PC_ROW.ni);
  });
  r++;
  const fmvHead = r++;
  ["PC", "Realised markup", "FMV low", "FMV high"].forEach((t, i) =>
    sm.label(`${columnLetter(i)}${fmvHead}`, t, "header"),
  );
  const fmv0 = r;
  inputs.pcs.forEach((pc, p) => {
    sm.value(`A${r}`, pc.name, "label");
    sm.formula(`B${r}`, `=${sheetRef(pcSheets[p])}C${PC_ROW.markup}`, "link", FMT.pct4);
    sm.formula(`C${r}`, `=${CHECKS}!$B$5`, "link", FMT.pct4);
    sm.formula(`D${r}`, `=${CHECKS}!$D$5`, "link", FMT.pct4);
    r++;
  });
  const fmv1 = r - 1;
  sm.columnWidths.A = 40;
  sm.columnWidths.B = 16;
  for (const c of [...yCols, totCol]) sm.columnWidths[c] = 16;

  // Charts on the Summary sheet, stacked right of the FMV table. The LOC balances are drawn twice:
  // against the credit limit (one scale, so the headroom reads true) and on their own scale, where
  // a limit far above them would flatten them.
  const morePcs = Math.max(0, inputs.pcs.length - 3); // room for more bars and their labels
  const chartRows = { fee: 18 + morePcs, loc: 22 };
  const monthEnds = `${sheetRef(MSO)}$${months[0]}$${TL.end}:$${months[T - 1]}$${TL.end}`;
  const monthlyRow = (sheet: string, row: number) =>
    `${sheetRef(sheet)}$${months[0]}$${row}:$${months[T - 1]}$${row}`;
  const balanceSeries = inputs.pcs.map((pc, p) => ({
    name: pc.name,
    values: monthlyRow(pcSheets[p], PC_ROW.close),
    categories: monthEnds,
  }));
  const locAxes = {
    category: "Month end",
    value: "LOC balance ($)",
    categoryFormat: "mmm yy",
    valueFormat: "#,##0",
  };
  const charts: PlanChart[] = [
    {
      sheet: SUMMARY,
      anchor: `F${fmvHead}`,
      size: { columns: 8 + morePcs, rows: chartRows.fee },
      type: "combo",
      title: "Realised MSA markup against the FMV range",
      axes: { category: "PC", value: "Markup on cost", valueFormat: "0.0%" },
      series: [
        {
          name: "Realised markup",
          values: `${sheetRef(SUMMARY)}$B$${fmv0}:$B$${fmv1}`,
          categories: `${sheetRef(SUMMARY)}$A$${fmv0}:$A$${fmv1}`,
          as: "column",
        },
        {
          name: "FMV low",
          values: `${sheetRef(SUMMARY)}$C$${fmv0}:$C$${fmv1}`,
          categories: `${sheetRef(SUMMARY)}$A$${fmv0}:$A$${fmv1}`,
          as: "line",
          dashed: true,
        },
        {
          name: "FMV high",
          values: `${sheetRef(SUMMARY)}$D$${fmv0}:$D$${fmv1}`,
          categories: `${sheetRef(SUMMARY)}$A$${fmv0}:$A$${fmv1}`,
          as: "line",
          dashed: true,
        },
      ],
    },
    {
      sheet: SUMMARY,
      anchor: `F${fmvHead + chartRows.fee + 2}`,
      size: { columns: 12, rows: chartRows.loc },
      type: "line",
      title: "LOC balance by PC against the credit limit",
      axes: locAxes,
      series: [
        ...balanceSeries,
        // One limit for every PC (LOC_Limit), shown by the first PC's limit row.
        {
          name: "Credit limit",
          values: monthlyRow(pcSheets[0], PC_ROW.limit),
          categories: monthEnds,
          dashed: true,
        },
      ],
    },
    {
      sheet: SUMMARY,
      anchor: `F${fmvHead + chartRows.fee + chartRows.loc + 4}`,
      size: { columns: 12, rows: chartRows.loc },
      type: "line",
      title: "LOC balance by PC",
      axes: locAxes,
      series: balanceSeries,
    },
  ];

  const ref = buildReference();
  const cell = (sheet: string, a1: string): CellRef => ({ sheet, a1 });
  const results: PlanResults = {
    months: cell(INPUTS, lay.names.find((n) => n.name === "Months")!.ref.replace(/\$/g, "")),
    mso: {
      revenue: cell(MSO, `D${rev}`),
      interestIncome: cell(MSO, `D${intInc}`),
      costs: cell(MSO, `D${costs}`),
      preTax: cell(MSO, `D${preTax}`),
      tax: cell(MSO, `D${tax}`),
      netIncome: cell(MSO, `D${net}`),
    },
    pcs: inputs.pcs.map((pc, p) => {
      const s = pcSheets[p];
      const b = pcBlocks[p];
      return {
        name: pc.name,
        sheet: s,
        cells: {
          fees: cell(s, `D${PC_ROW.fee}`),
          passThrough: cell(s, `D${PC_ROW.pt}`),
          interest: cell(s, `D${PC_ROW.int}`),
          physicianComp: cell(s, `D${PC_ROW.comp}`),
          netIncome: cell(s, `D${PC_ROW.ni}`),
          minMonthlyPhysicianComp: cell(s, `C${PC_ROW.minComp}`),
          realisedMarkup: cell(s, `C${PC_ROW.markup}`),
          fmvStatus: cell(s, `C${PC_ROW.status}`),
          peakLoc: cell(s, `C${PC_ROW.peak}`),
          requiredLimit: cell(s, `C${PC_ROW.required}`),
          limitOk: cell(s, `C${PC_ROW.limitOk}`),
        },
        rows: {
          base: { sheet: MSO, row: b.base },
          passThrough: { sheet: MSO, row: b.pt },
          fee: { sheet: MSO, row: b.fee },
          msoInterest: { sheet: MSO, row: b.int },
          msoReceivable: { sheet: MSO, row: b.close },
          pcFee: { sheet: s, row: PC_ROW.fee },
          pcInterest: { sheet: s, row: PC_ROW.int },
          pcClose: { sheet: s, row: PC_ROW.close },
        },
      };
    }),
    checks: {
      intercompanyZero: cell(CHECKS, `C${grIc}`),
      fmvWithin: cell(CHECKS, `C${grFmv}`),
      afrCompliant: cell(CHECKS, `C${grAfr}`),
      limitOk: cell(CHECKS, `C${grLim}`),
      physicianCompNonNegative: cell(CHECKS, `C${grComp}`),
      fmvAssessmentCurrent: cell(CHECKS, `C${grAge}`),
      master: cell(CHECKS, "C3"),
    },
    monthColumns: months,
    intercompanyRows: icRows,
  };

  const freezeTl = { rows: TL.year, columns: 4 };
  return {
    title: inputs.name,
    mode,
    tag: PLAN_TAG,
    sheets: [
      inW.toSheet({ rows: 2, columns: 1 }),
      mso.toSheet(freezeTl),
      ...pcWriters.map((w) => w.toSheet(freezeTl)),
      ic.toSheet(freezeTl),
      ck.toSheet(),
      sm.toSheet({ rows: 4, columns: 2 }),
      ref.sheet.toSheet({ rows: 0, columns: 0 }),
    ],
    names: [...lay.names, ...ref.names],
    tables: [
      {
        name: "ServiceLines",
        sheet: INPUTS,
        ref: `A${lay.sl[0].row - 1}:D${lay.sl[lay.sl.length - 1].row}`,
        columns: ["Service line", "Driver", "Annual cost", "Annual growth"],
      },
      {
        name: "PCs",
        sheet: INPUTS,
        ref: `A${lay.pc[0].row - 1}:L${lay.pc[lay.pc.length - 1].row}`,
        columns: [
          "PC",
          "State",
          "Owner",
          "Annual collections",
          "Annual growth",
          "Annual clinical costs",
          "Provider FTEs",
          "Annual visits",
          "Annual pass-through",
          "Physician comp mode",
          "Fixed physician comp",
          "LOC opening balance",
        ],
      },
      ...ref.tables,
    ],
    charts,
    results,
  };
}
