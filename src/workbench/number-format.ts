/**
 * A small Excel number-format renderer for the workbench grid: the format codes the model's plans
 * use (src/model/writer.ts FMT), with Excel's rules for them — up to four `;` sections (positive,
 * negative, zero, text), a `[Red]`-style colour per section, `#,##0` thousands grouping, fixed
 * decimals rounded half away from zero, `%` multiplying by 100, and dates as 1900-system serials.
 * Excel's rules: https://support.microsoft.com/en-us/office/review-guidelines-for-customizing-a-number-format-c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5
 * Anything it does not understand falls back to General, never to a wrong-looking number.
 */
import { dec } from "../engine/decimal";

export interface Formatted {
  text: string;
  /** A colour the format asks for (`[Red]` → "red"), or undefined for the cell's own colour. */
  color?: string;
}

const COLOURS = ["black", "blue", "cyan", "green", "magenta", "red", "white", "yellow"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Splits a format code on `;` outside quotes and brackets. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === "\\" && !quoted) {
      cur += ch + (code[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "[") bracket = true;
    else if (!quoted && ch === "]") bracket = false;
    if (ch === ";" && !quoted && !bracket) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Takes the leading `[Colour]` (and ignores other bracketed codes such as locales). */
function colourOf(section: string): { body: string; color?: string } {
  let color: string | undefined;
  const body = section.replace(/\[([^\]]*)\]/g, (_m, inner: string) => {
    const c = inner.toLowerCase();
    if (COLOURS.includes(c)) color = c;
    return "";
  });
  return { body, color };
}

/** Literal text of a section: quoted strings, `\x` escapes, and `_x` / `*x` spacing directives. */
function literal(s: string): string {
  return s
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/_./g, " ")
    .replace(/\*./g, "");
}

/** Whole-number digits grouped by thousands. */
function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `|n|` rounded half away from zero to `places`, as plain digits (no exponent). */
function fixed(n: number, places: number): { int: string; frac: string } {
  const s = dec(Math.abs(n)).toDecimalPlaces(places).toString();
  const [int, frac = ""] = s.split(".");
  return { int, frac: frac.padEnd(places, "0") };
}

/** Excel's General: up to 11 characters of number, as the grid of a default-width column shows. */
export function general(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [m, e] = n.toExponential(5).split("e");
    const mant = m.replace(/\.?0+$/, "");
    const exp = Number(e);
    return `${mant}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  // Ten significant digits at most, trailing zeros dropped.
  const digits = Math.max(0, 10 - Math.max(1, Math.floor(Math.log10(abs)) + 1));
  const { int, frac } = fixed(n, digits);
  const f = frac.replace(/0+$/, "");
  return `${n < 0 ? "-" : ""}${int}${f ? `.${f}` : ""}`;
}

const DATE_TOKEN = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s/gi;

/** A 1900-system serial → its calendar date (Excel counts the fictitious 1900-02-29 as serial 60). */
export function serialToDate(serial: number): { y: number; m: number; d: number } {
  const days = Math.floor(serial);
  if (days === 60) return { y: 1900, m: 2, d: 29 };
  // Serial 1 is 1900-01-01; after the fictitious leap day, one day less.
  const offset = days < 60 ? days : days - 1;
  const t = new Date(Date.UTC(1899, 11, 31) + offset * 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function formatDate(serial: number, body: string): string {
  const { y, m, d } = serialToDate(serial);
  const pad = (n: number) => String(n).padStart(2, "0");
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  return literal(
    body.replace(DATE_TOKEN, (tok) => {
      switch (tok.toLowerCase()) {
        case "yyyy":
          return String(y);
        case "yy":
          return pad(y % 100);
        case "mmmm":
          return MONTH_NAMES[m - 1];
        case "mmm":
          return MONTHS[m - 1];
        case "mm":
          return pad(m);
        case "m":
          return String(m);
        case "dddd":
          return DAYS[weekday];
        case "ddd":
          return DAYS[weekday].slice(0, 3);
        case "dd":
          return pad(d);
        case "d":
          return String(d);
        default:
          // Times: the plans hold whole days only.
          return "00".slice(0, tok.length);
      }
    }),
  );
}

function isDateFormat(body: string): boolean {
  const stripped = body.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[ymd]/i.test(stripped) && !/[0#?]/.test(stripped);
}

/** A numeric section: `0`/`#` placeholders with optional grouping, decimals and `%`. */
function formatNumber(n: number, body: string, signed: boolean): string | null {
  const stripped = body.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  const m = /([#0?,]*[0#?])(\.([0#?]+))?/.exec(stripped);
  // A section with no digit placeholders is pure text (e.g. `"zero"` for zeros).
  if (!m) return /^[^a-z]*$/i.test(stripped) || /"/.test(body) ? literal(body) : null;
  const percent = (stripped.match(/%/g) ?? []).length;
  const grouping = m[1].includes(",");
  const decimals = m[3] ?? "";
  const minInt = (m[1].match(/0/g) ?? []).length;
  let scaled = n;
  for (let i = 0; i < percent; i++) scaled = dec(scaled).times(100).toNumber();
  const { int: rawInt, frac: rawFrac } = fixed(scaled, decimals.length);
  // Optional decimal places (#) drop trailing zeros; required ones (0) keep them.
  const required = (decimals.match(/0/g) ?? []).length;
  let frac = rawFrac;
  while (frac.length > required && frac.endsWith("0")) frac = frac.slice(0, -1);
  let int = rawInt === "0" && minInt === 0 ? "" : rawInt.padStart(minInt, "0");
  if (grouping) int = group(int);
  const number = `${int}${frac || decimals.includes("0") ? "." : ""}${frac}`.replace(/\.$/, "");
  // Keep the literal text around the number (e.g. a leading "-" in the negative section).
  const idx = body.search(/[#0?,.]*[0#?]/);
  const end = idx + (body.slice(idx).match(/^[#0?,.]*/)?.[0].length ?? 0);
  const before = literal(body.slice(0, idx));
  const after = literal(body.slice(end));
  const zeroAfterRounding = Number(rawInt) === 0 && /^0*$/.test(rawFrac);
  const sign = signed && n < 0 && !zeroAfterRounding ? "-" : "";
  return `${sign}${before}${number}${after}`;
}

/**
 * The text Excel shows for `value` under `code`, with the colour the format picks. Strings,
 * booleans and blanks show as themselves (TRUE/FALSE upper case, as Excel does).
 */
export function formatValue(value: number | string | boolean | null, code: string | undefined): Formatted {
  if (value === null) return { text: "" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  const parts = sections(code && code.trim() ? code : "General");
  if (typeof value === "string") {
    if (parts.length < 4) return { text: value };
    const { body, color } = colourOf(parts[3]);
    return { text: literal(body.replace(/@/g, value)), color };
  }
  if (!Number.isFinite(value)) return { text: "#NUM!" };
  // Which section: one → all; two → non-negative, negative; three+ → positive, negative, zero.
  let index = 0;
  if (parts.length >= 3 && value === 0) index = 2;
  else if (parts.length >= 2 && value < 0) index = 1;
  const { body, color } = colourOf(parts[index]);
  // The first section shows a negative number with its sign; the negative section brings its own.
  const signed = index === 0;
  if (/^\s*general\s*$/i.test(body)) return { text: general(value), color };
  if (isDateFormat(body)) {
    if (value < 0) return { text: "#".repeat(10), color };
    return { text: formatDate(value, body), color };
  }
  const text = formatNumber(value, body, signed);
  return text === null ? { text: general(value), color } : { text, color };
}
