/**
 * The Inputs sheet's v2.2 block (MODEL.md "v2.2"), laid out below the v1 inputs: the fee payment
 * lag, the line's draw mode and sweep, the MSO's opening cash, the exit multiple and the tax of the
 * structure as named cells; then one row per PC with its joining month, purchase price and cash
 * terms. All blue and live: every formula reads them by name or address. Each cell's validation
 * comes from the inputs schema (inputs-rules.ts `schemaRule`): its enum as an in-cell list, its
 * bounds as a whole-number or decimal range.
 */
import { ModelInputs, joinMonthIndex, lastMonth } from "../inputs";
import { PlanInputCell, PlanName, PlanValidation } from "../plan";
import { excelSerial } from "../reference";
import { FMT, SheetWriter } from "../writer";
import { InputCellSpec, InputsFields } from "./inputs-fields";
import { CellRule, schemaRule } from "./inputs-rules";
import { INPUTS } from "./names";

/** Columns of the per-PC v2.2 table on the Inputs sheet. */
export const ACQ_COL = {
  name: "A",
  join: "B",
  price: "C",
  openingCash: "D",
  lag: "E",
  minimumCash: "F",
  deNovo: "G",
} as const;

export interface InputsV22Layout {
  /** One row per PC in the acquisitions table. */
  acq: { row: number }[];
  names: PlanName[];
  /** The blue cells' JSON paths, for read-inputs (v2.1's input-cell map). */
  inputCells: PlanInputCell[];
  /** The blue cells' data validations, as v2.1's inputs have. */
  validations: PlanValidation[];
}

/**
 * A joining month: a date inside the horizon (the schema's rule, checked when the file is parsed),
 * any day of a month standing for that month, as read-inputs reads it; blank joins in the first month.
 */
function joinMonthRule(inp: ModelInputs): CellRule {
  const [sy, sm] = inp.startMonth.split("-").map(Number);
  const last = lastMonth(inp.startMonth, inp.months);
  const [ly, lm] = last.split("-").map(Number);
  return {
    rule: { kind: "date", min: excelSerial(sy, sm, 1), max: excelSerial(ly, lm + 1, 0) },
    allowBlank: true,
    allowed: `a month from ${inp.startMonth} to ${last} (the model's horizon), or blank for ${inp.startMonth}`,
  };
}

