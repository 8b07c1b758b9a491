/**
 * One adapter per worksheet function: arguments as Excel passes them in, the engine call, the result
 * as Excel shows it. They throw the engine's EngineError; functions.ts turns that into
 * CustomFunctions.Error and the HyperFormula plugin into a CellError, so both hosts share one reading
 * of every argument.
 */
import {
  AFR_FREQUENCIES,
  BASES,
  Basis,
  COMPOUNDINGS,
  Compounding,
  DECIMALS_MAX,
  Dec,
  Err,
  CellFlow,
  LineTerms,
  METHODS,
  NOTE_FREQUENCIES,
  PercentileMethod,
  RateRow,
  RateSchedule,
  afrConvert,
  afrTest,
  allocate,
  checkCostPlusTerms,
  costPlusFeeInUnits,
  checkPercentiles,
  costPlusFee,
  dec,
  fmvRange as engineFmvRange,
  fmvRangeInUnits,
  isoDate,
  lineInterestNumber,
  lineLimit,
  sortedNumbers,
  toNumber,
  toNumberAtLeast,
  toSerial,
} from "../engine";
import {
  asMatrix,
  bounded,
  cellNumber,
  numberAt,
  positionOf,
  valuesOf,
  code,
  isBlank,
  optionalNumber,
  optionalText,
  plainNumbersOf,
  requiredDate,
  requiredNumber,
  requiredRange,
} from "./args";

const RATE_MAX = 1;

// ---- MSA ----------------------------------------------------------------------------------------

export function msaCostPlus(
  costBase: unknown,
  markup: unknown,
  passThrough: unknown,
  fixedFee: unknown,
  cap: unknown,
  floor: unknown,
): number {
  const capValue = optionalNumber("cap", cap, null);
  const floorValue = optionalNumber("floor", floor, null);
  const markupValue = requiredNumber("markup", markup);
  const fixedValue = optionalNumber("fixedFee", fixedFee, 0);
  const terms = {
    markup: dec(markupValue),
    fixedFee: dec(fixedValue),
    cap: capValue === null ? null : dec(capValue),
    floor: floorValue === null ? null : dec(floorValue),
  };
  checkCostPlusTerms(terms);
  const base = plainNumbersOf("costBase", requiredRange("costBase", costBase));
  const pass = plainNumbersOf("passThrough", passThrough);
  // Amounts in cents and markups in a few decimals, the usual case: exact in whole units.
  return (
    costPlusFeeInUnits(base, markupValue, pass, fixedValue, capValue, floorValue) ??
    toNumber(costPlusFee({ ...terms, costBase: base.map(dec), passThrough: pass.map(dec) }))
  );
}

export function msaAllocate(total: unknown, drivers: unknown, decimals: unknown): number[][] {
  const places = optionalNumber("decimals", decimals, 2);
  if (!Number.isInteger(places) || places < 0 || places > DECIMALS_MAX)
    throw Err.wholeBetween("decimals", 0, DECIMALS_MAX, places);
  const amount = dec(requiredNumber("total", total));
  requiredRange("drivers", drivers);
  const matrix = asMatrix(drivers);
  const cells = valuesOf(drivers);
  const weights = cells.map((_, i) => {
    const n = numberAt("drivers", drivers, cells, i);
    if (n === null || n >= 0) return n === null ? null : dec(n);
    const { row, col } = positionOf(drivers, i);
    throw Err.negativeDriver(row, col, n);
  });
  const parts = allocate(amount, weights, places);
  let i = 0;
  return matrix.map((row) => row.map(() => toNumber(parts[i++])));
}

// ---- LOC ----------------------------------------------------------------------------------------

/** Pairs flows with dates cell by cell; a blank pair is skipped, a half-blank pair is an error. */
function flowsOf(flows: unknown, dates: unknown): CellFlow[] {
  const flowArg = requiredRange("flows", flows);
  const dateArg = requiredRange("dates", dates);
  const amounts = valuesOf(flowArg);
  const days = valuesOf(dateArg);
  if (amounts.length !== days.length) throw Err.countMismatch("flows", amounts.length, "dates", days.length);
  const out: CellFlow[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const amount = numberAt("flows", flowArg, amounts, i);
    const day = numberAt("dates", dateArg, days, i);
    if (amount === null && day === null) continue;
    if (day === null) throw Err.pairBlank("dates", "flows", i + 1, amount);
    if (amount === null) throw Err.pairBlank("flows", "dates", i + 1, day);
    out.push({ date: toSerial("dates", day), amount });
  }
  return out;
}

function rateValue(name: string, n: number): Dec {
  return dec(bounded(name, n, 0, RATE_MAX, "a fraction: 0.05 = 5%"));
}

/** One rate, or rows of [effective date, rate]. */
function rateScheduleOf(rate: unknown): RateSchedule {
  const m = asMatrix(requiredRange("rate", rate));
  const cols = m[0]?.length ?? 0;
  if (m.length === 1 && cols === 1)
    return { kind: "fixed", rate: rateValue("rate", requiredNumber("rate", rate)) };
  if (cols !== 2 || m.some((r) => r.length !== 2)) throw Err.rateShape(m.length, cols);
  const rows: RateRow[] = [];
  m.forEach((r, i) => {
    if (isBlank(r[0]) && isBlank(r[1])) return;
    if (isBlank(r[0]) || isBlank(r[1])) throw Err.rateRowIncomplete(i + 1);
    const date = cellNumber("rate", { value: r[0], row: i + 1, col: 1 }) as number;
    const value = cellNumber("rate", { value: r[1], row: i + 1, col: 2 }) as number;
    rows.push({ date: toSerial("rate", date), rate: rateValue("rate", value) });
  });
  if (rows.length === 0) throw Err.noNumbers("rate");
  rows.sort((a, b) => a.date - b.date);
  for (let i = 1; i < rows.length; i++)
    if (rows[i].date === rows[i - 1].date) throw Err.rateDuplicateDate(isoDate(rows[i].date));
  return { kind: "table", rows };
}

