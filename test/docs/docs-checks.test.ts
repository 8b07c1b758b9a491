// docs/model.md's Checks and Compliance tables are generated (scripts/docs-checks.ts, `npm run docs`)
// from examples/three-states.json as LibreOffice Calc recalculates the portable workbook. One Calc
// run regenerates them here; the doc must be exactly that, and the tables must agree with the rules
// the sheet states (the master check counts the groups not OK; a group counts its rows not OK).
import fs from "node:fs";
import path from "node:path";
import {
  CHECKS_END,
  CHECKS_START,
  COMPLIANCE_END,
  COMPLIANCE_START,
  MODEL_DOC,
  checksDocText,
  shown,
} from "../../scripts/docs-checks";
import { requireSoffice } from "../../scripts/libreoffice";
import { FMT } from "../../src/model/writer";

const ROOT = path.join(__dirname, "..", "..");
const between = (doc: string, start: string, end: string) => doc.slice(doc.indexOf(start), doc.indexOf(end));
/** The body rows of the Markdown table under a line, as cells. */
function table(block: string, after: string): string[][] {
  const lines = block.slice(block.indexOf(after)).split("\n");
  const first = lines.findIndex((l) => l.startsWith("|"));
  const rows: string[][] = [];
  for (const l of lines.slice(first + 2)) {
    if (!l.startsWith("|")) break;
    rows.push(l.slice(2, -2).split(/ (?<!\\)\| /));
  }
  return rows;
}

describe(`${MODEL_DOC}'s Checks and Compliance tables`, () => {
  let regenerated = "";
  beforeAll(async () => {
    requireSoffice(); // fails, naming the package to install, when LibreOffice is missing
    regenerated = await checksDocText(ROOT);
  }, 180_000);

  test("are what `npm run docs` writes now (run it after changing the model or examples/three-states.json)", () => {
    expect(fs.readFileSync(path.join(ROOT, MODEL_DOC), "utf8")).toBe(regenerated);
  });

  test("sit once each, in their sections", () => {
    const doc = fs.readFileSync(path.join(ROOT, MODEL_DOC), "utf8");
    for (const marker of [CHECKS_START, CHECKS_END, COMPLIANCE_START, COMPLIANCE_END])
      expect(doc.split(marker)).toHaveLength(2);
    const checks = doc.indexOf("## The Checks sheet");
    const compliance = doc.indexOf("## The Compliance sheet");
    expect(checks).toBeLessThan(doc.indexOf(CHECKS_START));
    expect(doc.indexOf(CHECKS_END)).toBeLessThan(compliance);
    expect(compliance).toBeLessThan(doc.indexOf(COMPLIANCE_START));
  });

  test("the master check is the number of groups not OK, and each group the number of its rows not OK", () => {
    const block = between(regenerated, CHECKS_START, CHECKS_END);
    const [master] = table(block, "| | Value | Status | Rule |");
    const groups = table(block, "| Group | Id | Rows not OK | Status |");
    const rows = table(block, "| Check | Value | Status | Rule |");
    expect(groups.length).toBeGreaterThan(0);
    const notOk = groups.filter((g) => g[3] !== "OK").length;
    expect(master[1]).toBe(String(notOk));
    expect(master[2]).toBe(notOk === 0 ? "OK" : "**FAIL**");
    const failing = rows.filter((r) => r[2] !== "OK").length;
    const counted = groups.reduce((n, g) => n + Number(g[2]), 0);
    expect(counted).toBe(failing);
    for (const g of groups) expect(g[3]).toBe(g[2] === "0" ? "OK" : "**FAIL**");
  });

  test("a PC's ownership is OK exactly when both answers are Yes, as its Checks row says", () => {
    const pcs = table(between(regenerated, COMPLIANCE_START, COMPLIANCE_END), "| PC | State |");
    const rows = table(between(regenerated, CHECKS_START, CHECKS_END), "| Check | Value | Status | Rule |");
    expect(pcs.length).toBeGreaterThan(0);
    for (const [pc, , , owned, licensed, ok] of pcs) {
      const both = owned === "Yes" && licensed === "Yes";
      expect({ pc, ok }).toEqual({ pc, ok: both ? "TRUE" : "**FALSE**" });
      const row = rows.find((r) => r[0] === `Physician-owned, owner licensed in the state — ${pc}`);
      expect(row?.slice(1, 3)).toEqual(both ? ["TRUE", "OK"] : ["FALSE", "**FAIL**"]);
    }
  });
});

describe("a value as the cell's format shows it", () => {
  test.each([
    ["378776.533885728", FMT.money, "378,776.53"],
    ["-1234.5", FMT.money, "-1,234.50"],
    ["100000", FMT.money, "100,000.00"],
    ["0.005", FMT.money, "0.01"], // half away from zero, as Excel rounds for display
    ["999.995", FMT.number, "1,000.00"],
    ["10", FMT.int, "10"],
    ["4.2175117%", FMT.pct4, "4.2175117%"],
    ["WITHIN", undefined, "WITHIN"],
  ])("%s in %s → %s", (text, format, expected) => {
    expect(shown(text, format)).toBe(expected);
  });
});
