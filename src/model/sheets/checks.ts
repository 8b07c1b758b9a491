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

/** The group rows whose column C is each check's OK/FAIL, and the master check's cell. */
export interface ChecksLayout {
  grIc: number;
  grFmv: number;
  grAfr: number;
  grLim: number;
  grComp: number;
  grAge: number;
  master: string;
}

export function buildChecks(
  inputs: ModelInputs,
  mode: FormulaMode,
  pcSheets: string[],
  icMax: number,
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
  return { writer: ck, layout: { grIc, grFmv, grAfr, grLim, grComp, grAge, master: "C3" } };
}
