/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS cells, not Office.js proxy objects */
/** The command line: builds workbook + summary; a bad inputs file exits non-zero and writes nothing. */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { EXAMPLES_DIR } from "./support";

const ROOT = join(__dirname, "..", "..");
const run = (args: string[]) =>
  spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "scripts", "model.ts"), ...args],
    {
      encoding: "utf8",
      cwd: ROOT,
      timeout: 120000,
    },
  );

describe("npm run model", () => {
  const dir = mkdtempSync(join(tmpdir(), "mso-cli-"));

  it("writes the workbook (formulas with cached values) and the summary read back from it", async () => {
    const out = join(dir, "three.xlsx");
    const summaryFile = join(dir, "three.json");
    const r = run([
      "--inputs",
      join(EXAMPLES_DIR, "three-states.json"),
      "--out",
      out,
      "--portable",
      "--summary",
      summaryFile,
    ]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(summaryFile, "utf8"));
    expect(summary.months).toBe(36);
    expect(summary.pcs.map((p: { name: string }) => p.name)).toEqual([
      "Austin Family Medicine PC",
      "Tampa Bay Primary Care PA",
      "Sacramento Medical Group, a Professional Corporation",
    ]);
    // three-states.json's deliberate failure: the California PC's owner is not licensed there.
    const { fmvAssessmentByYear, cpomOwnership, master: masterOk, ...others } = summary.checks;
    expect(fmvAssessmentByYear).toEqual([true, true, true]);
    expect([cpomOwnership, masterOk]).toEqual([false, false]);
    expect(Object.values(others).every((v) => v === true)).toBe(true);
    expect(summary.pcs[2]).toMatchObject({
      limit: 2000000,
      realisedMarkupByYear: [0.065, 0.065, 0.065],
      fmvStatusByYear: ["WITHIN", "WITHIN", "WITHIN"],
    });
    const fees = summary.pcs.reduce((a: number, p: { fees: number }) => a + p.fees, 0);
    expect(Math.abs(fees - summary.mso.revenue)).toBeLessThan(0.005);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Inputs",
      "MSO",
      "PC – Austin Family Medicine",
      "PC – Tampa Bay Primary Care",
      "PC – Sacramento Medical Group",
      "Intercompany",
      "Consolidated",
      "Tax",
      "Checks",
      "Summary",
      "Compliance",
      "Reference",
    ]);
    const master = wb.getWorksheet("Checks")!.getCell("C3").value as ExcelJS.CellFormulaValue;
    expect(master).toMatchObject({
      formula: 'IF(ISERROR(B3=0),"FAIL",IF(B3=0,"OK","FAIL"))',
      result: "FAIL",
    });
    // v2.2: the PC computes its own fee from the MSA's terms on the cost base the MSO invoices.
    const pcFee = wb.getWorksheet("PC – Austin Family Medicine")!.getCell("E14");
    expect((pcFee.value as ExcelJS.CellFormulaValue).formula).toMatch(/MSO!E\d+/);
    const mso = wb.getWorksheet("MSO")!;
    let collRow = 0;
    mso.eachRow((row, n) => {
      if (!collRow && row.getCell(1).value === "Collections (from the PC's books)") collRow = n;
    });
    const link = mso.getCell(`E${collRow}`);
    expect((link.value as ExcelJS.CellFormulaValue).formula).toBe("'PC – Austin Family Medicine'!E12");
    expect(link.font.color?.argb).toBe("FF008000"); // green link
    const inputsCell = (name: string) => {
      const ranges = wb.definedNames.getRanges(name).ranges;
      expect(ranges).toHaveLength(1);
      const [, a1] = /^Inputs!\$([A-Z]+\$\d+)$/.exec(ranges[0])!;
      return wb.getWorksheet("Inputs")!.getCell(a1.replace("$", ""));
    };
    expect(inputsCell("Fee_Markup").value).toBe(0.065); // three-states.json
    expect(inputsCell("Fee_Markup").font.color?.argb).toBe("FF0000FF"); // blue input
    // T is structural (the timeline is laid out when the model is built): grey, not blue
    expect(inputsCell("Months").value).toBe(36);
    expect(inputsCell("Months").font.color?.argb).toBe("FF595959");
  });

  it.each([
    [
      "--out not ending in .xlsx",
      (d: string) => ["--out", join(d, "model.json")],
      /--out must name an \.xlsx file/,
    ],
    [
      "--summary naming the --out file",
      (d: string) => ["--out", join(d, "same.xlsx"), "--summary", join(d, ".", "same.xlsx")],
      /--summary must not name the same file as --out/,
    ],
  ])("refuses %s, writes nothing", (_what, args, message) => {
    const d = mkdtempSync(join(tmpdir(), "mso-cli-guard-"));
    const r = run(["--inputs", join(EXAMPLES_DIR, "one-pc.json"), ...args(d)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(d)).toEqual([]);
  });

  it("refuses invalid inputs: names the field, exits non-zero, writes no file", () => {
    const bad = JSON.parse(readFileSync(join(EXAMPLES_DIR, "one-pc.json"), "utf8"));
    bad.pcs[0].state = "TXX";
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(bad));
    const out = join(dir, "bad.xlsx");
    const r = run(["--inputs", file, "--out", out, "--summary", join(dir, "bad-summary.json")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('pcs[0].state: unknown state code "TXX"');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, "bad-summary.json"))).toBe(false);
  });
});
