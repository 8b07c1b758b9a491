/**
 * Defects found in review of the model builder, each pinned by a test whose expected values come
 * from MODEL.md, DOMAIN.md or hand arithmetic written here, never from the builder's own code.
 */
import afrData from "../../data/afr-table.json";
import { ModelInputsJson, parseInputs } from "../../src/model/inputs";
import { PlanCell, SheetPlan } from "../../src/model/plan";
import { readSummary } from "../../src/model/summary";
import { handCheckJson } from "./hand-check-inputs";
import { EXAMPLES_DIR, evaluate, maxIntercompanyDiff, readChecks, rowValues, validInputs } from "./support";
import { readFileSync } from "fs";
import { join } from "path";

const MODES = ["addin", "portable"] as const;

const example = (file: string): ModelInputsJson =>
  JSON.parse(readFileSync(join(EXAMPLES_DIR, file), "utf8")) as ModelInputsJson;

const cellOf = (plan: SheetPlan, sheet: string, a1: string): PlanCell | undefined =>
  plan.sheets.find((s) => s.name === sheet)!.cells.find((c) => c.a1 === a1);

/** Rows (1-based) of `sheet` whose column A holds `label`. */
const rowsLabelled = (plan: SheetPlan, sheet: string, label: string): number[] =>
  plan.sheets
    .find((s) => s.name === sheet)!
    .cells.filter((c) => /^A\d+$/.test(c.a1) && c.value === label)
    .map((c) => Number(c.a1.slice(1)));

const handCheck = handCheckJson;

describe("1. a realised markup exactly at an FMV bound is WITHIN (no floating-point residue)", () => {
  // Benchmarks 4.1, 5.0, 5.6, 6.3, 7.0, 8.2% (n = 6), IRS quartiles: low k = 0.25 × 6 = 1.5 → 2nd
  // = 5%; high k = 4.5 → 5th = 7%. Cost-plus without cap or floor: fee − pt = base × (1 + markup),
  // so every PC's realised markup is the markup itself, on the bound, and bounds are inclusive.
  describe.each(MODES)("%s", (mode) => {
    it.each([0.05, 0.07])(
      "markup %p: every PC shows exactly that markup, WITHIN; checks OK",
      async (markup) => {
        const json = example("three-states.json");
        json.fee.markup = markup;
        const { plan, host } = evaluate(validInputs(json), mode);
        expect(host.readValueSync("Checks", "B5")).toBeCloseTo(0.05, 12);
        expect(host.readValueSync("Checks", "D5")).toBeCloseTo(0.07, 12);
        const summary = await readSummary(plan, host);
        for (const pc of summary.pcs) {
          expect({ name: pc.name, markup: pc.realisedMarkup, status: pc.fmvStatus }).toEqual({
            name: pc.name,
            markup,
            status: "WITHIN",
          });
        }
        expect(summary.checks.fmvWithin).toBe(true);
        expect(summary.checks.master).toBe(true);
      },
    );
  });
});

