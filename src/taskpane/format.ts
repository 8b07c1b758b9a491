/** How the pane shows numbers: display only (the workbook holds the values), never rounding money. */
import { type CellValue, isCellError } from "../workbook/host";

const money = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});
const percent = new Intl.NumberFormat("en-US", {
  style: "percent",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** A cell's value as money, or what the cell holds instead (an error code, a blank). */
export function showMoney(v: CellValue | undefined): string {
  if (typeof v === "number") return money.format(v);
  return showOther(v);
}

export function showPercent(v: CellValue | undefined): string {
  if (typeof v === "number") return percent.format(v);
  return showOther(v);
}

export function showOther(v: CellValue | undefined): string {
  if (v === undefined) return "—";
  if (v === null || v === "") return "(blank)";
  if (isCellError(v)) return v.error;
  return String(v);
}
