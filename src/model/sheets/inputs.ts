/**
 * The Inputs sheet: every assumption of the model, with units, notes and a named range per field,
 * so the other sheets' formulas read names, not addresses. Blue cells are live inputs (change one
 * and the model recalculates); grey cells are structural (the layout: start month, months, the
 * lists of PCs and service lines) and need a rebuild. Every input cell is recorded with its JSON
 * path (`inputCells`) and, where Excel can express it, a data validation (inputs-rules.ts).
 *
 * This module orders the v2.1 sections; each lives in its own module (inputs-fee-fmv, inputs-loc-tax,
 * inputs-tables), written through the shared field writer (inputs-fields). The v2.2 block below
 * them is inputs-v22.ts.
 */
import { ModelInputs } from "../inputs";
import { PlanInputCell, PlanName, PlanValidation } from "../plan";
import { excelSerial } from "../reference";
import { FMT, SheetWriter } from "../writer";
import { feeSection, fmvSection } from "./inputs-fee-fmv";
import { InputsFields } from "./inputs-fields";
import { locSection, taxSection } from "./inputs-loc-tax";
import { pcTable, serviceLineTable } from "./inputs-tables";
import { INPUTS, abs } from "./names";

export { PC_COL, SL_COL, inputsTables } from "./inputs-tables";

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

/** Inputs sheet: every assumption, blue (grey when structural), with units and named ranges. */
export function buildInputs(inp: ModelInputs, w: SheetWriter): InputsLayout {
  w.label("A1", `Inputs — ${inp.name}`, "title");
  w.label(
    "A2",
    "Blue cells are inputs: change one and the model recalculates. Grey cells are structural: rebuild to change.",
    "note",
  );
  const f = new InputsFields(w, 4);
  const [sy, sm] = inp.startMonth.split("-").map(Number);
  f.header("General");
  f.field({
    name: "Model_Name",
    label: "Model name",
    unit: "text",
    value: inp.name,
    path: ["name"],
    type: "text",
  });
  f.field({
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
  f.field({
    name: "Months",
    label: "Months modelled (T)",
    unit: "months",
    value: inp.months,
    path: ["months"],
    type: "number",
    format: FMT.int,
    role: "structural",
  });
  // Conventions, not assumptions: changing one would break the model's calendar or day count (the
  // add-in formulas' LOC.INTEREST is Actual/365 by its basis argument).
  f.constant(
    "MonthsPerYear",
    "Months per year",
    "months",
    12,
    "calendar constant; the note compounds monthly",
    FMT.int,
  );
  f.constant(
    "DaysPerYear",
    "Days per year (Actual/365)",
    "days",
    365,
    "day-count denominator (not an input)",
    FMT.int,
  );
  f.constant(
    "RoundDecimals",
    "Decimal places kept before a test",
    "places",
    10,
    "clears floating-point residue, e.g. a markup on an FMV bound (convention, not an input)",
    FMT.int,
  );
  f.row++;
  feeSection(inp, f);
  const benchmarks = fmvSection(inp, f);
  locSection(inp, f);
  taxSection(inp, f);
  const sl = serviceLineTable(inp, f);
  f.row++;
  const pc = pcTable(inp, f);
  Object.assign(w.columnWidths, { A: 46, B: 16, C: 18, D: 20 });
  for (const c of "EFGHIJKLMNOPQR") w.columnWidths[c] = 18;
  const { names, inputCells, validations } = f;
  return { sl, pc, names, benchmarks, inputCells, validations };
}
