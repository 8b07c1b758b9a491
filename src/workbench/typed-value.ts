/**
 * What typing `text` into a cell stores, as Excel reads it: numbers (with thousands separators),
 * percentages as fractions (`6.5%` → 0.065), TRUE/FALSE, an empty entry as a blank; anything else,
 * or text after a leading apostrophe, stays text.
 */
import { dec } from "../engine/decimal";
import { PlanScalar } from "../model/plan";

export function parseTyped(text: string): PlanScalar {
  const t = text.trim();
  if (t === "") return null;
  if (text.startsWith("'")) return text.slice(1);
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(%?)$/.exec(t);
  if (m && (m[2] || (m[3] && m[3].length > 1))) {
    const n = dec(Number(`${m[1]}${m[2].replace(/,/g, "") || "0"}${m[3] ?? ""}`));
    return m[4] ? n.div(100).toNumber() : n.toNumber();
  }
  return text;
}
