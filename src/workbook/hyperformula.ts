/**
 * HyperFormula host: evaluates a SheetPlan in memory (headless, and in the browser workbench),
 * with the add-in's functions registered as a plugin on the same engine. HyperFormula is
 * GPL-3.0 or commercial; the project uses it under the GPL (`licenseKey: 'gpl-v3'`).
 */
import { CellError, DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { SheetPlan, parseA1, sheetRef } from "../model/plan";
import { registerAddinFunctions } from "./addin-plugin";
import { CellValue } from "./host";

/**
 * The plan keeps formulas canonical (as stored in an .xlsx: `_xlfn.PERCENTILE.INC`); HyperFormula
 * knows these functions by their bare names.
 */
export function toHyperFormulaFormula(formula: string): string {
  return formula.replace(/_xlfn\./g, "").replace(FILLED_PART, "$1");
}

/**
 * `Sheet!$C$10:INDEX(Block,MAX(1,COUNT(Block)))` — the filled part of a block, which the plan
 * passes to the add-in's functions so that no blank reaches them in Excel (some platforms pass a
 * blank as 0). HyperFormula cannot parse a range ending in a function; it passes blanks as empty
 * values, which the functions skip, so there the whole block is the same argument.
 */
const FILLED_PART =
  /(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$[A-Z]+\$\d+:INDEX\(([A-Za-z_][\w.]*),MAX\(1,COUNT\(\1\)\)\)/g;

/** Text that HyperFormula would otherwise read as a number, date, boolean or formula stays text. */
function rawText(s: string): string {
  return /^[=+\-']|^\s*[\d.]|^(true|false)$/i.test(s) ? `'${s}` : s;
}

function toRaw(cell: SheetPlan["sheets"][number]["cells"][number]): RawCellContent {
  if (cell.formula !== undefined) return toHyperFormulaFormula(cell.formula);
  const v = cell.value;
  if (v === undefined || v === null) return null;
  return typeof v === "string" ? rawText(v) : v;
}

function fromHf(v: unknown): CellValue {
  if (v instanceof DetailedCellError || v instanceof CellError) {
    const d = v as DetailedCellError;
    return { error: d.value ?? `#${String((v as CellError).type)}`, message: d.message };
  }
  if (v === undefined || v === null) return null;
  return v as CellValue;
}

export class HyperFormulaHost {
  private hf: HyperFormula | null = null;

  /** The underlying engine, for tests that need more than values. */
  get engine(): HyperFormula {
    if (!this.hf) throw new Error("no plan written yet");
    return this.hf;
  }

  async writePlan(plan: SheetPlan): Promise<void> {
    this.writePlanSync(plan);
  }

  /** Builds the whole workbook in one go: sheets, then names, then one recalculation. */
  writePlanSync(plan: SheetPlan): void {
    registerAddinFunctions();
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const sheet of plan.sheets) {
      const grid: RawCellContent[][] = [];
      for (const cell of sheet.cells) {
        const raw = toRaw(cell);
        if (raw === null) continue;
        const { row, col } = parseA1(cell.a1);
        while (grid.length <= row) grid.push([]);
        grid[row][col] = raw;
      }
      for (const row of grid) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
      sheets[sheet.name] = grid;
    }
    const namedExpressions = plan.names.map((n) => ({
      name: n.name,
      expression: `=${sheetRef(n.sheet)}${n.ref}`,
    }));
    this.hf?.destroy();
    this.hf = HyperFormula.buildFromSheets(
      sheets,
      { licenseKey: "gpl-v3", maxColumns: 1000, smartRounding: false },
      namedExpressions,
    );
  }

  private sheetId(sheet: string): number {
    const id = this.engine.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet named ${sheet}`);
    return id;
  }

  readValueSync(sheet: string, a1: string): CellValue {
    const { row, col } = parseA1(a1);
    return fromHf(this.engine.getCellValue({ sheet: this.sheetId(sheet), row, col }));
  }

  readRangeSync(sheet: string, range: string): CellValue[][] {
    const [a, b] = range.split(":");
    const s = parseA1(a);
    const e = parseA1(b ?? a);
    const id = this.sheetId(sheet);
    const values = this.engine.getRangeValues({
      start: { sheet: id, row: s.row, col: s.col },
      end: { sheet: id, row: e.row, col: e.col },
    });
    return values.map((row) => row.map(fromHf));
  }

  /** Every computed value of a sheet as a dense grid (row 0 = sheet row 1). */
  sheetValues(sheet: string): CellValue[][] {
    return this.engine.getSheetValues(this.sheetId(sheet)).map((row) => row.map(fromHf));
  }

  async readValue(sheet: string, a1: string): Promise<CellValue> {
    return this.readValueSync(sheet, a1);
  }

  async readRange(sheet: string, range: string): Promise<CellValue[][]> {
    return this.readRangeSync(sheet, range);
  }

  destroy(): void {
    this.hf?.destroy();
    this.hf = null;
  }
}

/** Evaluates a plan and returns the host, ready to read. */
export function evaluatePlan(plan: SheetPlan): HyperFormulaHost {
  const host = new HyperFormulaHost();
  host.writePlanSync(plan);
  return host;
}
