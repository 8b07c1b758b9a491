import { readFileSync } from "fs";
import { buildPlan } from "../src/model/build";
import { parseInputs } from "../src/model/inputs";
import { evaluatePlan } from "../src/workbook/hyperformula";
const f = process.argv[2];
const p = parseInputs(JSON.parse(readFileSync(f, "utf8")));
if (!p.ok) { console.log(p.errors); process.exit(1); }
for (const mode of ["addin", "portable"] as const) {
  const plan = buildPlan(p.inputs, { formulas: mode });
  const host = evaluatePlan(plan);
  const errs: string[] = [];
  for (const s of plan.sheets) host.sheetValues(s.name).forEach((row, r) => row.forEach((v, c) => { if (v && typeof v === "object") errs.push(`${s.name}!R${r+1}C${c+1} ${JSON.stringify(v)}`); }));
  console.log(mode, errs.length, errs.slice(0, 8));
  for (const [k, ref] of Object.entries(plan.results.checks)) console.log(" ", k, host.readValueSync(ref.sheet, ref.a1));
  console.log(" B6", host.readValueSync("Checks","B6"), host.readValueSync("Checks","C6"), host.readValueSync("Checks","B5"), host.readValueSync("Checks","D5"));
}
