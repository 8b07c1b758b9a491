/**
 * Whether a plan's conditional format applies to one cell, by Excel's rules: "text equals" compares
 * ignoring case; "less than" applies to numbers only; a formula rule is written for the range's
 * top-left cell and its relative references move with the cell, as in Excel.
 * https://support.microsoft.com/en-us/office/use-conditional-formatting-to-highlight-information-fb2b2e5e-c3b1-4f28-9c25-8c5c2e30f1b2
 */
import { PlanConditionalFormat, columnIndex, columnLetter, parseA1 } from "../model/plan";
import { CellValue } from "../workbook/host";

/** Does `range` (e.g. `C5:E9` or `B3`) contain the 0-based cell? */
export function inRange(range: string, row: number, col: number): { dr: number; dc: number } | null {
  for (const part of range.split(/[ ,]+/)) {
    const [a, b] = part.split(":");
    const s = parseA1(a);
    const e = parseA1(b ?? a);
    if (row >= s.row && row <= e.row && col >= s.col && col <= e.col)
      return { dr: row - s.row, dc: col - s.col };
  }
  return null;
}

/**
 * Moves the relative parts of the A1 references in `formula` by `dr` rows and `dc` columns;
 * `$`-anchored parts, strings and sheet-qualified names' sheet parts stay.
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return formula.replace(
    /("(?:[^"]|"")*")|(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g,
    (match, str: string | undefined, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      if (str) return str;
      const col = colAbs ? letters : columnLetter(columnIndex(letters) + dc);
      const row = rowAbs ? digits : String(Number(digits) + dr);
      return `${colAbs}${col}${rowAbs}${row}`;
    },
  );
}

export function evaluateConditionalFormat(
  cf: PlanConditionalFormat,
  row: number,
  col: number,
  value: CellValue,
  calculate: (formula: string) => unknown,
): boolean {
  const at = inRange(cf.range, row, col);
  if (!at) return false;
  const rule = cf.rule;
  switch (rule.kind) {
    case "textEquals":
      return typeof value === "string" && value.toLowerCase() === rule.text.toLowerCase();
    case "lessThan":
      return typeof value === "number" && value < rule.value;
    case "formula": {
      const result = calculate(shiftFormula(rule.formula, at.dr, at.dc));
      return result === true || (typeof result === "number" && result !== 0);
    }
  }
}
