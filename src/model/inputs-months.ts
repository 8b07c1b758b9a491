/**
 * Month arithmetic on the inputs file's YYYY-MM months: where a PC joins inside the timeline (v2.2).
 */
import type { PcInputs } from "./inputs-pcs";
import type { ModelInputs } from "./inputs-schema";

/** Months from `start` to `month` (both YYYY-MM), counted so that `start` itself is month 1. */
export function monthIndex(start: string, month: string): number {
  const [sy, sm] = start.split("-").map(Number);
  const [y, m] = month.split("-").map(Number);
  return (y - sy) * 12 + (m - sm) + 1;
}

/** The YYYY-MM of the last month of a horizon of `months` months from `start`. */
export function lastMonth(start: string, months: number): string {
  const [sy, sm] = start.split("-").map(Number);
  const k = sy * 12 + (sm - 1) + months - 1;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
}

/** A PC's joining month j (1-based month of the model): its joinMonth, or 1 (startMonth) when not given. */
export function joinMonthIndex(
  inputs: Pick<ModelInputs, "startMonth">,
  pc: Pick<PcInputs, "joinMonth">,
): number {
  return pc.joinMonth === undefined ? 1 : monthIndex(inputs.startMonth, pc.joinMonth);
}