describe("2. FMV percentiles: at most 6 decimal places, so add-in and portable ranges agree", () => {
  const withPct = (lowPct: number, highPct = 0.75) => {
    const json = handCheck();
    json.fmv = { ...json.fmv, benchmarks: [0.04, 0.06, 0.09], lowPct, highPct };
    return json;
  };

  it.each([
    [
      "lowPct",
      withPct(0.3333333333333333),
      "fmv.lowPct: at most 6 decimal places (e.g. 0.333333); got 0.3333333333333333",
    ],
    [
      "highPct",
      withPct(0.25, 0.999999999999),
      "fmv.highPct: at most 6 decimal places (e.g. 0.333333); got 0.999999999999",
    ],
  ])("refuses %s with more than 6 decimal places, naming the field and the rule", (_, json, message) => {
    const r = parseInputs(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain(message);
  });

  it("accepts 0.333333; both modes give the low 4% (k = 0.333333 × 3 = 0.999999, ⌈k⌉ = 1 → x₁)", () => {
    const inputs = validInputs(withPct(0.333333));
    for (const mode of MODES) {
      const { host } = evaluate(inputs, mode);
      expect({ mode, low: host.readValueSync("Checks", "B5") }).toEqual({ mode, low: 0.04 });
    }
  });
});

describe("3. the LOC opening balance is one input per PC on the Inputs sheet", () => {
  it("validates pcs[i].locOpeningBalance: default 0, never negative", () => {
    const ok = parseInputs(handCheck());
    expect(ok.ok && ok.inputs.pcs[0].locOpeningBalance).toBe(0);
    const bad = handCheck();
    (bad.pcs[0] as { locOpeningBalance?: number }).locOpeningBalance = -1;
    const r = parseInputs(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain("pcs[0].locOpeningBalance: locOpeningBalance must be 0 or more");
  });

  describe.each(MODES)("%s", (mode) => {
    let plan: SheetPlan;
    let host: ReturnType<typeof evaluate>["host"];
    let pc: SheetPlan["results"]["pcs"][number];
    beforeAll(() => {
      const json = handCheck();
      (json.pcs[0] as { locOpeningBalance?: number }).locOpeningBalance = 10000;
      ({ plan, host } = evaluate(validInputs(json), mode));
      pc = plan.results.pcs[0];
    });

    it("MSO and PC first-month openings are green links to one blue Inputs cell", () => {
      const msoOpen = rowsLabelled(plan, "MSO", "LOC receivable, opening");
      const pcOpen = rowsLabelled(plan, pc.sheet, "Opening balance");
      expect(msoOpen).toHaveLength(1);
      expect(pcOpen).toHaveLength(1);
      const links = [cellOf(plan, "MSO", `C${msoOpen[0]}`)!, cellOf(plan, pc.sheet, `C${pcOpen[0]}`)!];
      for (const link of links) expect(link.role).toBe("link");
      expect(links[0].formula).toBe(links[1].formula);
      const m = /^=Inputs!\$([A-Z]+)\$(\d+)$/.exec(links[0].formula ?? "");
      expect(m).not.toBeNull();
      const input = cellOf(plan, "Inputs", `${m![1]}${m![2]}`)!;
      expect(input).toMatchObject({ value: 10000, role: "input" });
      // first month opens at the input on both sides
      expect(rowValues(plan, host, "MSO", msoOpen[0])[0]).toBe(10000);
      expect(rowValues(plan, host, pc.sheet, pcOpen[0])[0]).toBe(10000);
    });

    it("hand: Jan interest 10,000 × 3.65% × 31/365 = 31.00; close 10,000 + 6,000t; intercompany 0", () => {
      const cents = (x: number) => Math.round(x * 100) / 100;
      expect(cents(rowValues(plan, host, pc.sheet, pc.rows.pcInterest.row)[0])).toBe(31);
      expect(cents(rowValues(plan, host, "MSO", pc.rows.msoInterest.row)[0])).toBe(31);
      expect(rowValues(plan, host, pc.sheet, pc.rows.pcClose.row).map(cents)).toEqual(
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((t) => 10000 + 6000 * t),
      );
      // peak 82,000 × 1.1 = 90,200 → rounded up to lots of 1,000 = 91,000
      expect(host.readValueSync(pc.cells.requiredLimit.sheet, pc.cells.requiredLimit.a1)).toBe(91000);
      expect(maxIntercompanyDiff(plan, host)).toBeLessThan(0.005);
      expect(readChecks(plan, host).intercompanyZero).toBe("OK");
    });
  });
});

describe("4. the AFR table carries every row of data/afr-table-1.csv (v2.1), each to verify at irs.gov", () => {
  it("2023-10 and 2024-01 to 2026-10 except 2026-09, as fractions of the CSV's percentages, with rulings and irs.gov sources", () => {
    const rows = afrData.rows as {
      month: string;
      revenueRuling: string;
      shortTerm: Record<string, number>;
      longTerm: Record<string, number>;
      source: string;
      note: string;
    }[];
    const csv = readFileSync(join(__dirname, "..", "..", "data", "afr-table-1.csv"), "utf8")
      .trim()
      .split("\n");
    const months = ["2023-10"];
    for (let y = 2024; y <= 2026; y++)
      for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, "0")}`);
    expect(rows.map((r) => r.month)).toEqual(months.filter((m) => m <= "2026-10" && m !== "2026-09"));
    expect(csv).toHaveLength(rows.length + 1);
    rows.forEach((r, i) => {
      const f = csv[i + 1].split(",");
      expect([r.month, r.revenueRuling]).toEqual([f[0], f[1]]);
      // short-term annual and long-term monthly, percent → fraction
      expect(r.shortTerm.annual).toBeCloseTo(Number(f[2]) / 100, 12);
      expect(r.longTerm.monthly).toBeCloseTo(Number(f[13]) / 100, 12);
      expect(r.source).toMatch(
        /^https:\/\/www\.irs\.gov\/pub\/irs-drop\/rr-\d\d-\d\d\.pdf \[(primary|secondary-good)\]$/,
      );
      expect(r.note).toBe("verify at irs.gov");
    });
    expect(afrData.description).toMatch(/primary or good/);
  });
});

describe("6. Months is structural: black, not an input", () => {
  it("the Inputs cell named Months is not styled as an input and says to rebuild", () => {
    const { plan } = evaluate(validInputs(handCheck()), "portable");
    const ref = plan.names.find((n) => n.name === "Months")!;
    const a1 = ref.ref.replace(/\$/g, "");
    const cell = cellOf(plan, "Inputs", a1)!;
    expect(cell).toMatchObject({ value: 12, role: "formula" });
    const note = cellOf(plan, "Inputs", `D${a1.slice(1)}`)!;
    expect(String(note.value)).toMatch(/structural: rebuild the model to change/);
    expect(String(note.value)).toMatch(/not an input/);
  });
});
