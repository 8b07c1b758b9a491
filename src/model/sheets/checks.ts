/**
 * The Checks sheet: one row per check with its value and OK or FAIL, the rows of each check
 * counted into a group row, and the master check over the groups. A row is OK only when its test
 * is TRUE: FALSE or any error value (an add-in formula without the add-in, a typed "5% p.a.") is
 * FAIL, and the counts are "rows not OK" (never COUNTIF "FAIL", which skips errors). Informational
 * rows sit after the master check's range and are not counted. The FMV range of the benchmarks is
 * in row 5 (FMV_RANGE_CELLS) and the AFR used in row 6.
 */
import { ModelInputs } from "../inputs";
import { AnyCheckId, CellRef, FormulaMode, PlanResults, isLink, sheetRef } from "../plan";
import { COL, FMT, SheetWriter, statusFormats } from "../writer";
import * as F from "../formulas";
import { COMPLIANCE, ComplianceLayout } from "./compliance";
import { InputsLayout } from "./inputs";
import { CHECKS, IC } from "./names";
import { PC_ROW, pcYears } from "./pc";
import { PC_CASH_ROW } from "./pc-cash";

export interface ChecksLayout {
  /** Each check's group row (column C is its OK/FAIL). */
  groups: Record<AnyCheckId, number>;
  master: string;
  rows: NonNullable<PlanResults["checkRows"]>;
  assessmentYears: CellRef[];
}

/** Where the AFR used (B) and the AFR restated monthly (C) are. */
export const AFR_ROW = 6;

/** Reference AFR table column of a term and compounding: B is the ruling, C..F short, G..J mid, K..N long. */
const AFR_COLUMN =
  `2+IF(LOC_AfrTerm="short",0,IF(LOC_AfrTerm="mid",4,IF(LOC_AfrTerm="long",8,NA())))` +
  `+IF(LOC_AfrCompounding=1,1,IF(LOC_AfrCompounding=2,2,IF(LOC_AfrCompounding=4,3,IF(LOC_AfrCompounding=12,4,NA()))))`;

type Row = { id: string; label: string; value: string; test: string; format?: string; rule: string };

