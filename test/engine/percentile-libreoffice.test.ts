/**
 * PERCENTILE.INC and .EXC positions against LibreOffice Calc (issue 12, item 2). Excel and Calc work
 * the position out in binary doubles, h = (n − 1) × p + 1 and h = p × (n + 1), so at a p such as
 * j/(n + 1) the position is either exactly the whole number j or a unit in the last place off it —
 * and for EXC, a position a hair below 1 or above n is #NUM! (Calc: Err:504). Every such boundary
 * for n ≤ 240: EXC at p = j/(n + 1) (j = 1…n) and INC at p = j/(n − 1) (j = 0…n − 1), on the data
 * 1, 2, …, n, where the percentile is the position itself. Whether EXC is an error must agree
 * exactly; the values agree to a few units in the last place (Calc snaps a position within 15
 * significant digits of a whole number to it before interpolating, and writes 15 digits to CSV).
 * One headless soffice run recalculates all ~58,000 formulas.
 * `npm test` installs LibreOffice (libreoffice-calc-nogui); without it this test fails, it does not skip.
 */
import { EngineError, dec, percentile, sortedNumbers } from "../../src/engine";
import { recalcFileToCsvLines } from "../../scripts/libreoffice";

const N_MAX = 240;

interface Case {
  method: "INC" | "EXC";
  n: number;
  j: number;
  denominator: number; // p = j / denominator
  whole: number; // the position p would have in exact arithmetic
}

function cases(): Case[] {
  const out: Case[] = [];
  for (let n = 1; n <= N_MAX; n++) {
    for (let j = 1; j <= n; j++) out.push({ method: "EXC", n, j, denominator: n + 1, whole: j });
    if (n >= 2)
      for (let j = 0; j <= n - 1; j++) out.push({ method: "INC", n, j, denominator: n - 1, whole: j + 1 });
  }
  return out;
}

function fods(rows: Case[]): string {
  const value = (v: number) => `<table:table-cell office:value-type="float" office:value="${v}"/>`;
  // Column A holds 1…N_MAX; column B Calc's percentile.
  // p is Calc's own j/(n ± 1), the same IEEE division JavaScript does.
  const formula = (c: Case) =>
    `<table:table-cell table:formula="of:=COM.MICROSOFT.PERCENTILE.${c.method}([.$A$1:.$A$${c.n}];${c.j}/${c.denominator})"/>`;
  const body = rows.map(
    (c, k) => `<table:table-row>${value(k < N_MAX ? k + 1 : 0)}${formula(c)}</table:table-row>`,
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"`,
    ` xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"`,
    ` xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"`,
    ` xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2"`,
    ` office:mimetype="application/vnd.oasis.opendocument.spreadsheet">`,
    `<office:body><office:spreadsheet><table:table table:name="P">`,
    ...body,
    `</table:table></office:spreadsheet></office:body></office:document>`,
  ].join("\n");
}

/** Our percentile of 1…n, or "error" where it is #NUM!. */
function ours(c: Case): number | "error" {
  const data = sortedNumbers(Array.from({ length: c.n }, (_, i) => i + 1));
  try {
    return percentile(data, dec(c.j / c.denominator), c.method).toNumber();
  } catch (e) {
    if (e instanceof EngineError && e.kind === "num") return "error";
    throw e;
  }
}

test(`INC and EXC positions equal LibreOffice Calc's on every boundary p = j/(n ± 1), n ≤ ${N_MAX}`, () => {
  const rows = cases();
  const csv = recalcFileToCsvLines(fods(rows), "percentile", 120_000);
  expect(csv).toHaveLength(rows.length);
  const mismatches: string[] = [];
  let offWhole = 0;
  let errors = 0;
  csv.forEach((line, i) => {
    const c = rows[i];
    const text = line.split(",")[1];
    // Calc's error for a percentile outside the data: Err:504 (Err:502 in some versions), Excel's #NUM!.
    const calc = /^-?[\d.]+(E-?\d+)?$/i.test(text)
      ? Number(text)
      : /^(Err:50[24]|#NUM!)$/.test(text)
        ? "error"
        : text;
    const got = ours(c);
    if (calc === "error") errors++;
    if (typeof got === "number" && got !== c.whole) offWhole++;
    const same =
      typeof got === "number" && typeof calc === "number"
        ? Math.abs(got - calc) <= 8 * Number.EPSILON * c.whole
        : got === calc;
    if (!same)
      mismatches.push(`PERCENTILE.${c.method}(1…${c.n}, ${c.j}/${c.denominator}): Calc ${text}, ours ${got}`);
  });
  expect(mismatches.slice(0, 20)).toEqual([]);
  // The sample reaches what it is for: binary positions a hair off whole numbers, and EXC's #NUM! edges.
  expect(offWhole).toBeGreaterThan(100);
  expect(errors).toBeGreaterThan(5);
});
