/**
 * The Inputs sheet's two tables: the service lines (MSO cost pools) and the PCs, one row each, with
 * the columns other sheets' formulas address (`PC_COL`, `SL_COL`) and the names over whole columns
 * (PC_Names, PC_FTEs, PC_Visits, SL_Driver). Names of lines and PCs are structural (grey).
 */
import { DRIVERS, ModelInputs, PHYSICIAN_COMP_MODES, US_STATE_CODES } from "../inputs";
import { PlanTable } from "../plan";
import { FMT } from "../writer";
import { InputCellSpec, InputsFields } from "./inputs-fields";
import { between, listRule, schemaRule } from "./inputs-rules";
import { INPUTS } from "./names";

/** Columns of the PC table on the Inputs sheet. */
export const PC_COL = {
  name: "A",
  shortName: "B",
  state: "C",
  owner: "D",
  collections: "E",
  growth: "F",
  clinical: "G",
  ftes: "H",
  visits: "I",
  passThrough: "J",
  compMode: "K",
  compAnnual: "L",
  locOpening: "M",
  markup: "N",
  fixedMonthly: "O",
  monthlyCap: "P",
  monthlyFloor: "Q",
  locLimit: "R",
} as const;

/** Columns of the service-line table. */
export const SL_COL = { name: "A", driver: "B", cost: "C", growth: "D" } as const;

/** The service-line table from `f.row` down; returns each line's row. */
export function serviceLineTable(inp: ModelInputs, f: InputsFields): { row: number }[] {
  f.w.label(`A${f.row}`, "Service lines (MSO cost pools); names are structural", "header");
  f.row++;
  ["Service line", "Driver", "Annual cost ($)", "Annual growth (%)"].forEach((t, i) =>
    f.w.label(`${"ABCD"[i]}${f.row}`, t, "header"),
  );
  f.row++;
  const sl = inp.serviceLines.map((s, i) => {
    const row = f.row++;
    const at = (key: string) => ["serviceLines", i, key];
    f.input(`A${row}`, { value: s.name, path: at("name"), type: "text", role: "structural" }, "");
    f.input(
      `B${row}`,
      {
        value: s.driver,
        path: at("driver"),
        type: "text",
        rule: listRule(DRIVERS),
        allowed: DRIVERS.join(", "),
      },
      `serviceLines[${i}].driver`,
    );
    f.input(
      `C${row}`,
      {
        value: s.annualCost,
        path: at("annualCost"),
        type: "number",
        format: FMT.money,
        ...schemaRule(at("annualCost"), { unit: "$" }),
      },
      `serviceLines[${i}].annualCost`,
    );
    f.input(
      `D${row}`,
      {
        value: s.annualGrowth,
        path: at("annualGrowth"),
        type: "number",
        format: FMT.pct,
        ...schemaRule(at("annualGrowth"), { unit: "%" }),
      },
      `serviceLines[${i}].annualGrowth`,
    );
    return { row };
  });
  f.names.push({ name: "SL_Driver", sheet: INPUTS, ref: `$B$${sl[0].row}:$B$${sl[sl.length - 1].row}` });
  return sl;
}