export function buildChecks(
  inputs: ModelInputs,
  mode: FormulaMode,
  pcSheets: string[],
  icMax: number,
  lay: InputsLayout,
  comp: ComplianceLayout,
  v22: { msoMaxDiff: string; msoMinCash: string; consTieMax: string },
): { writer: SheetWriter; layout: ChecksLayout } {
  const ck = new SheetWriter(CHECKS, "checks");
  const firstBenchmark = `$C$${lay.benchmarks.first}`;
  ck.label("A1", "Checks — the master check is OK only when every check row is OK", "title");
  ck.label("A3", "MASTER CHECK", "header");
  ck.label("A5", "FMV range of the benchmarks (low, median, high)");
  F.fmvRangeCells(mode, ck, 5, firstBenchmark);
  ck.label(`A${AFR_ROW}`, "AFR used (Inputs, else Reference at the start month); as a monthly rate");
  const lookup = `INDEX(AFR_Table,MATCH(StartDate,AFR_Months,0),${AFR_COLUMN})`;
  ck.formula(
    `B${AFR_ROW}`,
    `=IF(ISBLANK(LOC_Afr),IF(${lookup}="",NA(),${lookup}),LOC_Afr)`,
    "formula",
    FMT.pct4,
  );
  ck.formula(`C${AFR_ROW}`, F.afrMonthly(mode, `B${AFR_ROW}`), "formula", FMT.pct4);
  // The hint shows only when the lookup found nothing: a typed AFR, or one found, needs no advice.
  ck.formula(
    `D${AFR_ROW}`,
    `=IF(ISNA(B${AFR_ROW}),"#N/A: add the revenue ruling for the start month to the Reference sheet","")`,
    "note",
  );
  ["Check", "Value", "Status", "Rule"].forEach((t, i) => ck.label(`${"ABCD"[i]}8`, t, "header"));
  let r = 9;
  const rows: ChecksLayout["rows"] = [];
  const detail = new Map<AnyCheckId, { start: number; end: number }>();
  const section = (check: AnyCheckId, list: Row[]) => {
    const start = r;
    for (const x of list) {
      ck.label(`A${r}`, x.label);
      ck.formula(`B${r}`, x.value, isLink(x.value) ? "link" : "formula", x.format);
      ck.formula(`C${r}`, F.okWhen(x.test.replace(/\bB#/g, `B${r}`)), "check");
      ck.label(`D${r}`, x.rule, "note");
      rows.push({
        id: x.id,
        check,
        label: x.label,
        a1: `C${r}`,
        value: `B${r}`,
        group: false,
        informational: false,
      });
      r++;
    }
    detail.set(check, { start, end: r - 1 });
  };
  const perPc = (
    check: AnyCheckId,
    label: string,
    value: (p: number) => string,
    test: string,
    rule: string,
    format?: string,
  ) =>
    section(
      check,
      inputs.pcs.map((pc, p) => ({
        id: `${check}:${pc.name}`,
        label: `${label} — ${pc.name}`,
        value: value(p),
        test,
        rule,
        format,
      })),
    );
  const pcCell = (p: number, a1: string) => `=${sheetRef(pcSheets[p])}${a1}`;

  section("intercompanyZero", [
    {
      id: "intercompanyZero",
      label: "Intercompany differences (largest, $)",
      value: `=${IC}!${COL.total}${icMax}`,
      test: "ROUND(B#,2)=0",
      format: FMT.money,
      rule: "every MSO/PC difference is 0 to the cent",
    },
  ]);
  perPc(
    "fmvWithin",
    "FMV status, every model year",
    (p) => pcCell(p, `C${PC_ROW.status}`),
    `OR(B#="WITHIN",B#="N/A")`,
    "realised markup within the FMV range in every model year with an active month (N/A: none)",
  );
  const b = lay.benchmarks;
  section("benchmarksContiguous", [
    {
      id: "benchmarksContiguous",
      label: "Blank benchmark rows above a filled one",
      value: `=COUNTIFS(Inputs!$C$${b.first + 1}:$C$${b.last},"<>",Inputs!$C$${b.first}:$C$${b.last - 1},"")`,
      test: "AND(B#=0,COUNT(FMV_Benchmarks)>0)",
      format: FMT.int,
      rule: "benchmarks filled from the top, no gaps, at least one",
    },
  ]);
  section("afrFound", [
    {
      id: "afrFound",
      label: "AFR typed on Inputs or found on the Reference sheet",
      value: `=ISNUMBER($B$${AFR_ROW})`,
      test: "B#",
      rule: "the Reference AFR table has the start month's row (and the term's column)",
    },
  ]);
  section("afrCompliant", [
    {
      id: "afrCompliant",
      label: "LOC rate at least the AFR (monthly compounding, like-for-like yield)",
      value: `=${F.afrTest(mode, `$C$${AFR_ROW}`)}`,
      test: "B#",
      rule: "LOC.AFRTEST(rate, 12, AFR as a monthly rate, 12)",
    },
  ]);
  perPc(
    "limitOk",
    "Required LOC limit",
    (p) => pcCell(p, `C${PC_ROW.required}`),
    "",
    "required limit ≤ the PC's credit limit",
    FMT.money,
  );
  // The limit test needs the PC's own limit cell: patch each row's test.
  {
    const d = detail.get("limitOk")!;
    inputs.pcs.forEach((_, p) => {
      const row = d.start + p;
      ck.formula(`C${row}`, F.okWhen(`B${row}<=${sheetRef(pcSheets[p])}$C$${PC_ROW.limit}`), "check");
    });
  }
  perPc(
    "physicianCompNonNegative",
    "Lowest monthly physician comp",
    (p) => pcCell(p, `C${PC_ROW.minComp}`),
    "B#>=0",
    "never negative",
    FMT.money,
  );
  const years = pcYears(inputs.months);
  const yearRow0 = r;
  section(
    "fmvAssessmentCurrent",
    years.map((y) => ({
      id: `fmvAssessmentCurrent:year ${y + 1}`,
      label: `FMV assessments covering model year ${y + 1}`,
      value: `=COUNTIFS(FMV_Assessments,">="&EDATE(E${yearRow0 + y},-MonthsPerYear),FMV_Assessments,"<="&E${yearRow0 + y})`,
      test: "B#>=1",
      format: FMT.int,
      rule: "an assessment in the 12 months up to the year's first day",
    })),
  );
  ck.label(`E8`, "Year starts", "header");
  years.forEach((y) =>
    ck.formula(
      `E${yearRow0 + y}`,
      y === 0 ? "=StartDate" : `=EDATE(E${yearRow0 + y - 1},MonthsPerYear)`,
      "formula",
      FMT.date,
    ),
  );
  const assessmentYears = years.map((y) => ({ sheet: CHECKS, a1: `C${yearRow0 + y}` }));
  perPc(
    "cpomOwnership",
    "Physician-owned, owner licensed in the state",
    (p) => `=${COMPLIANCE}!F${comp.pcRows[p]}`,
    "B#",
    "both Yes on the Compliance sheet",
  );
  const q = comp.questions;
  section("complianceAnswered", [
    {
      id: "complianceAnswered",
      label: "Compliance questions answered and dated",
      value: `=SUM(${COMPLIANCE}!H${q.first}:H${q.last})`,
      test: `B#=ROWS(${COMPLIANCE}!H${q.first}:H${q.last})`,
      format: FMT.int,
      rule: "every question on the Compliance sheet has an answer and a date",
    },
  ]);
  // v2.2: balance sheets, cash and consolidation.
  section("balanceSheetsBalance", [
    {
      id: "balanceSheetsBalance:MSO",
      label: "Balance sheet — MSO (largest |assets − equity|)",
      value: `=${v22.msoMaxDiff}`,
      test: "B#<=Cash_Tolerance",
      format: FMT.money,
      rule: "balances every month to half a cent",
    },
    ...inputs.pcs.map((pc, p) => ({
      id: `balanceSheetsBalance:${pc.name}`,
      label: `Balance sheet and cash flow — ${pc.name} (largest difference)`,
      value: pcCell(p, `C${PC_CASH_ROW.maxBsDiff}`),
      test: "B#<=Cash_Tolerance",
      format: FMT.money,
      rule: "balances every month to half a cent",
    })),
  ]);
  perPc(
    "pcCashNonNegative",
    "Lowest month-end cash",
    (p) => pcCell(p, `C${PC_CASH_ROW.minCash}`),
    "B#>=-Cash_Tolerance",
    "never below 0",
    FMT.money,
  );
  section("msoCashNonNegative", [
    {
      id: "msoCashNonNegative",
      label: "Lowest month-end cash — MSO",
      value: `=${v22.msoMinCash}`,
      test: "B#>=-Cash_Tolerance",
      format: FMT.money,
      rule: "never below 0: purchases and lending need funding",
    },
  ]);
  section("consolidationTies", [
    {
      id: "consolidationTies",
      label: "Consolidation ties (largest |elimination or tie-out|)",
      value: `=${v22.consTieMax}`,
      test: "B#<=Cash_Tolerance",
      format: FMT.money,
      rule: "net income = MSO's + PCs'; every elimination 0",
    },
  ]);
  statusFormats(ck, `C9:C${r - 1}`);

  r++;
  ck.label(`A${r++}`, "Check groups (counted by the master check)", "header");
  const groups = {} as Record<AnyCheckId, number>;
  const g0 = r;
  for (const [check, d] of detail) {
    const row = r++;
    groups[check] = row;
    ck.label(`A${row}`, GROUP_LABELS[check]);
    const range = `C${d.start}:C${d.end}`;
    ck.formula(`B${row}`, `=ROWS(${range})-COUNTIF(${range},"OK")`, "formula", FMT.int);
    ck.formula(`C${row}`, F.okWhen(`B${row}=0`), "check");
    ck.label(`D${row}`, `${check}: rows not OK`, "note");
    rows.push({
      id: check,
      check,
      label: GROUP_LABELS[check],
      a1: `C${row}`,
      value: `B${row}`,
      group: true,
      informational: false,
    });
  }
  const g1 = r - 1;
  statusFormats(ck, `C${g0}:C${g1}`);
  ck.formula("B3", `=ROWS(C${g0}:C${g1})-COUNTIF(C${g0}:C${g1},"OK")`, "formula", FMT.int);
  ck.formula("C3", F.okWhen("B3=0"), "check");
  ck.label("D3", "number of check groups not OK", "note");
  statusFormats(ck, "C3");

  r++;
  ck.label(`A${r++}`, "Informational (not in the master check)", "header");
  const i0 = r;
  inputs.pcs.forEach((pc, p) => {
    const row = r++;
    const label = `Fee-splitting risk — ${pc.name}`;
    ck.label(`A${row}`, label);
    ck.formula(`B${row}`, `=${COMPLIANCE}!G${comp.pcRows[p]}`, "link");
    ck.formula(`C${row}`, `=IF(ISERROR(B${row}),"FAIL",IF(B${row},"REVIEW","OK"))`, "check");
    ck.label(`D${row}`, "strict-CPOM state and a collections-driven service line in the fee: review", "note");
    rows.push({
      id: `feeSplittingRisk:${pc.name}`,
      check: "feeSplittingRisk",
      label,
      a1: `C${row}`,
      value: `B${row}`,
      group: false,
      informational: true,
    });
  });
  statusFormats(ck, `C${i0}:C${r - 1}`);
  Object.assign(ck.columnWidths, { A: 60, B: 18, C: 14, D: 60, E: 14 });
  return { writer: ck, layout: { groups, master: "C3", rows, assessmentYears } };
}

const GROUP_LABELS: Record<AnyCheckId, string> = {
  intercompanyZero: "Intercompany differences all zero",
  fmvWithin: "Every PC's FMV status is WITHIN in every model year",
  benchmarksContiguous: "FMV benchmarks contiguous",
  afrFound: "AFR found",
  afrCompliant: "AFR check",
  limitOk: "Every PC's limit covers its required limit",
  physicianCompNonNegative: "Physician compensation never negative",
  fmvAssessmentCurrent: "An FMV assessment covers every model year",
  cpomOwnership: "Every PC physician-owned by a licensed owner",
  complianceAnswered: "Every compliance question answered",
  balanceSheetsBalance: "Every balance sheet balances",
  pcCashNonNegative: "No PC's cash below 0",
  msoCashNonNegative: "The MSO's cash never below 0",
  consolidationTies: "Consolidation ties",
};
