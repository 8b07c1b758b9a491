/**
 * The fake holds the host to Excel's rules only if it enforces them: each rule the header of
 * fake-excel.ts cites is checked here against the behaviour the Microsoft pages describe.
 */
import { FakeExcel, FakeOfficeError } from "./fake-excel";

/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load -- these tests misuse Office.js on purpose, to see the fake refuse it */
const run = (fake: FakeExcel, batch: (ctx: any) => Promise<unknown>) => fake.run(batch as never);
const code = (e: unknown) => (e instanceof FakeOfficeError ? e.code : String(e));

test("a property read before load and sync throws PropertyNotLoaded; after both it is there", async () => {
  const fake = new FakeExcel();
  fake.addSheet("S");
  await run(fake, async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("S").getRange("A1");
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    r.load("values");
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(r.values).toEqual([[""]]);
  });
});

test("nothing happens before sync; a wrong-sized array fails at sync with InvalidArgument, the actions before it stay", async () => {
  const fake = new FakeExcel();
  fake.addSheet("S");
  const err = await run(fake, async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("S");
    s.getRange("A1").values = [[1]];
    expect(fake.sheet("S").cells.size).toBe(0);
    s.getRange("A2:B2").values = [[1, 2, 3]];
    s.getRange("A3").values = [[3]];
    await ctx.sync();
  }).catch((e) => e);
  expect(code(err)).toBe("InvalidArgument");
  expect([...fake.sheet("S").cells.keys()]).toEqual(["0,0"]);
});

test("sheet names: 31 characters, no []:*?/\\, unique ignoring case", async () => {
  const fake = new FakeExcel();
  fake.addSheet("Data");
  for (const bad of ["x".repeat(32), "a[b", "a:b", "a*b", "a?b", "a/b", "a\\b", "DATA"]) {
    const err = await run(fake, async (ctx) => {
      ctx.workbook.worksheets.add(bad);
      await ctx.sync();
    }).catch((e) => e);
    expect({ bad, code: code(err) }).toEqual({
      bad,
      code: bad === "DATA" ? "ItemAlreadyExists" : "InvalidArgument",
    });
  }
  expect(fake.sheets.map((s) => s.name)).toEqual(["Data"]);
});

test("strings are parsed as typed unless text-formatted or apostrophe-led", async () => {
  const fake = new FakeExcel();
  fake.addSheet("S");
  await run(fake, async (ctx) => {
    const s = ctx.workbook.worksheets.getItem("S");
    s.getRange("A1:F1").values = [["=1+1", "+1", "-2", "@SUM(B1)", "0012", "TRUE"]];
    s.getRange("A2:F2").numberFormat = [["@", "@", "@", "@", "@", "@"]];
    s.getRange("A2:F2").values = [["=1+1", "+1", "-2", "@SUM(B1)", "0012", "TRUE"]];
    s.getRange("A3").values = [["'=1+1"]];
    await ctx.sync();
  });
  const cell = (r: number, c: number) => fake.sheet("S").cells.get(`${r},${c}`);
  expect([0, 1, 2, 3, 4, 5].map((c) => cell(0, c))).toEqual([
    { formula: "=1+1" },
    { value: 1 },
    { value: -2 },
    { formula: "=SUM(B1)" },
    { value: 12 },
    { value: true },
  ]);
  expect([0, 1, 2, 3, 4, 5].map((c) => cell(1, c)?.value)).toEqual([
    "=1+1",
    "+1",
    "-2",
    "@SUM(B1)",
    "0012",
    "TRUE",
  ]);
  expect(cell(2, 0)).toEqual({ value: "=1+1", quotePrefix: true });
});

test("a request over 5 MB is refused whole with RequestPayloadSizeLimitExceeded; syncs and bytes are counted", async () => {
  const fake = new FakeExcel();
  fake.addSheet("S");
  const big = Array.from({ length: 1000 }, () => ["x".repeat(6000)]);
  const err = await run(fake, async (ctx) => {
    ctx.workbook.worksheets.getItem("S").getRange("A1:A1000").values = big;
    await ctx.sync();
  }).catch((e) => e);
  expect(code(err)).toBe("RequestPayloadSizeLimitExceeded");
  expect(fake.sheet("S").cells.size).toBe(0);
  expect(fake.syncs).toBe(0);
  await run(fake, async (ctx) => {
    ctx.workbook.worksheets.getItem("S").getRange("A1:A500").values = big.slice(0, 500);
    await ctx.sync();
  });
  expect(fake.syncs).toBe(1);
  expect(fake.syncBytes[0]).toBeGreaterThan(3_000_000);
  expect(fake.syncBytes[0]).toBeLessThan(5 * 1024 * 1024);
});

test("renaming a sheet carries the formulas and names that point at it", async () => {
  const fake = new FakeExcel();
  fake.addSheet("A");
  fake.addSheet("B");
  fake.userEdit("A", "A1", 5);
  fake.userEdit("B", "A1", "=A!A1*2");
  fake.addName("Five", "=A!$A$1", "");
  await run(fake, async (ctx) => {
    ctx.workbook.worksheets.getItem("A").name = "Renamed A";
    await ctx.sync();
  });
  expect(fake.sheet("B").cells.get("0,0")?.formula).toBe("='Renamed A'!A1*2");
  expect(fake.names[0].formula).toBe("='Renamed A'!$A$1");
  await run(fake, async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("B").getRange("A1").load("values");
    await ctx.sync();
    expect(r.values).toEqual([[10]]);
  });
});
