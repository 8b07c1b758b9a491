/**
 * Excel serial dates in the 1900 date system. Serial 1 is 1900-01-01 and Excel counts a fictitious
 * 1900-02-29 (serial 60), so from serial 61 (1900-03-01) on, serial = days since 1899-12-30. Earlier
 * serials are refused: they are the only ones where Excel's calendar is wrong.
 */
import { EngineError, Err } from "./errors";

export const MIN_SERIAL = 61;
export const MAX_SERIAL = 2958465; // 9999-12-31, Excel's last date

const MS_PER_DAY = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

export function serialToYmd(serial: number): Ymd {
  const dt = new Date(EPOCH_MS + serial * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function ymdToSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / MS_PER_DAY);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO text of a serial, for messages. */
export function isoDate(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A cell's number as a day. Like Excel's date functions, a time of day is dropped (INT), so
 * 45658.75 is 2025-01-01. Out-of-range serials are an error that names the argument.
 */
export function toSerial(arg: string, value: number): number {
  if (!Number.isFinite(value)) throw Err.dateOutOfRange(arg, value);
  const day = Math.floor(value);
  if (day < MIN_SERIAL || day > MAX_SERIAL) throw Err.dateOutOfRange(arg, value);
  return day;
}

/**
 * The first day of the next compounding period strictly after `serial`. Periods start on the first
 * day of a calendar year (step 12 months), half-year (6), quarter (3) or month (1).
 */
export function nextPeriodStart(serial: number, stepMonths: number): number {
  const { y, m } = serialToYmd(serial);
  const monthIndex = y * 12 + (m - 1); // months since year 0
  const nextIndex = (Math.floor(monthIndex / stepMonths) + 1) * stepMonths;
  return ymdToSerial(Math.floor(nextIndex / 12), (nextIndex % 12) + 1, 1);
}

export function assertSerial(serial: number): void {
  if (!Number.isInteger(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL)
    throw new EngineError("value", `internal: ${serial} is not a whole date serial`);
}