/** The PC table from `f.row` down; returns each PC's row. */
export function pcTable(inp: ModelInputs, f: InputsFields): { row: number }[] {
  f.w.label(
    `A${f.row}`,
    "Professional corporations; names are structural; blank terms = the group's",
    "header",
  );
  f.row++;
  PC_HEADERS.forEach((t, i) => f.w.label(`${Object.values(PC_COL)[i]}${f.row}`, t, "header"));
  f.row++;
  const pc = inp.pcs.map((p, i) => {
    const row = f.row++;
    const at = (...key: string[]) => ["pcs", i, ...key];
    const put = (col: string, spec: InputCellSpec, what: string) =>
      f.input(`${col}${row}`, spec, `pcs[${i}].${what}`);
    const money = (col: string, key: keyof typeof p, blank = false) =>
      put(
        col,
        {
          value: (p[key] as number | undefined) ?? null,
          path: at(key),
          type: "number",
          format: FMT.money,
          rule: between(0),
          allowBlank: blank,
          allowed: blank ? "an amount, 0 or more, or blank for the group's" : "an amount, 0 or more",
        },
        key,
      );
    put(PC_COL.name, { value: p.name, path: at("name"), type: "text", role: "structural" }, "name");
    put(
      PC_COL.shortName,
      { value: p.shortName ?? null, path: at("shortName"), type: "text", role: "structural" },
      "shortName",
    );
    put(
      PC_COL.state,
      {
        value: p.state,
        path: at("state"),
        type: "text",
        rule: listRule(US_STATE_CODES),
        allowed: "a 2-letter US state or DC code",
      },
      "state",
    );
    put(PC_COL.owner, { value: p.owner, path: at("owner"), type: "text" }, "owner");
    put(
      PC_COL.collections,
      {
        value: p.annualCollections,
        path: at("annualCollections"),
        type: "number",
        format: FMT.money,
        ...schemaRule(at("annualCollections"), { unit: "$" }),
      },
      "annualCollections",
    );
    put(
      PC_COL.growth,
      {
        value: p.annualGrowth,
        path: at("annualGrowth"),
        type: "number",
        format: FMT.pct,
        ...schemaRule(at("annualGrowth"), { unit: "%" }),
      },
      "annualGrowth",
    );
    money(PC_COL.clinical, "annualClinicalCosts");
    put(
      PC_COL.ftes,
      {
        value: p.providerFtes,
        path: at("providerFtes"),
        type: "number",
        format: FMT.number,
        ...schemaRule(at("providerFtes")),
      },
      "providerFtes",
    );
    put(
      PC_COL.visits,
      {
        value: p.annualVisits,
        path: at("annualVisits"),
        type: "number",
        format: FMT.int,
        ...schemaRule(at("annualVisits")),
      },
      "annualVisits",
    );
    money(PC_COL.passThrough, "annualPassThrough");
    put(
      PC_COL.compMode,
      {
        value: p.physicianComp.mode,
        path: at("physicianComp", "mode"),
        type: "text",
        rule: listRule(PHYSICIAN_COMP_MODES),
        allowed: PHYSICIAN_COMP_MODES.join(", "),
      },
      "physicianComp.mode",
    );
    put(
      PC_COL.compAnnual,
      {
        value: p.physicianComp.mode === "fixed" ? p.physicianComp.annual : null,
        path: at("physicianComp", "annual"),
        type: "number",
        format: FMT.money,
        rule: between(0),
        allowBlank: true,
        allowed: "an amount, 0 or more (fixed mode only)",
      },
      "physicianComp.annual",
    );
    money(PC_COL.locOpening, "locOpeningBalance");
    put(
      PC_COL.markup,
      {
        value: p.markup ?? null,
        path: at("markup"),
        type: "number",
        format: FMT.pct,
        rule: between(0, 10),
        allowBlank: true,
        allowed: "a fraction from 0 to 10, or blank for the group's",
      },
      "markup",
    );
    money(PC_COL.fixedMonthly, "fixedMonthly", true);
    money(PC_COL.monthlyCap, "monthlyCap", true);
    money(PC_COL.monthlyFloor, "monthlyFloor", true);
    money(PC_COL.locLimit, "locLimit", true);
    return { row };
  });
  const p0 = pc[0].row;
  const p1 = pc[pc.length - 1].row;
  f.names.push({ name: "PC_Names", sheet: INPUTS, ref: `$A$${p0}:$A$${p1}` });
  f.names.push({ name: "PC_FTEs", sheet: INPUTS, ref: `$${PC_COL.ftes}$${p0}:$${PC_COL.ftes}$${p1}` });
  f.names.push({ name: "PC_Visits", sheet: INPUTS, ref: `$${PC_COL.visits}$${p0}:$${PC_COL.visits}$${p1}` });
  return pc;
}

const PC_HEADERS = [
  "PC",
  "Short name (tab)",
  "State",
  "Owner",
  "Annual collections ($)",
  "Annual growth (%)",
  "Annual clinical costs ($)",
  "Provider FTEs",
  "Annual visits",
  "Annual pass-through ($)",
  "Physician comp mode",
  "Fixed physician comp, annual ($)",
  "LOC opening balance ($)",
  "Markup (blank = group)",
  "Fixed fee / month (blank = group)",
  "Monthly cap (blank = group)",
  "Monthly floor (blank = group)",
  "Credit limit (blank = group)",
];

/** The Inputs sheet's two lists as tables: service lines and PCs. */
export function inputsTables(lay: { sl: { row: number }[]; pc: { row: number }[] }): PlanTable[] {
  return [
    {
      name: "ServiceLines",
      sheet: INPUTS,
      ref: `A${lay.sl[0].row - 1}:D${lay.sl[lay.sl.length - 1].row}`,
      columns: ["Service line", "Driver", "Annual cost", "Annual growth"],
    },
    {
      name: "PCs",
      sheet: INPUTS,
      ref: `A${lay.pc[0].row - 1}:R${lay.pc[lay.pc.length - 1].row}`,
      columns: PC_HEADERS.map((h) => h.replace(/ \(.*\)$/, "")),
    },
  ];
}
