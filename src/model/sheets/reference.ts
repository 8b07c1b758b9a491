/**
 * The Reference sheet: the AFR table and the CPOM state table from data/, laid out as editable
 * (blue) input cells, because both are interpretive or time-bound and must be checked by the user.
 */
import { PlanName, PlanTable } from "../plan";
import { AFR_ROWS, CPOM_DEFAULT_TIER, CPOM_ROWS, REFERENCE_SHEET, excelSerial } from "../reference";
import { FMT, SheetWriter } from "../writer";

export function buildReference(): { sheet: SheetWriter; names: PlanName[]; tables: PlanTable[] } {
  const w = new SheetWriter(REFERENCE_SHEET, "reference");
  w.label("A1", "Reference data — editable; not legal or tax advice", "title");
  w.label(
    "A2",
    "IRS Applicable Federal Rates (Table 1, 100% rows) as fractions. Verify every row at irs.gov. A model whose start month has no row here fails afrFound: add that month's revenue ruling (irs.gov/applicable-federal-rates) as a row.",
    "note",
  );
  const afrHeader = [
    "Month",
    "Rev. Rul.",
    "ST annual",
    "ST semiannual",
    "ST quarterly",
    "ST monthly",
    "MT annual",
    "MT semiannual",
    "MT quarterly",
    "MT monthly",
    "LT annual",
    "LT semiannual",
    "LT quarterly",
    "LT monthly",
    "Source",
    "Note",
  ];
  const cols = "ABCDEFGHIJKLMNOP".split("");
  const h = 4;
  afrHeader.forEach((t, i) => w.label(`${cols[i]}${h}`, t, "header"));
  AFR_ROWS.forEach((r, i) => {
    const row = h + 1 + i;
    const [y, m] = r.month.split("-").map(Number);
    w.value(`A${row}`, excelSerial(y, m, 1), "input", FMT.month);
    w.value(`B${row}`, r.revenueRuling ?? "(not found)", "input");
    [r.shortTerm, r.midTerm, r.longTerm].forEach((rates, k) => {
      const vals = rates
        ? [rates.annual, rates.semiannual, rates.quarterly, rates.monthly]
        : [null, null, null, null];
      vals.forEach((v, j) => w.value(`${cols[2 + k * 4 + j]}${row}`, v, "input", FMT.pct));
    });
    w.value(`O${row}`, r.source, "input");
    w.value(`P${row}`, r.note, "note");
  });
  const afrLast = h + AFR_ROWS.length;

  const c0 = afrLast + 3;
  w.label(
    `A${c0 - 1}`,
    "Corporate practice of medicine (CPOM) by state — interpretive; verify with counsel.",
    "note",
  );
  const cpomHeader = ["Code", "State", "Tier", "Confidence", "Notes", "Source"];
  cpomHeader.forEach((t, i) => w.label(`${cols[i]}${c0}`, t, "header"));
  CPOM_ROWS.forEach((r, i) => {
    const row = c0 + 1 + i;
    w.value(`A${row}`, r.code, "input");
    w.value(`B${row}`, r.state, "input");
    w.value(`C${row}`, r.tier, "input");
    w.value(`D${row}`, r.confidence, "input");
    w.value(`E${row}`, r.notes, "input");
    w.value(`F${row}`, r.source, "input");
  });
  const cLast = c0 + CPOM_ROWS.length;
  const dRow = cLast + 2;
  w.label(`A${dRow}`, "Tier for a state not in the table");
  w.value(`C${dRow}`, CPOM_DEFAULT_TIER, "input");

  Object.assign(w.columnWidths, { A: 12, B: 22, C: 18, D: 12, E: 60, F: 40, O: 40, P: 16 });
  for (const c of "GHIJKLMN") w.columnWidths[c] = 12;

  const names: PlanName[] = [
    {
      name: "AFR_Table",
      sheet: REFERENCE_SHEET,
      ref: `$A$${h + 1}:$N$${afrLast}`,
      comment: "AFR rows: month, ruling, 12 rates",
    },
    { name: "AFR_Months", sheet: REFERENCE_SHEET, ref: `$A$${h + 1}:$A$${afrLast}` },
    { name: "CPOM_Code", sheet: REFERENCE_SHEET, ref: `$A$${c0 + 1}:$A$${cLast}` },
    { name: "CPOM_Tier", sheet: REFERENCE_SHEET, ref: `$C$${c0 + 1}:$C$${cLast}` },
    { name: "CPOM_Default", sheet: REFERENCE_SHEET, ref: `$C$${dRow}` },
  ];
  const tables: PlanTable[] = [
    { name: "AfrTable", sheet: REFERENCE_SHEET, ref: `A${h}:P${afrLast}`, columns: afrHeader },
    { name: "CpomTable", sheet: REFERENCE_SHEET, ref: `A${c0}:F${cLast}`, columns: cpomHeader },
  ];
  return { sheet: w, names, tables };
}