function lineTermsOf(rate: unknown, basis: unknown, compounding: unknown): LineTerms {
  return {
    rate: rateScheduleOf(rate),
    basis: code<Basis>("basis", basis, BASES, 3, "num"),
    compounding: code<Compounding>("compounding", compounding, COMPOUNDINGS, 0),
  };
}

export function locInterest(
  flows: unknown,
  dates: unknown,
  rate: unknown,
  endDate: unknown,
  basis: unknown,
  compounding: unknown,
): number {
  const terms = lineTermsOf(rate, basis, compounding);
  const end = requiredDate("endDate", endDate);
  return lineInterestNumber(flowsOf(flows, dates), end, terms);
}

export function locLimit(
  flows: unknown,
  dates: unknown,
  rate: unknown,
  horizonEnd: unknown,
  basis: unknown,
  compounding: unknown,
  buffer: unknown,
  lot: unknown,
): number {
  const terms = lineTermsOf(rate, basis, compounding);
  const end = requiredDate("horizonEnd", horizonEnd);
  const bufferValue = bounded("buffer", optionalNumber("buffer", buffer, 0), 0, 10, "0.1 = 10%");
  const lotValue = optionalNumber("lot", lot, 0);
  if (lotValue < 0) throw Err.notNegative("lot", lotValue);
  const line = flowsOf(flows, dates);
  const decimalFlows = line.map((f) => ({ date: f.date, amount: dec(f.amount) }));
  // A limit must cover its peak: never the double half a unit in the last place below it.
  return toNumberAtLeast(lineLimit(decimalFlows, end, terms, dec(bufferValue), dec(lotValue)));
}

export function locAfrConvert(
  rate: unknown,
  fromFrequency: unknown,
  toFrequency: unknown,
  percent: unknown,
): number {
  const r = rateValue("rate", requiredNumber("rate", rate));
  const from = code("fromFrequency", fromFrequency, AFR_FREQUENCIES, null);
  const to = code("toFrequency", toFrequency, AFR_FREQUENCIES, null);
  return toNumber(afrConvert(r, from, to, dec(optionalNumber("percent", percent, 1))));
}

export function locAfrTest(
  noteRate: unknown,
  noteFrequency: unknown,
  afr: unknown,
  afrFrequency: unknown,
): boolean {
  const note = rateValue("noteRate", requiredNumber("noteRate", noteRate));
  const noteM = code("noteFrequency", noteFrequency, NOTE_FREQUENCIES, null);
  const floor = rateValue("afr", requiredNumber("afr", afr));
  const afrM = code("afrFrequency", afrFrequency, AFR_FREQUENCIES, null);
  return afrTest(note, noteM, floor, afrM);
}

// ---- FMV ----------------------------------------------------------------------------------------

function methodOf(method: unknown): PercentileMethod {
  const given = optionalText("method", method, "IRS");
  const text = given.trim().toUpperCase();
  if (!(METHODS as readonly string[]).includes(text)) throw Err.oneOf("method", METHODS, given);
  return text as PercentileMethod;
}

/**
 * low, median, high as the cell shows them. The arguments first, then the data: a percentile
 * outside its domain is #VALUE! whatever the data.
 */
function rangeOf(benchmarks: unknown, lowPct: unknown, highPct: unknown, method: unknown): number[] {
  const how = methodOf(method);
  // MINMAX ignores the percentiles, whatever they hold.
  const low = how === "MINMAX" ? 0 : optionalNumber("lowPct", lowPct, 0.25);
  const high = how === "MINMAX" ? 1 : optionalNumber("highPct", highPct, 0.75);
  checkPercentiles(dec(low), dec(high), how);
  const values = plainNumbersOf("benchmarks", requiredRange("benchmarks", benchmarks));
  if (values.length === 0) throw Err.noNumbers("benchmarks");
  values.sort((a, b) => a - b);
  const inUnits = fmvRangeInUnits(values, low, high, how);
  if (inUnits) return inUnits;
  const r = engineFmvRange(sortedNumbers(values, true), dec(low), dec(high), how);
  return [toNumber(r.low), toNumber(r.median), toNumber(r.high)];
}

export function fmvRange(
  benchmarks: unknown,
  lowPct: unknown,
  highPct: unknown,
  method: unknown,
): number[][] {
  return [rangeOf(benchmarks, lowPct, highPct, method)];
}

export function fmvTest(
  value: unknown,
  benchmarks: unknown,
  lowPct: unknown,
  highPct: unknown,
  method: unknown,
): "BELOW" | "WITHIN" | "ABOVE" {
  const tested = requiredNumber("value", value);
  // Against the bounds as FMV.RANGE returns them to the sheet, so the two never disagree on a value
  // shown equal to a bound. Doubles compare as the decimals they are read as.
  const [low, , high] = rangeOf(benchmarks, lowPct, highPct, method);
  return tested < low ? "BELOW" : tested > high ? "ABOVE" : "WITHIN";
}
