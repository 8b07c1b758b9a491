/**
 * days360 against LibreOffice Calc's DAYS360, which reproduces Excel's (FUNCTIONS.md). One headless
 * soffice run converts a flat ODF spreadsheet of ~300 date pairs with =DAYS360(A;B;0) and
 * =DAYS360(A;B;1) to CSV; every row must equal days360(start, end, false / true).
 * `npm test` installs LibreOffice (libreoffice-calc-nogui); without it this test fails, it does not skip.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { days360, ymdToSerial, daysInMonth } from "../../src/engine";

function soffice(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "soffice");
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** A small deterministic PRNG (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Date pairs start ≤ end, weighted toward month ends and February, where the methods differ. */
function pairs(count: number): [number, number][] {
  const r = rng(20250131);
  const pick = (): number => {
    const y = 1995 + Math.floor(r() * 35);
    const m = 1 + Math.floor(r() * 12);
    const last = daysInMonth(y, m);
    const roll = r();
    const day = roll < 0.5 ? last - Math.floor(r() * 3) : 1 + Math.floor(r() * last);
    return ymdToSerial(y, m, Math.max(1, day));
  };
  const out: [number, number][] = [];
  while (out.length < count) {
    const a = pick();
    const b = r() < 0.5 ? a + Math.floor(r() * 120) : pick();
    out.push(a <= b ? [a, b] : [b, a]);
  }
  // Fixed cases from Excel's and LibreOffice's documentation.
  out.push(
    [ymdToSerial(2025, 1, 15), ymdToSerial(2025, 2, 28)],
    [ymdToSerial(2025, 1, 31), ymdToSerial(2025, 2, 28)],
  );
  out.push(
    [ymdToSerial(1996, 2, 29), ymdToSerial(1996, 8, 31)],
    [ymdToSerial(2024, 2, 29), ymdToSerial(2025, 2, 28)],
  );
  return out;
}

function fods(rows: [number, number][]): string {
  const cell = (v: number) => `<table:table-cell office:value-type="float" office:value="${v}"/>`;
  const f = (i: number, method: number) =>
    `<table:table-cell table:formula="of:=DAYS360([.A${i}];[.B${i}];${method})"/>`;
  const body = rows.map(
    ([a, b], k) => `<table:table-row>${cell(a)}${cell(b)}${f(k + 1, 0)}${f(k + 1, 1)}</table:table-row>`,
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"`,
    ` xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"`,
    ` xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"`,
    ` xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2"`,
    ` office:mimetype="application/vnd.oasis.opendocument.spreadsheet">`,
    `<office:body><office:spreadsheet><table:table table:name="D">`,
    ...body,
    `</table:table></office:spreadsheet></office:body></office:document>`,
  ].join("\n");
}

test("days360 equals LibreOffice Calc's DAYS360 (US and European) on ~300 date pairs", () => {
  const bin = soffice();
  if (!bin) throw new Error("soffice not found: install libreoffice-calc-nogui (npm test installs it)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "days360-"));
  try {
    const rows = pairs(300);
    const input = path.join(dir, "days360.fods");
    fs.writeFileSync(input, fods(rows));
    execFileSync(
      bin,
      [
        "--headless",
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--convert-to",
        "csv",
        "--outdir",
        dir,
        input,
      ],
      { stdio: "pipe", timeout: 90_000 },
    );
    const csv = fs.readFileSync(path.join(dir, "days360.csv"), "utf8").trim().split(/\r?\n/);
    expect(csv).toHaveLength(rows.length);
    const mismatches: string[] = [];
    csv.forEach((line, i) => {
      const [a, b, us, eu] = line.split(",").map(Number);
      expect([a, b]).toEqual(rows[i]);
      const got = [days360(a, b, false), days360(a, b, true)];
      if (got[0] !== us || got[1] !== eu)
        mismatches.push(`${a}→${b}: LibreOffice ${us}/${eu}, days360 ${got[0]}/${got[1]}`);
    });
    expect(mismatches).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
