/**
 * The v2.2 input cells carry data validations like the v2.1 ones: an enumerated field offers exactly
 * the values the zod schema accepts (read here from the schema object itself, and for two fields
 * written out by hand from MODEL.md), a numeric field the schema's bounds (a whole number where the
 * schema wants an integer), a joining month the model's horizon; each error message names the field
 * and the allowed values; and the .xlsx the xlsx host writes holds those rules on those cells
 * (read back with ExcelJS, as Excel would load the file).
 */
import ExcelJS from "exceljs";
import { z } from "zod";
import { buildPlan } from "../../src/model/build";
import { ModelInputs, formatPath, inputsSchema } from "../../src/model/inputs";
import { PlanInputCell, PlanValidation, SheetPlan } from "../../src/model/plan";
import { xlsxBuffer } from "../../src/workbook/xlsx";
import { loadInputs } from "./support";

/**
 * The zod schema of one field, walked through zod's public classic API (not the code under test);
 * a field inside a union (physicianComp) has no single schema: undefined.
 */
function fieldZod(path: PlanInputCell["path"]): z.ZodType | undefined {
  let s: z.ZodType = inputsSchema;
  const unwrap = () => {
    for (;;) {
      if (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable)
        s = s.unwrap() as z.ZodType;
      else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
      else return;
    }
  };
  for (const key of path) {
    unwrap();
    if (typeof key === "number" && s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (typeof key === "string" && s instanceof z.ZodObject) s = s.shape[key] as z.ZodType;
    else if (typeof key === "string" && s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return undefined;
  }
  unwrap();
  return s;
}
function zodAt(path: PlanInputCell["path"]): z.ZodType {
  const s = fieldZod(path);
  if (!s) throw new Error(`test: cannot walk the schema to ${formatPath(path)}`);
  return s;
}

/** Whether the field accepts null (left blank on the sheet), asked of its parent object's schema. */
function nullableAt(path: PlanInputCell["path"]): boolean {
  const parent = zodAt(path.slice(0, -1)) as z.ZodObject;
  return parent.shape[path[path.length - 1] as string].safeParse(null).success;
}

const V22_NAMED: PlanInputCell["path"][] = [
  ["fee", "paymentLagMonths"],
  ["loc", "drawMode"],
  ["loc", "sweep"],
  ["mso", "openingCash"],
  ["tax", "msoEntity"],
  ["tax", "losses"],
  ["tax", "ownerRate"],
  ["tax", "msoPayoutShare"],
  ["tax", "dividendRate"],
  ["tax", "physicianRate"],
  ["deal", "exitMultiple"],
];
const V22_PC = ["joinMonth", "purchasePrice", "openingCash", "collectionLagMonths", "minimumCash", "deNovo"];
const v22Paths = (inp: ModelInputs): PlanInputCell["path"][] => [
  ...V22_NAMED,
  ...inp.pcs.flatMap((_, p) => V22_PC.map((k) => ["pcs", p, k])),
];

const inputs = loadInputs("ten-pc-acquisition.json");
const plan: SheetPlan = buildPlan(inputs, { formulas: "portable" });
const sheet = plan.sheets.find((s) => s.name === "Inputs")!;
const same = (a: PlanInputCell["path"], b: PlanInputCell["path"]) =>
  a.length === b.length && a.every((k, i) => k === b[i]);
const cellOf = (path: PlanInputCell["path"]): PlanInputCell => {
  const c = plan.inputCells!.find((x) => same(x.path, path));
  if (!c) throw new Error(`no input cell for ${formatPath(path)}`);
  return c;
};
const validationOf = (path: PlanInputCell["path"]): PlanValidation => {
  const c = cellOf(path);
  const v = (sheet.validations ?? []).filter((x) => x.range === c.a1);
  expect({ field: formatPath(path), count: v.length }).toEqual({ field: formatPath(path), count: 1 });
  return v[0];
};
/** Whether an A1 range such as `D5:E14` contains the cell `a1` (the Compliance sheet validates ranges). */
const covers = (range: string, a1: string): boolean => {
  const at = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return { col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
  };
  const [from, to = from] = range.split(":").map(at);
  const c = at(a1);
  return c.col >= from.col && c.col <= to.col && c.row >= from.row && c.row <= to.row;
};
const listOf = (v: PlanValidation) => (v.rule.kind === "list" && "values" in v.rule ? v.rule.values : []);

describe("v2.2 input validations", () => {
  it("every v2.2 input cell has exactly one validation whose message starts with the field's path", () => {
    const paths = v22Paths(inputs);
    expect(paths).toHaveLength(11 + 6 * 10);
    for (const path of paths) expect(validationOf(path).error.startsWith(`${formatPath(path)}: `)).toBe(true);
  });

  it("an enumerated field's list is exactly the zod enum's values, named in its message", () => {
    const enums = v22Paths(inputs).filter((p) => zodAt(p) instanceof z.ZodEnum);
    expect(enums.map(formatPath)).toEqual(["loc.drawMode", "tax.msoEntity", "tax.losses"]);
    for (const path of enums) {
      const options = (zodAt(path) as z.ZodEnum).options as string[];
      const v = validationOf(path);
      expect(v.rule.kind).toBe("list");
      expect(listOf(v)).toEqual(options);
      expect(v.allowBlank).toBe(false);
      for (const o of options) expect(v.error).toContain(o);
    }
  });

  it("hand-written lists from MODEL.md: draw mode deferral/cash, MSO entity c-corp/pass-through", () => {
    expect(listOf(validationOf(["loc", "drawMode"]))).toEqual(["deferral", "cash"]);
    expect(listOf(validationOf(["tax", "msoEntity"]))).toEqual(["c-corp", "pass-through"]);
    expect(validationOf(["tax", "msoEntity"]).error).toBe("tax.msoEntity: c-corp, pass-through");
  });

  it("a boolean field (sweep, de novo) is the list TRUE, FALSE, Excel's two logical values", () => {
    const bools = v22Paths(inputs).filter((p) => zodAt(p) instanceof z.ZodBoolean);
    expect(bools.length).toBe(1 + inputs.pcs.length);
    for (const path of bools) {
      const v = validationOf(path);
      expect(listOf(v)).toEqual(["TRUE", "FALSE"]);
      expect(v.error).toBe(`${formatPath(path)}: TRUE or FALSE`);
    }
  });

  it("a numeric field's bounds are the zod schema's; integers are whole numbers; null may be blank", () => {
    const numbers = v22Paths(inputs).filter((p) => zodAt(p) instanceof z.ZodNumber);
    expect(numbers.length).toBe(7 + 4 * inputs.pcs.length);
    for (const path of numbers) {
      const n = zodAt(path) as z.ZodNumber;
      const v = validationOf(path);
      const bound = (x: number | null) => (x === null || !Number.isFinite(x) ? undefined : x);
      expect({ field: formatPath(path), rule: v.rule }).toEqual({
        field: formatPath(path),
        rule: { kind: n.isInt ? "whole" : "decimal", min: bound(n.minValue), max: bound(n.maxValue) },
      });
      expect(v.allowBlank).toBe(nullableAt(path));
      if (bound(n.minValue) !== undefined) expect(v.error).toContain(String(n.minValue));
      if (bound(n.maxValue) !== undefined) expect(v.error).toContain(String(n.maxValue));
    }
  });

  it("hand-written bounds from MODEL.md: lags, rates, exit multiple", () => {
    expect(validationOf(["fee", "paymentLagMonths"])).toMatchObject({
      rule: { kind: "whole", min: 0, max: 2 },
      error: "fee.paymentLagMonths: a whole number from 0 to 2",
    });
    expect(validationOf(["pcs", 3, "collectionLagMonths"]).rule).toEqual({ kind: "whole", min: 0, max: 3 });
    expect(validationOf(["tax", "dividendRate"]).rule).toEqual({ kind: "decimal", min: 0, max: 1 });
    // Excel's range is inclusive: 0 passes the cell and is refused by the schema when read back.
    expect(validationOf(["deal", "exitMultiple"])).toEqual({
      range: cellOf(["deal", "exitMultiple"]).a1,
      rule: { kind: "decimal", min: 0, max: 100 },
      allowBlank: true,
      error: "deal.exitMultiple: a number more than 0, at most 100, or blank for no exit value",
    });
  });

  it("a joining month is a date inside the horizon: 2026-07-01 to 2031-06-30 for 60 months from 2026-07", () => {
    // Excel serials: 2026-01-01 is 46023 (2025-01-01 is 45658, + 365); + 181 days (Jan–Jun 2026) = 46204
    // for 2026-07-01; five years on, with 2028-02-29, is + 1826 = 48030 for 2031-07-01, so 48029 the day before.
    for (let p = 0; p < inputs.pcs.length; p++)
      expect(validationOf(["pcs", p, "joinMonth"])).toMatchObject({
        rule: { kind: "date", min: 46204, max: 48029 },
        allowBlank: true,
        error: `pcs[${p}].joinMonth: a month from 2026-07 to 2031-06 (the model's horizon), or blank for 2026-07`,
      });
  });

  it("every enumerated input cell of the workbook, v2.1 or v2.2, lists exactly its zod enum", () => {
    const enumCells = plan.inputCells!.filter((c) => fieldZod(c.path) instanceof z.ZodEnum);
    expect(enumCells.length).toBeGreaterThan(10);
    for (const c of enumCells) {
      const s = plan.sheets.find((x) => x.name === c.sheet)!;
      const v = (s.validations ?? []).find((x) => covers(x.range, c.a1));
      expect({ field: formatPath(c.path), list: v && listOf(v) }).toEqual({
        field: formatPath(c.path),
        list: (zodAt(c.path) as z.ZodEnum).options,
      });
    }
  });
  it("every numeric input cell of the workbook, v2.1 or v2.2, carries the zod schema's bounds", () => {
    const numberCells = plan.inputCells!.filter(
      (c) =>
        c.sheet === "Inputs" &&
        sheet.cells.find((x) => x.a1 === c.a1)?.role !== "structural" &&
        fieldZod(c.path) instanceof z.ZodNumber,
    );
    expect(numberCells.length).toBeGreaterThan(100);
    const bound = (x: number | null) => (x === null || !Number.isFinite(x) ? undefined : x);
    for (const c of numberCells) {
      const n = zodAt(c.path) as z.ZodNumber;
      const v = sheet.validations!.find((x) => covers(x.range, c.a1));
      const rule = v?.rule as { min?: number; max?: number } | undefined;
      expect({ field: formatPath(c.path), min: rule?.min, max: rule?.max }).toEqual({
        field: formatPath(c.path),
        min: bound(n.minValue),
        max: bound(n.maxValue),
      });
    }
  });
});

describe("v2.2 validations in the .xlsx (ExcelJS reading the written file)", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxBuffer(plan, null)) as unknown as ArrayBuffer);
    ws = wb.getWorksheet("Inputs")!;
  });
  const dv = (path: PlanInputCell["path"]) => ws.getCell(cellOf(path).a1).dataValidation;

  it("lists: draw mode, entity, losses, sweep and de novo", () => {
    expect(dv(["loc", "drawMode"])).toMatchObject({ type: "list", formulae: ['"deferral,cash"'] });
    expect(dv(["tax", "msoEntity"])).toMatchObject({ type: "list", formulae: ['"c-corp,pass-through"'] });
    expect(dv(["tax", "losses"])).toMatchObject({ type: "list", formulae: ['"refund,carryforward"'] });
    expect(dv(["loc", "sweep"])).toMatchObject({ type: "list", formulae: ['"TRUE,FALSE"'] });
    expect(dv(["pcs", 9, "deNovo"])).toMatchObject({ type: "list", formulae: ['"TRUE,FALSE"'] });
    expect(dv(["tax", "losses"])).toMatchObject({
      showErrorMessage: true,
      error: "tax.losses: refund, carryforward",
    });
  });

  it("ranges: whole-number lags, fraction rates, the exit multiple, amounts and the joining month", () => {
    const formulae = (path: PlanInputCell["path"]) => dv(path).formulae.map(Number);
    expect(dv(["fee", "paymentLagMonths"]).type).toBe("whole");
    expect(formulae(["fee", "paymentLagMonths"])).toEqual([0, 2]);
    expect(dv(["pcs", 0, "collectionLagMonths"]).type).toBe("whole");
    expect(formulae(["pcs", 0, "collectionLagMonths"])).toEqual([0, 3]);
    expect(dv(["tax", "ownerRate"]).type).toBe("decimal");
    expect(formulae(["tax", "ownerRate"])).toEqual([0, 1]);
    expect(formulae(["deal", "exitMultiple"])).toEqual([0, 100]);
    expect(dv(["deal", "exitMultiple"]).allowBlank).toBe(true);
    expect(dv(["pcs", 4, "purchasePrice"])).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
    });
    expect(formulae(["pcs", 4, "purchasePrice"])).toEqual([0]);
    expect(dv(["pcs", 2, "joinMonth"]).type).toBe("date");
  });
});
