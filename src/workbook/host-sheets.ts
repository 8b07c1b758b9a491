/**
 * What every host decides the same way before it writes a plan: which existing sheets are the
 * add-in's (tagged, replaced on a rebuild) and which are the user's (never touched), what the model's
 * sheets are called when a user's sheet already has the name, and the plan with those names carried
 * into every formula, name, chart, validation and result reference.
 */
import {
  CellRef,
  PlanCell,
  PlanChart,
  PlanConditionalFormat,
  PlanValidation,
  SheetPlan,
  sheetRef,
} from "../model/plan";
import { SheetClashError, SheetInfo, WriteOptions } from "./host";

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/**
 * Why Excel would refuse a sheet name, or null. Rules from "Rename a worksheet"
 * (https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9):
 * not blank, at most 31 characters, none of / \ ? * : [ ], not beginning or ending with an
 * apostrophe, not "History" (reserved by Excel).
 */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "a sheet name must not be blank";
  if (name.length > MAX_SHEET_NAME) return `a sheet name may have at most 31 characters: "${name}"`;
  if (/[[\]:*?/\\]/.test(name)) return `a sheet name must not contain any of [ ] : * ? / \\: "${name}"`;
  if (/^'|'$/.test(name)) return `a sheet name must not begin or end with an apostrophe: "${name}"`;
  if (name.toLowerCase() === "history") return `"History" is reserved by Excel`;
  return null;
}

const key = (name: string) => name.toLowerCase();

/**
 * Decides the sheet names a write uses. Tagged sheets are the add-in's own and are replaced; a
 * user's sheet (untagged) with a model sheet's name (ignoring case, as Excel compares names) is a
 * clash: "stop" throws SheetClashError, a suffix moves the model's sheet to `name + suffix`.
 * Returns plan name → name to use (only the renamed ones).
 */
export function planSheetRenames(
  plan: Pick<SheetPlan, "sheets">,
  existing: SheetInfo[],
  onClash: WriteOptions["onClash"] = "stop",
): Map<string, string> {
  const userSheets = new Set(existing.filter((s) => s.tag === null).map((s) => key(s.name)));
  const clashes = plan.sheets.filter((s) => userSheets.has(key(s.name))).map((s) => s.name);
  const renames = new Map<string, string>();
  if (clashes.length === 0) return renames;
  if (onClash === "stop" || onClash === undefined) throw new SheetClashError(clashes);
  const suffix = onClash.suffix;
  const taken = new Set([
    ...userSheets,
    ...plan.sheets.filter((s) => !clashes.includes(s.name)).map((s) => key(s.name)),
  ]);
  const stillClashing: string[] = [];
  for (const name of clashes) {
    const renamed = name.slice(0, Math.max(0, MAX_SHEET_NAME - suffix.length)).trimEnd() + suffix;
    const problem = sheetNameProblem(renamed);
    if (problem) throw new Error(`The suffix "${suffix}" cannot be used: ${problem}`);
    if (taken.has(key(renamed))) stillClashing.push(renamed);
    taken.add(key(renamed));
    renames.set(name, renamed);
  }
  if (stillClashing.length > 0) throw new SheetClashError(stillClashing);
  return renames;
}

/**
 * A formula with its sheet references renamed. Excel writes a reference as `Name!A1` or, when the
 * name needs it, `'Name'!A1` with `'` doubled; string literals ("…") are left alone. Renamed
 * references are always quoted (the plan's own convention, `sheetRef`).
 */
export function renameFormulaSheets(formula: string, rename: (sheet: string) => string | undefined): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
          } else break;
        } else name += formula[j++];
      }
      if (formula[j + 1] === "!") {
        const to = rename(name);
        out += to === undefined ? formula.slice(i, j + 2) : sheetRef(to);
        i = j + 2;
        continue;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const ident = /^[A-Za-z_\\][\w.]*!/.exec(formula.slice(i, i + 300));
    const prev = i > 0 ? formula[i - 1] : "";
    if (ident && !/[\w.]/.test(prev)) {
      const name = ident[0].slice(0, -1);
      const to = rename(name);
      out += to === undefined ? ident[0] : sheetRef(to);
      i += ident[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Every `sheet` field in a tree of plain data renamed (the v2.2 results: cells and rows). */
function renameSheetFields<T>(x: T, sheetName: (name: string) => string): T {
  if (Array.isArray(x)) return x.map((v) => renameSheetFields(v, sheetName)) as T;
  if (x === null || typeof x !== "object") return x;
  return Object.fromEntries(
    Object.entries(x).map(([k, v]) => [
      k,
      k === "sheet" && typeof v === "string" ? sheetName(v) : renameSheetFields(v, sheetName),
    ]),
  ) as T;
}

/** The plan with sheets renamed everywhere a sheet name appears. Returns the same plan when nothing is renamed. */
export function renamePlanSheets(plan: SheetPlan, renames: Map<string, string>): SheetPlan {
  if (renames.size === 0) return plan;
  const lower = new Map([...renames].map(([from, to]) => [key(from), to]));
  const rename = (name: string) => lower.get(key(name));
  const sheetName = (name: string) => rename(name) ?? name;
  const f = (formula: string) => renameFormulaSheets(formula, rename);
  const ref = (r: CellRef): CellRef => ({ ...r, sheet: sheetName(r.sheet) });
  const cell = (c: PlanCell): PlanCell => (c.formula === undefined ? c : { ...c, formula: f(c.formula) });
  const validation = (v: PlanValidation): PlanValidation =>
    "source" in v.rule ? { ...v, rule: { ...v.rule, source: f(v.rule.source) } } : v;
  const conditional = (c: PlanConditionalFormat): PlanConditionalFormat =>
    c.rule.kind === "formula" ? { ...c, rule: { ...c.rule, formula: f(c.rule.formula) } } : c;
  const chart = (c: PlanChart): PlanChart => ({
    ...c,
    sheet: sheetName(c.sheet),
    series: c.series.map((s) => ({
      ...s,
      values: f(s.values),
      categories: s.categories === undefined ? undefined : f(s.categories),
    })),
  });
  const r = plan.results;
  const refs = <K extends string>(o: Record<K, CellRef>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, ref(v as CellRef)])) as Record<K, CellRef>;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      name: sheetName(s.name),
      cells: s.cells.map(cell),
      validations: s.validations?.map(validation),
      conditionalFormats: s.conditionalFormats?.map(conditional),
    })),
    names: plan.names.map((n) => ({ ...n, sheet: sheetName(n.sheet) })),
    tables: plan.tables.map((t) => ({ ...t, sheet: sheetName(t.sheet) })),
    charts: plan.charts.map(chart),
    results: {
      ...r,
      months: ref(r.months),
      mso: renameSheetFields(r.mso, sheetName),
      pcs: r.pcs.map((pc) => ({
        ...pc,
        sheet: sheetName(pc.sheet),
        cells: refs(pc.cells),
        rows: Object.fromEntries(
          Object.entries(pc.rows).map(([k, v]) => [k, { ...v, sheet: sheetName(v.sheet) }]),
        ) as typeof pc.rows,
      })),
      checks: renameSheetFields(r.checks, sheetName),
      ...(r.tax ? { tax: refs(r.tax) } : {}),
      ...(r.v22 ? { v22: renameSheetFields(r.v22, sheetName) } : {}),
    },
    inputCells: plan.inputCells?.map((c) => ({ ...c, sheet: sheetName(c.sheet) })),
  };
}
