/**
 * The Inputs sheet: every assumption of the model, blue, with units, notes and a named range per
 * field, so the other sheets' formulas read names, not addresses.
 */
import { ModelInputs } from "../inputs";
import { PlanName, PlanTable, columnLetter } from "../plan";
import { excelSerial } from "../reference";
import { FMT, SheetWriter } from "../writer";
import { INPUTS, abs } from "./names";

/** Where each service line and each PC sits on the Inputs sheet, and the names defined there. */
export interface InputsLayout {
  sl: { row: number }[];
  pc: { row: number }[];
  names: PlanName[];
}

/** `Inputs!$C$12`: a cell of the Inputs sheet, for formulas on other sheets. */
export const inRef = (col: string, row: number): string => `${INPUTS}!${abs(row, col)}`;

/** Inputs sheet: every assumption, blue, with units and named ranges per block. */
export function buildInputs(inp: ModelInputs, w: SheetWriter): InputsLayout {
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
  ];
}
