/**
 * A second, independent spreadsheet engine checks the native formulas: each example is written in
 * portable mode WITHOUT cached values (so nothing can be read back that Calc did not compute),
 * recalculated by LibreOffice Calc headless, and every cell compared with HyperFormula's value,
 * to the cent for money.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { FMT } from "../../src/model/writer";
import { excelSerial } from "../../src/model/reference";
import { writeXlsx } from "../../src/workbook/xlsx";
import { evaluate, exampleFiles, loadInputs } from "../model/support";
import { recalcToCsv, requireSoffice } from "../../scripts/libreoffice";

/** Calc's CSV shows percentages with "%" and dates as dates; everything else as raw numbers. */
function calcNumber(text: string): number | null {
  const t = text.trim();
  if (/^-?[\d.]+(E[-+]?\d+)?%$/i.test(t)) return Number(t.slice(0, -1)) / 100;
  const d = /^(\d{4})-(\d\d)-(\d\d)$/.exec(t);
  if (d) return excelSerial(Number(d[1]), Number(d[2]), Number(d[3]));
  const us = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(t); // "mmm yyyy" cells come out as MM/DD/YYYY
  if (us) return excelSerial(Number(us[3]), Number(us[1]), Number(us[2]));
  const n = Number(t);
  return t !== "" && Number.isFinite(n) ? n : null;
}

describe("LibreOffice Calc recalculates the portable workbook to HyperFormula's values", () => {
  beforeAll(() => requireSoffice());

  it.each(exampleFiles())("%s", async (file) => {
    const { plan, host } = evaluate(loadInputs(file), "portable");
    const path = join(mkdtempSync(join(tmpdir(), "mso-xlsx-")), file.replace(/\.json$/, ".xlsx"));
    await writeXlsx(plan, path, null);
    const calc = recalcToCsv(
      path,
      plan.sheets.map((s) => s.name),
    );
    const diffs: string[] = [];
    let compared = 0;
    for (const sheet of plan.sheets) {
      const grid = calc[sheet.name];
      for (const cell of sheet.cells) {
        if (cell.formula === undefined && cell.value === undefined) continue;
        const hf = host.readValueSync(sheet.name, cell.a1);
        const { row, col } = {
          row: Number(cell.a1.replace(/^[A-Z]+/, "")) - 1,
          col: cell.a1.replace(/\d+$/, ""),
        };
        const colIdx = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const text = grid[row]?.[colIdx] ?? "";
        compared++;
        let same: boolean;
        if (typeof hf === "number") {
          const n = calcNumber(text);
          const tol = cell.format === FMT.money ? 0.005 : 1e-9 * Math.max(1, Math.abs(hf));
          same = n !== null && Math.abs(n - hf) <= tol;
        } else if (typeof hf === "boolean") same = text === (hf ? "TRUE" : "FALSE");
        else if (hf === null) same = text === "" || text === "0";
        else if (typeof hf === "string") same = text === hf;
        else same = false; // an error value in HyperFormula is a failure in itself
        if (!same)
          diffs.push(
            `${sheet.name}!${cell.a1}: HyperFormula ${JSON.stringify(hf)} vs Calc ${JSON.stringify(text)}`,
          );
      }
    }
    expect(diffs.slice(0, 15)).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
    host.destroy();
  });
});
