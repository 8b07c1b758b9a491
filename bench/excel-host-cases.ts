/**
 * The Excel host's round trips and request sizes for a build of 1, 10 and 50 PCs (issue 9), and the
 * round trips of the Review panel's reads of it, measured
 * on the strict Office.js fake (test/workbook/fake-office), which counts syncs and the JSON bytes of
 * each request as Office.js would send them. Counts, not times: the same on any machine.
 *
 * For bench/run.ts: `excelHostCases()` returns the rows; `npx tsx bench/excel-host-cases.ts` prints them.
 */
import { buildPlan } from "../src/model/build";
import { FormulaMode } from "../src/model/plan";
import { readReview } from "../src/taskpane/panels/review/read-review";
import { ExcelHost, ExcelRun } from "../src/workbook/excel";
import { FakeExcel } from "../test/workbook/fake-office/fake-excel";
import { benchInputs } from "./model-inputs";

export interface ExcelHostCase {
  pcs: number;
  months: number;
  mode: FormulaMode;
  cells: number;
  syncs: number;
  totalBytes: number;
  largestRequestBytes: number;
  /** The fewest syncs the bytes allow at 2 MB a request, plus the two reading round trips. */
  syncFloor: number;
  /** Syncs for the Review panel's reads of the built model (every result cell and LOC row). */
  reviewSyncs: number;
}

export async function excelHostCase(
  pcs: number,
  months = 120,
  mode: FormulaMode = "addin",
): Promise<ExcelHostCase> {
  const plan = buildPlan(benchInputs(pcs, months), { formulas: mode });
  const fake = new FakeExcel();
  const host = new ExcelHost({ run: fake.run as unknown as ExcelRun, isSetSupported: fake.isSetSupported });
  await host.writePlan(plan);
  const totalBytes = fake.syncBytes.reduce((a, b) => a + b, 0);
  const written = fake.syncs;
  await readReview(host, plan, (ref) => ref);
  const reviewSyncs = fake.syncs - written;
  return {
    pcs,
    months,
    mode,
    cells: plan.sheets.reduce((n, s) => n + s.cells.length, 0),
    syncs: written,
    totalBytes,
    largestRequestBytes: Math.max(...fake.syncBytes),
    syncFloor: Math.ceil(totalBytes / (2 * 1024 * 1024)) + 2,
    reviewSyncs,
  };
}

export async function excelHostCases(): Promise<ExcelHostCase[]> {
  const out: ExcelHostCase[] = [];
  for (const pcs of [1, 10, 50]) out.push(await excelHostCase(pcs));
  return out;
}

if (require.main === module) {
  void excelHostCases().then((rows) => {
    console.table(
      rows.map((r) => ({
        PCs: r.pcs,
        months: r.months,
        cells: r.cells,
        syncs: r.syncs,
        "floor (bytes/2MB + 2 reads)": r.syncFloor,
        "total MB": (r.totalBytes / 1024 / 1024).toFixed(2),
        "largest request MB": (r.largestRequestBytes / 1024 / 1024).toFixed(2),
        "Review syncs": r.reviewSyncs,
      })),
    );
  });
}
