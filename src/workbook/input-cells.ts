/**
 * Interim reader of the model's inputs from cells, with the signature model21 announced for
 * `inputsFromCells` in src/model/read-inputs.ts (issue 8). The hosts switch to that function when it
 * is on main and this file goes.
 *
 * A blank cell leaves its field out (the schema's default applies); values are turned back into
 * the inputs file's JSON types: dates and months from Excel serials to ISO text.
 */
import { PlanInputCell } from "../model/plan";
import { CellValue, isCellError } from "./host";

/** Excel 1900 serial (on or after 1900-03-01) → ISO date, as the model writes dates. */
function serialToIso(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

function convert(type: PlanInputCell["type"], v: CellValue): unknown {
  switch (type) {
    case "number":
      return v;
    case "text":
      return typeof v === "number" || typeof v === "boolean" ? String(v) : v;
    case "date":
      return typeof v === "number" ? serialToIso(v) : v;
    case "month":
      return typeof v === "number" ? serialToIso(v).slice(0, 7) : v;
    case "boolean":
      return v;
    case "numberList":
      return typeof v === "string"
        ? v
            .split(/[,;]/)
            .map((s) => s.trim())
            .filter((s) => s !== "")
            .map(Number)
        : [v];
  }
}

export function inputsFromCells(
  cells: PlanInputCell[],
  read: (sheet: string, a1: string) => CellValue,
): unknown {
  const root: Record<string, unknown> = {};
  for (const cell of cells) {
    const v = read(cell.sheet, cell.a1);
    if (v === null || v === "" || isCellError(v)) continue;
    let node: Record<string | number, unknown> = root;
    cell.path.forEach((part, i) => {
      if (i === cell.path.length - 1) {
        node[part] = convert(cell.type, v);
        return;
      }
      if (node[part] === undefined) node[part] = typeof cell.path[i + 1] === "number" ? [] : {};
      node = node[part] as Record<string | number, unknown>;
    });
  }
  return root;
}
