/**
 * The Checks sheet: one row per check with its value and OK or FAIL, grouped, and the master
 * check over the groups. The FMV range of the benchmarks sits in row 5 (FMV_RANGE_CELLS).
 */
import { ModelInputs } from "../inputs";
import { FormulaMode, isLink, sheetRef } from "../plan";
import { COL, FMT, SheetWriter } from "../writer";
import * as F from "../formulas";
import { CHECKS, IC } from "./names";
import { PC_ROW } from "./pc";
import { PC_CASH_ROW } from "./pc-cash";

/** The group rows whose column C is each check's OK/FAIL, and the master check's cell. */
export interface ChecksLayout {
  grIc: number;
  grFmv: number;
  grAfr: number;
  grLim: number;
  grComp: number;
  grAge: number;
  grBs: number;
  grPcCash: number;
  grMsoCash: number;
  grCons: number;
  master: string;
}

export function buildChecks(
  inputs: ModelInputs,
  mode: FormulaMode,
  pcSheets: string[],
  icMax: number,
  v22: { msoMaxDiff: string; msoMinCash: string; consTieMax: string },
): { writer: SheetWriter; layout: ChecksLayout } {
  const ck = new SheetWriter(CHECKS, "checks");
  ck.label("A1", "Checks — OK when every row is OK", "title");
  ck.label("A3", "MASTER CHECK", "header");
  ck.label("A5", "FMV range of the benchmarks (low, median, high)");
  F.fmvRangeCells(mode, ck, 5);
  ck.label("A7", "Check", "header");
  ck.label("B7", "Value", "header");
  ck.label("C7", "Status", "header");
  ck.label("D7", "Rule", "header");
  let r = 8;
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
        `=IF(OR(B${row}="WITHIN",B${row}="N/A"),"OK","FAIL")`,
        undefined,
        "realised markup within the FMV range (N/A: not active in the year)",
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
  // v2.2: balance sheets, cash and consolidation. An error value is a FAIL, never an OK.
  const honest = (row: number, test: string) => `=IF(ISERROR(B${row}),"FAIL",IF(${test},"OK","FAIL"))`;
  const gBs = group([
    [
      "Balance sheet — MSO (largest |assets − equity|)",
      `=${v22.msoMaxDiff}`,
      honest(r, `B${r}<=Cash_Tolerance`),
      FMT.money,
      "balances every month to half a cent",
    ],
    ...inputs.pcs.map((pc, p): [string, string, string, string, string] => [
      `Balance sheet and cash flow — ${pc.name} (largest difference)`,
      `=${sheetRef(pcSheets[p])}C${PC_CASH_ROW.maxBsDiff}`,
      honest(r + 1 + p, `B${r + 1 + p}<=Cash_Tolerance`),
      FMT.money,
      "balances every month to half a cent",
    ]),
  ]);
  const gPcCash = group(
    inputs.pcs.map((pc, p) => [
      `Lowest month-end cash — ${pc.name}`,
      `=${sheetRef(pcSheets[p])}C${PC_CASH_ROW.minCash}`,
      honest(r + p, `B${r + p}>=-Cash_Tolerance`),
      FMT.money,
      "never below 0",
    ]),
  );
  const gMsoCash = group([
    [
      "Lowest month-end cash — MSO",
      `=${v22.msoMinCash}`,
      honest(r, `B${r}>=-Cash_Tolerance`),
      FMT.money,
      "never below 0: purchases and lending need funding",
    ],
  ]);
  const gCons = group([
    [
      "Consolidation ties (largest |elimination or tie-out|)",
      `=${v22.consTieMax}`,
      honest(r, `B${r}<=Cash_Tolerance`),
      FMT.money,
      "net income = MSO's + PCs'; every elimination 0",
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
  const grBs = groupRow("Every balance sheet balances", gBs);
  const grPcCash = groupRow("No PC's cash below 0", gPcCash);
  const grMsoCash = groupRow("The MSO's cash never below 0", gMsoCash);
  const grCons = groupRow("Consolidation ties", gCons);
  ck.formula("B3", `=SUM(B${grIc}:B${grCons})`, "formula", FMT.int);
  ck.formula("C3", `=IF(B3=0,"OK","FAIL")`, "check");
  ck.label("D3", "number of failed checks", "note");
  Object.assign(ck.columnWidths, { A: 52, B: 18, C: 18, D: 44 });
  return {
    writer: ck,
    layout: { grIc, grFmv, grAfr, grLim, grComp, grAge, grBs, grPcCash, grMsoCash, grCons, master: "C3" },
  };
}
