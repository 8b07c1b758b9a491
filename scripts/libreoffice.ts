/**
 * Runs LibreOffice Calc headless on a spreadsheet file and reads back its sheets as CSV. Shared by
 * the LibreOffice tests (an independent engine recalculating what the hosts write) and by
 * scripts/docs-checks.ts (the docs' Checks and Compliance tables as Calc shows them).
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

export function requireSoffice(): string {
  const found = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
  if (found.status !== 0 || !found.stdout.trim())
    throw new Error(
      "LibreOffice Calc (soffice) is missing: install libreoffice-calc-nogui (apt-get install -y libreoffice-calc-nogui)",
    );
  return found.stdout.trim();
}

/** A fresh profile that recalculates every formula on load (OOXMLRecalcMode 0 = always). */
function freshProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), "lo-profile-"));
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/** Minimal RFC 4180 parser (quoted fields, doubled quotes, embedded commas and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(field), (field = ""));
    else if (ch === "\n") (row.push(field), rows.push(row), (row = []), (field = ""));
    else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) (row.push(field), rows.push(row));
  return rows;
}

/** Converts `xlsx` and returns sheet name → rows of displayed cell text. */
export function recalcToCsv(xlsx: string, sheetNames: string[]): Record<string, string[][]> {
  const soffice = requireSoffice();
  const out = mkdtempSync(join(tmpdir(), "lo-out-"));
  const profile = freshProfile();
  const r = spawnSync(
    soffice,
    [
      "--headless",
      `-env:UserInstallation=file://${profile}`,
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1",
      "--outdir",
      out,
      xlsx,
    ],
    { encoding: "utf8", timeout: 120000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  const base = xlsx.replace(/^.*\//, "").replace(/\.xlsx$/, "");
  const files = readdirSync(out);
  const result: Record<string, string[][]> = {};
  for (const name of sheetNames) {
    // LibreOffice names each CSV <file>-<sheet>.csv, dropping characters a file name cannot hold.
    const file =
      files.find((f) => f === `${base}-${name}.csv`) ??
      files.find((f) => f === `${base}-${name.replace(/[/\\:*?"<>|]/g, "")}.csv`);
    if (!file) throw new Error(`no CSV for sheet ${name} among ${files.join(", ")}`);
    result[name] = parseCsv(readFileSync(join(out, file), "utf8"));
  }
  return result;
}

/**
 * Recalculates a spreadsheet file written by a test (a flat ODF `.fods`) in a fresh headless
 * soffice and returns its first sheet as CSV lines — one soffice run for thousands of formulas.
 */
export function recalcFileToCsvLines(content: string, baseName: string, timeoutMs: number): string[] {
  const soffice = requireSoffice(); // fails, naming the package, when LibreOffice is missing
  const dir = mkdtempSync(join(tmpdir(), `${baseName}-`));
  try {
    const input = join(dir, `${baseName}.fods`);
    writeFileSync(input, content);
    execFileSync(
      soffice,
      [
        "--headless",
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--convert-to",
        "csv",
        "--outdir",
        dir,
        input,
      ],
      { stdio: "pipe", timeout: timeoutMs },
    );
    return readFileSync(join(dir, `${baseName}.csv`), "utf8")
      .trim()
      .split(/\r?\n/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
