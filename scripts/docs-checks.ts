/**
 * `npm run docs` (after scripts/docs-inputs.ts): the tables in docs/model.md of what an analyst
 * sees on the Checks and Compliance sheets of examples/three-states.json. Hand-copied tables
 * drifted as the model changed; these are what LibreOffice Calc shows after recalculating the
 * portable workbook written by the xlsx host with no cached values — an engine independent of
 * HyperFormula, and the file a user without the add-in opens. Rows are found through the plan's
 * results (checkRows, compliance), so a moved row moves in the docs too.
 * test/docs/docs-checks.test.ts fails when the blocks are not what this script would write.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Dec } from "../src/engine/decimal";
import { buildPlan } from "../src/model/build";
import { parseInputs } from "../src/model/inputs";
import { SheetPlan, parseA1 } from "../src/model/plan";
import { FMT } from "../src/model/writer";
import { writeXlsx } from "../src/workbook/xlsx";
import { recalcToCsv } from "./libreoffice";

export const MODEL_DOC = "docs/model.md";
export const EXAMPLE = "examples/three-states.json";
export const CHECKS_START = "<!-- checks:start -->";
export const CHECKS_END = "<!-- checks:end -->";
export const COMPLIANCE_START = "<!-- compliance:start -->";
export const COMPLIANCE_END = "<!-- compliance:end -->";
const ROOT = join(__dirname, "..");
const GENERATED_NOTE = `<!-- Written by scripts/docs-checks.ts (npm run docs): ${EXAMPLE} recalculated by LibreOffice; edits here are overwritten. -->`;

type Grid = string[][];

/** The Checks and Compliance sheets as Calc shows them, with the plan that says where rows are. */
export async function recalculatedSheets(
  root = ROOT,
): Promise<{ plan: SheetPlan; sheets: Record<string, Grid> }> {
  const parsed = parseInputs(JSON.parse(readFileSync(join(root, EXAMPLE), "utf8")));
  if (!parsed.ok) throw new Error(`${EXAMPLE}: ${parsed.errors.join("; ")}`);
  const plan = buildPlan(parsed.inputs, { formulas: "portable" });
  const dir = mkdtempSync(join(tmpdir(), "mso-docs-checks-"));
  try {
    const file = join(dir, "three-states.xlsx");
    await writeXlsx(plan, file, null); // no cached values: every value in the docs is Calc's
    return { plan, sheets: recalcToCsv(file, ["Checks", "Compliance"]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const bold = (s: string) => (s === "" ? s : `**${s}**`);

function withCommas(fixed: string): string {
  const [int, frac] = fixed.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${digits}${frac !== undefined ? `.${frac}` : ""}`;
}

/**
 * A value as the cell's number format shows it in Excel. Calc's CSV carries the unrounded number
 * (and a percentage with its "%"); the format is the plan's, so the docs show what the sheet does.
 */
export function shown(text: string, format: string | undefined): string {
  const t = text.trim();
  if (!/^-?\d+(\.\d+)?(E[-+]?\d+)?$/i.test(t)) return t;
  if (format === FMT.money || format === FMT.number) return withCommas(new Dec(t).toFixed(2));
  if (format === FMT.int) return new Dec(t).toFixed(0);
  return t;
}

function at(grid: Grid, a1: string): string {
  const { row, col } = parseA1(a1);
  return grid[row]?.[col] ?? "";
}

/** The Markdown between the checks markers. */
export function renderChecks(plan: SheetPlan, grid: Grid): string {
  const sheet = plan.sheets.find((s) => s.name === "Checks");
  const rows = plan.results.checkRows;
  if (!sheet || !rows?.length) throw new Error("the plan has no Checks sheet or no checkRows");
  const formats = new Map(sheet.cells.map((c) => [c.a1, c.format]));
  const value = (a1: string) => cell(shown(at(grid, a1), formats.get(a1)));
  const status = (a1: string) => {
    const s = at(grid, a1);
    return s === "FAIL" ? bold(s) : cell(s);
  };
  const rowOf = (a1: string) => parseA1(a1).row; // 0-based
  const line = (r: number) => grid[r] ?? [];

  const master = plan.results.checks.master;
  const m = rowOf(master.a1);
  const out: string[] = [
    "| | Value | Status | Rule |",
    "|---|---|---|---|",
    `| **${cell(line(m)[0] ?? "")}** | ${value(`B${m + 1}`)} | ${status(master.a1)} | ${cell(line(m)[3] ?? "")} |`,
    "",
  ];

  // The rows between the master check and the first check row: the FMV range and the AFR used.
  const first = rowOf(rows[0].a1);
  const context: string[] = [];
  for (let r = m + 1; r < first - 1; r++) {
    const [label, ...rest] = line(r);
    if (!label) continue;
    const values = rest.map((v, i) => [v, `${String.fromCharCode(66 + i)}${r + 1}`] as const);
    const numbers = values.filter(([v, a1]) => v !== "" && formats.get(a1) !== undefined);
    const notes = values.filter(([v, a1]) => v !== "" && formats.get(a1) === undefined);
    context.push(
      `| ${cell(label)} | ${numbers.map(([v, a1]) => cell(shown(v, formats.get(a1)))).join("; ")} | ${notes.map(([v]) => cell(v)).join("; ")} |`,
    );
  }
  if (context.length)
    out.push(
      "Above the check rows:",
      "",
      "| | Values | Note on the sheet |",
      "|---|---|---|",
      ...context,
      "",
    );

  out.push("One row per check:", "", "| Check | Value | Status | Rule |", "|---|---|---|---|");
  for (const r of rows.filter((x) => !x.group && !x.informational)) {
    const [label, , , rule, extra] = line(rowOf(r.a1));
    // A column after the rule (an FMV year's first day) is part of what the row tests.
    const e = extra ? ` (${shown(extra, formats.get(`E${rowOf(r.a1) + 1}`))})` : "";
    out.push(
      `| ${cell(label ?? "")}${cell(e)} | ${value(r.value)} | ${status(r.a1)} | ${cell(rule ?? "")} |`,
    );
  }

  out.push(
    "",
    "The check groups the master check counts, each with the number of its rows not OK:",
    "",
    "| Group | Id | Rows not OK | Status |",
    "|---|---|---|---|",
  );
  for (const r of rows.filter((x) => x.group)) {
    const label = line(rowOf(r.a1))[0] ?? "";
    out.push(`| ${cell(label)} | \`${r.check}\` | ${value(r.value)} | ${status(r.a1)} |`);
  }

  const info = rows.filter((x) => x.informational);
  if (info.length) {
    out.push(
      "",
      "Informational rows, not counted by the master check:",
      "",
      "| Row | Value | Status | Rule |",
      "|---|---|---|---|",
    );
    for (const r of info) {
      const [label, , , rule] = line(rowOf(r.a1));
      out.push(`| ${cell(label ?? "")} | ${value(r.value)} | ${status(r.a1)} | ${cell(rule ?? "")} |`);
    }
  }
  return out.join("\n");
}

/** Columns of a header row by their text; a header that is gone fails loudly, naming it. */
function columns(header: string[], wanted: (string | RegExp)[]): number[] {
  return wanted.map((w) => {
    const i = header.findIndex((h) => (typeof w === "string" ? h === w : w.test(h)));
    if (i < 0)
      throw new Error(`the Compliance sheet has no column ${String(w)} (headers: ${header.join(", ")})`);
    return i;
  });
}

/** The Markdown between the compliance markers. */
export function renderCompliance(plan: SheetPlan, grid: Grid): string {
  const c = plan.results.compliance;
  if (!c?.questions.length) throw new Error("the plan has no Compliance questions");
  const qRows = c.questions.map((q) => parseA1(q.answer.a1).row);
  const qHeader = grid[qRows[0] - 1] ?? [];
  const dateCol = parseA1(c.questions[0].date.a1).col;
  const byCol = parseA1(c.questions[0].by.a1).col;
  const dates = new Set(qRows.map((r) => grid[r]?.[dateCol] ?? ""));
  const bys = new Set(qRows.map((r) => grid[r]?.[byCol] ?? ""));
  // One date and one answerer for every question read better as a sentence than as two columns.
  const uniform = dates.size === 1 && bys.size === 1 && [...dates][0] !== "" && [...bys][0] !== "";
  const wanted: (string | RegExp)[] = uniform
    ? ["Id", "Group", "Question", "Answer", "Evidence or note", /^Answered and dated/]
    : ["Id", "Group", "Question", "Answer", "Date", "By", "Evidence or note", /^Answered and dated/];
  const qCols = columns(qHeader, wanted);
  const out: string[] = [];
  if (uniform) out.push(`Every question is answered on ${[...dates][0]} by "${cell([...bys][0])}":`, "");
  const heads = qCols.map((i) =>
    qHeader[i].startsWith("Answered and dated") ? "Answered and dated" : qHeader[i],
  );
  out.push(`| ${heads.join(" | ")} |`, `|${heads.map(() => "---").join("|")}|`);
  for (const r of qRows) out.push(`| ${qCols.map((i) => cell(grid[r]?.[i] ?? "")).join(" | ")} |`);

  const pRows = c.pcs.map((p) => parseA1(p.state.a1).row);
  const pHeader = grid[pRows[0] - 1] ?? [];
  const pCols = columns(pHeader, [
    "PC",
    "State",
    /^CPOM tier/,
    "Physician-owned",
    "Owner licensed in the state",
    "Ownership OK",
    "Fee-splitting risk",
  ]);
  const pHeads = pCols.map((i) => (pHeader[i].startsWith("CPOM tier") ? "CPOM tier" : pHeader[i]));
  out.push(
    "",
    "Then the CPOM ownership by PC (professional-corporation statutes require licensed owners); the tier comes from the Reference sheet's state table (verify it):",
    "",
    `| ${pHeads.join(" | ")} |`,
    `|${pHeads.map(() => "---").join("|")}|`,
  );
  const [, , , owned, licensed, ok] = pCols;
  for (const r of pRows) {
    const values = pCols.map((i) => {
      const v = grid[r]?.[i] ?? "";
      // What makes ownership fail is bold, as FAIL is on the Checks table.
      if ((i === owned || i === licensed) && v === "No") return bold(v);
      if (i === ok && v === "FALSE") return bold(v);
      return cell(v);
    });
    out.push(`| ${values.join(" | ")} |`);
  }
  return out.join("\n");
}

export function replaceBlock(doc: string, start: string, end: string, block: string): string {
  const s = doc.indexOf(start);
  const e = doc.indexOf(end);
  if (s < 0 || e < s) throw new Error(`${MODEL_DOC} has no ${start} … ${end} block`);
  return `${doc.slice(0, s + start.length)}\n${GENERATED_NOTE}\n\n${block}\n\n${doc.slice(e)}`;
}

/** docs/model.md with both blocks as `npm run docs` writes them now (one LibreOffice run). */
export async function checksDocText(root = ROOT): Promise<string> {
  const { plan, sheets } = await recalculatedSheets(root);
  const doc = readFileSync(join(root, MODEL_DOC), "utf8");
  const withChecks = replaceBlock(doc, CHECKS_START, CHECKS_END, renderChecks(plan, sheets.Checks));
  return replaceBlock(
    withChecks,
    COMPLIANCE_START,
    COMPLIANCE_END,
    renderCompliance(plan, sheets.Compliance),
  );
}

if (require.main === module) {
  checksDocText()
    .then((text) => {
      const path = join(ROOT, MODEL_DOC);
      if (readFileSync(path, "utf8") === text)
        console.log(`${MODEL_DOC}: Checks and Compliance tables are up to date`);
      else {
        writeFileSync(path, text);
        console.log(`rewrote the Checks and Compliance tables in ${MODEL_DOC}`);
      }
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    });
}
