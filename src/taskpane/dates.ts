/**
 * Excel serial dates (1900 date system) to and from ISO dates, for the pane's date fields. Serial 61
 * is 1900-03-01; before it Excel counts a 1900-02-29 that never was, so only dates from 1900-03-01
 * on are converted (the model refuses earlier ones too).
 */
const DAY_MS = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);

export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  const serial = Math.round((t - EPOCH) / DAY_MS);
  return serial >= 61 ? serial : null;
}

export function serialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 61) return null;
  const d = new Date(EPOCH + serial * DAY_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