export function buildInputsV22(inp: ModelInputs, w: SheetWriter, pcNameRows: number[]): InputsV22Layout {
  const f = new InputsFields(w, w.lastRow + 2);
  f.header("Cash, credit line and settlement");
  f.field({
    name: "Fee_PaymentLag",
    label: "Fee payment lag",
    unit: "months",
    value: inp.fee.paymentLagMonths,
    path: ["fee", "paymentLagMonths"],
    type: "number",
    format: FMT.int,
    note: "0 to 2: the fee's cash part is paid this many months after it is billed",
    ...schemaRule(["fee", "paymentLagMonths"], { unit: "months" }),
  });
  f.field({
    name: "LOC_DrawMode",
    label: "Draw mode",
    unit: "text",
    value: inp.loc.drawMode,
    path: ["loc", "drawMode"],
    type: "text",
    note: "deferral (a share of each fee) or cash (a revolver on the PC's cash needs)",
    ...schemaRule(["loc", "drawMode"]),
  });
  f.field({
    name: "LOC_Sweep",
    label: "Sweep surplus cash to the line",
    unit: "TRUE/FALSE",
    value: inp.loc.sweep,
    path: ["loc", "sweep"],
    type: "boolean",
    note: "deferral mode only: repay from cash above the PC's minimum",
    ...schemaRule(["loc", "sweep"]),
  });
  f.field({
    name: "MSO_OpeningCash",
    label: "MSO opening cash",
    unit: "$",
    value: inp.mso.openingCash,
    path: ["mso", "openingCash"],
    type: "number",
    format: FMT.money,
    ...schemaRule(["mso", "openingCash"], { unit: "$" }),
  });
  f.constant(
    "Cash_Tolerance",
    "Tolerance of the balance and cash checks",
    "$",
    0.005,
    "half a cent (convention, not an input)",
    FMT.money,
  );
  f.constant(
    "DiffDecimals",
    "Decimal places kept in a difference row",
    "places",
    6,
    "a difference that should be 0 is rounded to a millionth of a dollar: floating-point residue of sums in the millions differs by formula mode (convention, not an input)",
    FMT.int,
  );
  f.row++;
  f.header("Tax across the structure");
  f.field({
    name: "Tax_MsoEntity",
    label: "MSO entity type",
    unit: "text",
    value: inp.tax.msoEntity,
    path: ["tax", "msoEntity"],
    type: "text",
    note: "c-corp or pass-through",
    ...schemaRule(["tax", "msoEntity"]),
  });
  f.field({
    name: "Tax_Losses",
    label: "MSO losses (C-corp)",
    unit: "text",
    value: inp.tax.losses,
    path: ["tax", "losses"],
    type: "text",
    note: "refund (a loss month gives a benefit) or carryforward (NOL, 80% limit)",
    ...schemaRule(["tax", "losses"]),
  });
  f.constant(
    "Tax_NolLimit",
    "Share of a year's income an NOL may offset",
    "%",
    0.8,
    "IRC §172(a)(2) for losses after 2017 (law, not an input)",
    FMT.pct,
  );
  const rate = (
    name: string,
    key: "ownerRate" | "msoPayoutShare" | "dividendRate" | "physicianRate",
    label: string,
    note?: string,
  ) =>
    f.field({
      name,
      label,
      unit: "%",
      value: inp.tax[key],
      path: ["tax", key],
      type: "number",
      format: FMT.pct,
      note,
      ...schemaRule(["tax", key], { unit: "%" }),
    });
  rate("Tax_OwnerRate", "ownerRate", "Owners' rate on pass-through MSO income");
  rate("Tax_PayoutShare", "msoPayoutShare", "C-corp payout share of net income");
  rate("Tax_DividendRate", "dividendRate", "Owners' rate on dividends");
  rate(
    "Tax_PhysicianRate",
    "physicianRate",
    "Physicians' rate on compensation and distributions",
    "rates are inputs, not advice",
  );
  f.row++;
  f.header("Deal");
  f.field({
    name: "Deal_ExitMultiple",
    label: "Exit multiple of EBITDA attributable to the MSO",
    unit: "×",
    value: inp.deal.exitMultiple,
    path: ["deal", "exitMultiple"],
    type: "number",
    format: FMT.number,
    note: "blank = no exit value",
    ...schemaRule(["deal", "exitMultiple"], { unit: "×", blank: "for no exit value" }),
  });
  f.row++;
  w.label(`A${f.row}`, "Acquisitions and PC cash", "header");
  f.row++;
  [
    "PC",
    "Joining month",
    "Purchase price ($)",
    "Opening cash ($)",
    "Collection lag (months)",
    "Minimum cash ($)",
    "De novo (TRUE/FALSE)",
  ].forEach((t, i) => w.label(`${"ABCDEFG"[i]}${f.row}`, t, "header"));
  f.row++;
  const [sy, sm] = inp.startMonth.split("-").map(Number);
  const joinRule = joinMonthRule(inp);
  const acq = inp.pcs.map((pc, p) => {
    const row = f.row++;
    const j = joinMonthIndex(inp, pc);
    const put = (col: string, key: string, spec: Omit<InputCellSpec, "path">) =>
      f.input(`${col}${row}`, { ...spec, path: ["pcs", p, key] }, `pcs[${p}].${key}`);
    const amount = (col: string, key: "purchasePrice" | "openingCash" | "minimumCash") =>
      put(col, key, {
        value: pc[key],
        type: "number",
        format: FMT.money,
        ...schemaRule(["pcs", p, key], { unit: "$" }),
      });
    w.formula(`${ACQ_COL.name}${row}`, `=${INPUTS}!$A$${pcNameRows[p]}`, "formula");
    put(ACQ_COL.join, "joinMonth", {
      value: excelSerial(sy, sm + j - 1, 1),
      type: "month",
      format: FMT.month,
      ...joinRule,
    });
    amount(ACQ_COL.price, "purchasePrice");
    amount(ACQ_COL.openingCash, "openingCash");
    put(ACQ_COL.lag, "collectionLagMonths", {
      value: pc.collectionLagMonths,
      type: "number",
      format: FMT.int,
      ...schemaRule(["pcs", p, "collectionLagMonths"], { unit: "months" }),
    });
    amount(ACQ_COL.minimumCash, "minimumCash");
    put(ACQ_COL.deNovo, "deNovo", { value: pc.deNovo, type: "boolean", ...schemaRule(["pcs", p, "deNovo"]) });
    return { row };
  });
  const { names, inputCells, validations } = f;
  return { acq, names, inputCells, validations };
}
