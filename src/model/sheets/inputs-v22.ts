/**
 * The Inputs sheet's v2.2 block (MODEL.md "v2.2"), laid out below the v1 inputs: the fee payment
 * lag, the line's draw mode and sweep, the MSO's opening cash, the exit multiple and the tax of the
 * structure as named cells; then one row per PC with its joining month, purchase price and cash
 * terms. All blue and live: every formula reads them by name or address.
 */
import { ModelInputs, joinMonthIndex } from "../inputs";
import { PlanName } from "../plan";
import { excelSerial } from "../reference";
import { FMT, SheetWriter } from "../writer";
import { INPUTS, abs } from "./names";

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
}

export function buildInputsV22(inp: ModelInputs, w: SheetWriter, pcNameRows: number[]): InputsV22Layout {
  const names: PlanName[] = [];
  let r = w.lastRow + 2;
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
    role: "input" | "formula" = "input",
  ) => {
    w.label(`A${r}`, label);
    w.label(`B${r}`, unit, "note");
    w.value(`C${r}`, value, role, format);
    if (note) w.label(`D${r}`, note, "note");
    names.push({ name: n, sheet: INPUTS, ref: abs(r, "C") });
    r++;
  };
  header("Cash, credit line and settlement");
  field(
    "Fee_PaymentLag",
    "Fee payment lag",
    "months",
    inp.fee.paymentLagMonths,
    FMT.int,
    "0 to 2: the fee's cash part is paid this many months after it is billed",
  );
  field(
    "LOC_DrawMode",
    "Draw mode",
    "text",
    inp.loc.drawMode,
    undefined,
    "deferral (a share of each fee) or cash (a revolver on the PC's cash needs)",
  );
  field(
    "LOC_Sweep",
    "Sweep surplus cash to the line",
    "TRUE/FALSE",
    inp.loc.sweep,
    undefined,
    "deferral mode only: repay from cash above the PC's minimum",
  );
  field("MSO_OpeningCash", "MSO opening cash", "$", inp.mso.openingCash, FMT.money);
  field(
    "Cash_Tolerance",
    "Tolerance of the balance and cash checks",
    "$",
    0.005,
    FMT.money,
    "half a cent (convention, not an input)",
    "formula",
  );
  field(
    "DiffDecimals",
    "Decimal places kept in a difference row",
    "places",
    6,
    FMT.int,
    "a difference that should be 0 is rounded to a millionth of a dollar: floating-point residue of sums in the millions differs by formula mode (convention, not an input)",
    "formula",
  );
  r++;
  header("Tax across the structure");
  field("Tax_MsoEntity", "MSO entity type", "text", inp.tax.msoEntity, undefined, "c-corp or pass-through");
  field(
    "Tax_Losses",
    "MSO losses (C-corp)",
    "text",
    inp.tax.losses,
    undefined,
    "refund (a loss month gives a benefit) or carryforward (NOL, 80% limit)",
  );
  field(
    "Tax_NolLimit",
    "Share of a year's income an NOL may offset",
    "%",
    0.8,
    FMT.pct,
    "IRC §172(a)(2) for losses after 2017 (law, not an input)",
    "formula",
  );
  field("Tax_OwnerRate", "Owners' rate on pass-through MSO income", "%", inp.tax.ownerRate, FMT.pct);
  field("Tax_PayoutShare", "C-corp payout share of net income", "%", inp.tax.msoPayoutShare, FMT.pct);
  field("Tax_DividendRate", "Owners' rate on dividends", "%", inp.tax.dividendRate, FMT.pct);
  field(
    "Tax_PhysicianRate",
    "Physicians' rate on compensation and distributions",
    "%",
    inp.tax.physicianRate,
    FMT.pct,
    "rates are inputs, not advice",
  );
  r++;
  header("Deal");
  field(
    "Deal_ExitMultiple",
    "Exit multiple of EBITDA attributable to the MSO",
    "×",
    inp.deal.exitMultiple,
    FMT.number,
    "blank = no exit value",
  );
  r++;
  w.label(`A${r}`, "Acquisitions and PC cash", "header");
  r++;
  [
    "PC",
    "Joining month",
    "Purchase price ($)",
    "Opening cash ($)",
    "Collection lag (months)",
    "Minimum cash ($)",
    "De novo (TRUE/FALSE)",
  ].forEach((t, i) => w.label(`${"ABCDEFG"[i]}${r}`, t, "header"));
  r++;
  const [sy, sm] = inp.startMonth.split("-").map(Number);
  const acq = inp.pcs.map((pc, p) => {
    const row = r++;
    const j = joinMonthIndex(inp, pc);
    w.formula(`${ACQ_COL.name}${row}`, `=${INPUTS}!$A$${pcNameRows[p]}`, "formula");
    w.value(`${ACQ_COL.join}${row}`, excelSerial(sy, sm + j - 1, 1), "input", FMT.month);
    w.value(`${ACQ_COL.price}${row}`, pc.purchasePrice, "input", FMT.money);
    w.value(`${ACQ_COL.openingCash}${row}`, pc.openingCash, "input", FMT.money);
    w.value(`${ACQ_COL.lag}${row}`, pc.collectionLagMonths, "input", FMT.int);
    w.value(`${ACQ_COL.minimumCash}${row}`, pc.minimumCash, "input", FMT.money);
    w.value(`${ACQ_COL.deNovo}${row}`, pc.deNovo, "input");
    return { row };
  });
  return { acq, names };
}
