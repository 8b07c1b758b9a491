/**
 * npm run model -- --inputs FILE.json --out FILE.xlsx [--portable] [--summary FILE.json]
 *
 * Validates the inputs (a bad file is refused whole: every problem named by its field, exit 1,
 * nothing written), builds the plan, evaluates it in HyperFormula, writes the .xlsx with formulas
 * and cached values, and the summary read back from the evaluated workbook.
 */
import { readFileSync, writeFileSync } from "fs";
import { resolve } from "path";
import { buildPlan } from "../src/model/build";
import { parseInputs } from "../src/model/inputs";
import { readSummary } from "../src/model/summary";
import { evaluatePlan } from "../src/workbook/hyperformula";
import { writeXlsx } from "../src/workbook/xlsx";

const USAGE = "usage: npm run model -- --inputs FILE.json --out FILE.xlsx [--portable] [--summary FILE.json]";

function parseArgs(argv: string[]): {
  inputs: string;
  out: string;
  portable: boolean;
  summary: string | null;
} {
  let inputs: string | null = null;
  let out: string | null = null;
  let summary: string | null = null;
  let portable = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${a} needs a file name\n${USAGE}`);
      return v;
    };
    if (a === "--inputs") inputs = next();
    else if (a === "--out") out = next();
    else if (a === "--summary") summary = next();
    else if (a === "--portable") portable = true;
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (!inputs || !out) throw new Error(`--inputs and --out are required\n${USAGE}`);
  // Refused before anything is written: a workbook under another extension would not open, and a
  // summary on the workbook's path would overwrite it with JSON.
  if (!/\.xlsx$/i.test(out))
    throw new Error(`--out must name an .xlsx file; got ${JSON.stringify(out)}\n${USAGE}`);
  if (summary !== null && resolve(summary) === resolve(out))
    throw new Error(`--summary must not name the same file as --out (${JSON.stringify(out)})\n${USAGE}`);
  if (resolve(inputs) === resolve(out) || (summary !== null && resolve(summary) === resolve(inputs)))
    throw new Error(
      `--out and --summary must not overwrite the inputs file (${JSON.stringify(inputs)})\n${USAGE}`,
    );
  return { inputs, out, portable, summary };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(args.inputs, "utf8"));
  } catch (e) {
    console.error(`cannot read ${args.inputs}: ${(e as Error).message}`);
    return 1;
  }
  const parsed = parseInputs(json);
  if (!parsed.ok) {
    console.error(`${args.inputs}: invalid inputs, nothing written:`);
    for (const err of parsed.errors) console.error(`  ${err}`);
    return 1;
  }
  const t0 = Date.now();
  const plan = buildPlan(parsed.inputs, { formulas: args.portable ? "portable" : "addin" });
  const host = evaluatePlan(plan);
  const summary = await readSummary(plan, host);
  await writeXlsx(plan, args.out, (sheet, a1) => host.readValueSync(sheet, a1));
  if (args.summary) writeFileSync(args.summary, JSON.stringify(summary, null, 2) + "\n");
  const cells = plan.sheets.reduce((n, s) => n + s.cells.length, 0);
  console.log(
    `${args.out}: ${plan.sheets.length} sheets, ${cells} cells, ${plan.mode} formulas, ${Date.now() - t0} ms; ` +
      `master check ${summary.checks.master ? "OK" : "FAIL"}${args.summary ? `; summary ${args.summary}` : ""}`,
  );
  host.destroy();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
