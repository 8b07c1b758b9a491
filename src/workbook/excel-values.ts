/**
 * Reading computed values out of Excel: Office.js's `values` + `valueTypes` turned into CellValue
 * (errors keep their code), and any number of ranges read in one round trip.
 */
import { CellValue } from "./host";
import { Ctx } from "./excel-requests";

/** Values as Office.js gives them (values + valueTypes) → CellValue
 * (Excel.Range valueTypes: https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-valuetypes-member). */
export function toCellValues(values: unknown[][], types: string[][]): CellValue[][] {
  return values.map((row, r) =>
    row.map((v, c) => {
      const t = types[r][c];
      if (t === "Empty") return null;
      if (t === "Error") return { error: String(v) };
      return v as CellValue;
    }),
  );
}

/**
 * The values of many ranges (a cell is a 1×1 range), each range's rows in order, for ONE sync:
 * every range is queued and its `values`/`valueTypes` loaded first, then the request goes once.
 * Loads queued before a single `context.sync()` all come back with it, so a read never syncs inside
 * its loop ("Avoid using the context.sync method in loops":
 * https://learn.microsoft.com/office/dev/add-ins/concepts/correlated-objects-pattern). A ref on a
 * sheet that does not exist fails the whole request (ItemNotFound), as one readRange would.
 */
export async function readRangesIn(
  ctx: Ctx,
  refs: { sheet: string; a1: string }[],
): Promise<CellValue[][][]> {
  const sheets = new Map<string, Excel.Worksheet>();
  const ranges = refs.map((ref) => {
    let ws = sheets.get(ref.sheet);
    if (!ws) {
      ws = ctx.workbook.worksheets.getItem(ref.sheet);
      sheets.set(ref.sheet, ws);
    }
    return ws.getRange(ref.a1).load("values,valueTypes");
  });
  if (ranges.length === 0) return [];
  await ctx.sync();
  return ranges.map((r) => toCellValues(r.values, r.valueTypes as string[][]));
}
