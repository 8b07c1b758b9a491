/**
 * The line of credit's daily-balance interest, computed per segment between events — flow dates,
 * rate changes, compounding boundaries and the end date — never day by day: within a segment the
 * principal and the rate are constant, so its interest is principal × rate × the segment's own
 * day-count fraction. A ten-year line with monthly draws is ~240 segments, not ~3,650 days.
 *
 * Flows are signed from the PC's side: a draw is positive, a repayment negative. A flow on a date
 * affects interest from that date on; interest accrues up to, not including, the end date.
 */
import { Dec, ONE, ZERO, dec, toNumber } from "./decimal";
import { isoDate, nextPeriodStart } from "./dates";
import { Basis, dayCountParts } from "./daycount";
import { Err } from "./errors";
import { POWERS_OF_TEN, commonScale, unitsAt, wholeUnits } from "./units";

export const COMPOUNDINGS = [0, 1, 2, 4, 12] as const;
export type Compounding = (typeof COMPOUNDINGS)[number];

export interface Flow {
  date: number;
  amount: Dec;
}

export interface RateRow {
  date: number;
  rate: Dec;
}

/** One nominal annual rate, or a floating schedule: the latest row on or before a day applies. */
export type RateSchedule = { kind: "fixed"; rate: Dec } | { kind: "table"; rows: readonly RateRow[] };

export interface LineTerms {
  rate: RateSchedule;
  basis: Basis;
  compounding: Compounding;
}

/** Where the line stands at one instant. */
interface Exposure {
  principal: Dec; // draws − repayments + capitalised interest
  accrued: Dec; // interest accrued and not yet capitalised
  capitalised: Dec; // interest added to principal so far
}

/**
 * Interest accrued since the last settle, kept as exact products: Σ principal × days per year length
 * (360, 365 or 366) while the rate stays the same, folded into Σ principal × rate × days when it
 * changes. Dividing by the year length happens once per settle (a compounding date, the end, or a
 * moment whose exposure is needed) instead of once per segment: decimal divisions are the slow part.
 */
class PendingInterest {
  private rate: Dec = ZERO;
  private readonly balanceDays = new Map<number, Dec>(); // Σ principal × days, at `rate`
  private readonly interestDays = new Map<number, Dec>(); // Σ principal × rate × days, earlier rates

  add(principal: Dec, rate: Dec, days: number, yearDays: number): void {
    if (days === 0) return;
    if (!rate.equals(this.rate)) {
      this.foldRate();
      this.rate = rate;
    }
    this.balanceDays.set(yearDays, (this.balanceDays.get(yearDays) ?? ZERO).plus(principal.times(days)));
  }

  private foldRate(): void {
    for (const [yearDays, amount] of this.balanceDays)
      this.interestDays.set(
        yearDays,
        (this.interestDays.get(yearDays) ?? ZERO).plus(amount.times(this.rate)),
      );
    this.balanceDays.clear();
  }

  /** The pending interest as an amount, and a fresh start. */
  settle(): Dec {
    this.foldRate();
    let total = ZERO;
    for (const [yearDays, amount] of this.interestDays) total = total.plus(amount.div(yearDays));
    this.interestDays.clear();
    return total;
  }
}

/** Flows in date order, those sharing a date added together. */
function netByDate(flows: readonly Flow[]): Flow[] {
  const sorted = [...flows].sort((a, b) => a.date - b.date);
  const out: Flow[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && last.date === f.date)
      out[out.length - 1] = { date: f.date, amount: last.amount.plus(f.amount) };
    else out.push(f);
  }
  return out;
}
/** Returns the rate lookup for a walk that visits days in increasing order. */
function rateCursor(schedule: RateSchedule): (day: number) => Dec {
  if (schedule.kind === "fixed") return () => schedule.rate;
  const rows = schedule.rows;
  let i = -1;
  return (day: number) => {
    while (i + 1 < rows.length && rows[i + 1].date <= day) i++;
    if (i < 0) throw Err.noRateInEffect(isoDate(day), isoDate(rows[0].date));
    return rows[i].rate;
  };
}

/**
 * The stops of a walk along a line, in date order: its flow dates, the rate's change dates, the
 * compounding boundaries and the end. Between two consecutive stops the principal and the rate are
 * constant, which is what lets interest be computed per segment rather than per day.
 */
class Timeline<F extends { date: number }> {
  day: number;
  private flow = 0;
  private change = 0;
  private boundary: number;
  private readonly changes: number[];

  constructor(
    private readonly flows: readonly F[], // sorted, one per date, at least one
    rate: RateSchedule,
    private readonly stepMonths: number, // 0: no compounding
    readonly end: number,
  ) {
    this.day = flows[0].date;
    this.changes =
      rate.kind === "table" ? rate.rows.map((r) => r.date).filter((d) => d > this.day && d < end) : [];
    this.boundary = stepMonths ? nextPeriodStart(this.day, stepMonths) : Infinity;
  }

  /** The flow dated on the current day, once. */
  takeFlow(): F | undefined {
    const f = this.flows[this.flow];
    if (!f || f.date !== this.day) return undefined;
    this.flow++;
    return f;
  }

  nextStop(): number {
    return Math.min(
      this.end,
      this.flows[this.flow]?.date ?? Infinity,
      this.changes[this.change] ?? Infinity,
      this.boundary,
    );
  }

  /** Moves on to `stop`; true when it is a compounding date. */
  moveTo(stop: number): boolean {
    this.day = stop;
    if (this.changes[this.change] === stop) this.change++;
    if (stop !== this.boundary) return false;
    this.boundary = nextPeriodStart(stop, this.stepMonths);
    return true;
  }
}

/**
 * Walks the line from its first flow to `end`. Flows dated on `end` are applied when
 * `flowsOnEnd` (a limit must cover them) and ignored otherwise (they earn no interest before `end`).
 * `observe` sees the exposure at every event, before and after that event's flows.
 */
function walk(
  flows: readonly Flow[],
  end: number,
  terms: LineTerms,
  flowsOnEnd: boolean,
  observe?: (e: Exposure) => void,
): Exposure {
  const events = netByDate(flows).filter((f) => f.date < end || (flowsOnEnd && f.date === end));
  const state: Exposure = { principal: ZERO, accrued: ZERO, capitalised: ZERO };
  if (events.length === 0) return state;

  const rateOn = rateCursor(terms.rate);
  const line = new Timeline(events, terms.rate, terms.compounding === 0 ? 0 : 12 / terms.compounding, end);
  const pending = new PendingInterest();
  const settle = () => {
    state.accrued = state.accrued.plus(pending.settle());
  };

  // Accrual never lowers the exposure (rates and principal are never negative), so its peak is either
  // just before a repayment or at the very end: those are the moments observed.
  const applyFlow = () => {
    const flow = line.takeFlow();
    if (!flow) return;
    if (observe && flow.amount.isNegative()) {
      settle();
      observe(state);
    }
    state.principal = state.principal.plus(flow.amount);
    if (state.principal.isNegative())
      throw Err.negativeBalance(isoDate(line.day), state.principal.toString());
  };

  applyFlow();
  while (line.day < end) {
    const from = line.day;
    const to = line.nextStop();
    const rate = rateOn(from);
    if (!state.principal.isZero() && !rate.isZero())
      for (const [days, yearDays] of dayCountParts(from, to, terms.basis))
        pending.add(state.principal, rate, days, yearDays);
    if (line.moveTo(to) && to < end) {
      settle();
      state.principal = state.principal.plus(state.accrued);
      state.capitalised = state.capitalised.plus(state.accrued);
      state.accrued = ZERO;
    }
    applyFlow();
  }
  settle();
  observe?.(state);
  return state;
}

/** A flow as the cell holds it, before any conversion to decimal. */
export interface CellFlow {
  date: number;
  amount: number;
}

/** Σ principal × days per rate and year length, in whole units of 10^-k, from the units walk. */
interface UnitSums {
  k: number;
  buckets: { rate: Dec; byYearDays: Map<number, number> }[];
}

/**
 * LOC.INTEREST's exact fast path for simple interest on amounts in whole cents (or other 10^-k
 * units): principal and Σ principal × days stay whole numbers below 2^53, so plain JS arithmetic is
 * exact, and decimals are needed only for the last step, rate × Σ / (year length × 10^k), once per
 * rate and year length. Returns null where that does not hold (compounding, other amounts, sums
 * beyond 2^53): the decimal walk then does the work. Same segments, same result.
 */
function simpleInterestSums(flows: readonly CellFlow[], end: number, terms: LineTerms): UnitSums | null {
  if (terms.compounding !== 0) return null;
  const live = flows.filter((f) => f.date < end);
  if (live.length === 0) return { k: 0, buckets: [] };
  const scaled = wholeUnits(live.map((f) => f.amount));
  if (!scaled) return null;
  const events: { date: number; units: number }[] = [];
  for (const f of live
    .map((f, i) => ({ date: f.date, units: scaled.units[i] }))
    .sort((a, b) => a.date - b.date)) {
    const last = events[events.length - 1];
    if (!last || last.date !== f.date) events.push({ ...f });
    else if (!Number.isSafeInteger((last.units += f.units))) return null; // the sum would not be exact
  }

  const rateOn = rateCursor(terms.rate);
  const line = new Timeline(events, terms.rate, 0, end);
  const buckets: UnitSums["buckets"] = [];
  // Actual/360 and Actual/365 count one part per segment: no parts array for them.
  const flatYear = terms.basis === 2 ? 360 : terms.basis === 3 ? 365 : 0;
  let principal = 0;
  /** Applies the day's flow; false when the principal would no longer be exact. */
  const applyFlow = (): boolean => {
    const flow = line.takeFlow();
    if (!flow) return true;
    principal += flow.units;
    if (!Number.isSafeInteger(principal)) return false;
    if (principal < 0)
      throw Err.negativeBalance(isoDate(line.day), new Dec(principal).div(scaled.scale).toString());
    return true;
  };
  const add = (bucket: UnitSums["buckets"][number], days: number, yearDays: number): boolean => {
    const product = principal * days;
    const sum = (bucket.byYearDays.get(yearDays) ?? 0) + product;
    if (!Number.isSafeInteger(sum) || !Number.isSafeInteger(product)) return false;
    bucket.byYearDays.set(yearDays, sum);
    return true;
  };
  if (!applyFlow()) return null;
  while (line.day < end) {
    const from = line.day;
    const to = line.nextStop();
    const rate = rateOn(from);
    if (principal !== 0 && !rate.isZero()) {
      let bucket = buckets[buckets.length - 1];
      if (!bucket || bucket.rate !== rate) buckets.push((bucket = { rate, byYearDays: new Map() }));
      if (flatYear) {
        if (!add(bucket, to - from, flatYear)) return null;
      } else
        for (const [days, yearDays] of dayCountParts(from, to, terms.basis))
          if (!add(bucket, days, yearDays)) return null;
    }
    line.moveTo(to);
    if (!applyFlow()) return null;
  }
  return { k: scaled.k, buckets };
}

export function simpleInterestInUnits(flows: readonly CellFlow[], end: number, terms: LineTerms): Dec | null {
  const sums = simpleInterestSums(flows, end, terms);
  return sums && decimalInterest(sums);
}

function decimalInterest({ k, buckets }: UnitSums): Dec {
  let total = ZERO;
  for (const { rate, byYearDays } of buckets)
    for (const [yearDays, sum] of byYearDays)
      total = total.plus(rate.times(sum).div(yearDays * POWERS_OF_TEN[k]));
  return total;
}

/**
 * The interest as a number from one rate and one year length (a fixed rate on Actual/360 or
 * Actual/365, the usual line): rate units × Σ is a safe integer, and one division by
 * year length × 10^(k+b) is the double nearest the exact interest. null otherwise.
 */
function numberInterest({ k, buckets }: UnitSums): number | null {
  if (buckets.length === 0) return 0;
  if (buckets.length > 1 || buckets[0].byYearDays.size !== 1) return null;
  const [[yearDays, sum]] = buckets[0].byYearDays;
  const rate = buckets[0].rate.toNumber();
  const b = commonScale([rate]);
  if (b < 0 || k + b > 12) return null;
  const numerator = (unitsAt(rate, b) as number) * sum;
  if (!Number.isSafeInteger(numerator)) return null;
  // Both safe integers: IEEE division is correctly rounded, so this is the double nearest the exact
  // interest (over 360, 365 or 366 times a power of ten it is never a tie between two doubles).
  const q = numerator / (yearDays * POWERS_OF_TEN[k + b]);
  return q === 0 ? 0 : q;
}

/**
 * The usual line — one fixed rate, simple interest, Actual/360 or Actual/365, amounts in cents —
 * without the general walk: principal × days summed event by event in whole units, then one
 * division. The same segments and the same check of the balance as the walk; null where the whole
 * units do not apply.
 */
function flatSimpleInterest(flows: readonly CellFlow[], end: number, terms: LineTerms): number | null {
  if (terms.compounding !== 0 || terms.rate.kind !== "fixed" || (terms.basis !== 2 && terms.basis !== 3))
    return null;
  const live: CellFlow[] = [];
  let ordered = true;
  for (const f of flows)
    if (f.date < end) {
      if (live.length > 0 && f.date < live[live.length - 1].date) ordered = false;
      live.push(f);
    }
  if (live.length === 0) return 0;
  if (!ordered) live.sort((a, b) => a.date - b.date);
  const amounts = live.map((f) => f.amount);
  const k = commonScale(amounts);
  const rate = terms.rate.rate.toNumber();
  const b = commonScale([rate]);
  if (k < 0 || b < 0 || k + b > 12) return null;
  let principal = 0;
  let sum = 0; // Σ principal × days, in units of 10^-k
  for (let i = 0; i < live.length;) {
    const day = live[i].date;
    for (; i < live.length && live[i].date === day; i++) principal += unitsAt(amounts[i], k) as number;
    if (!Number.isSafeInteger(principal)) return null;
    if (principal < 0)
      throw Err.negativeBalance(isoDate(day), new Dec(principal).div(POWERS_OF_TEN[k]).toString());
    const product = principal * ((i < live.length ? live[i].date : end) - day);
    sum += product;
    if (!Number.isSafeInteger(product) || !Number.isSafeInteger(sum)) return null;
  }
  const numerator = (unitsAt(rate, b) as number) * sum;
  if (!Number.isSafeInteger(numerator)) return null;
  // Both safe integers: IEEE division is correctly rounded, the double nearest the exact interest.
  return numerator / ((terms.basis === 2 ? 360 : 365) * POWERS_OF_TEN[k + b]) || 0;
}

/** LOC.INTEREST on flows as cells hold them, as the number for the cell. */
export function lineInterestNumber(flows: readonly CellFlow[], end: number, terms: LineTerms): number {
  const flat = flatSimpleInterest(flows, end, terms);
  if (flat !== null) return flat;
  const sums = simpleInterestSums(flows, end, terms);
  if (sums) return numberInterest(sums) ?? toNumber(decimalInterest(sums));
  return toNumber(lineInterest(toDecimalFlows(flows), end, terms));
}

function toDecimalFlows(flows: readonly CellFlow[]): Flow[] {
  return flows.map((f) => ({ date: f.date, amount: dec(f.amount) }));
}

/** LOC.INTEREST on flows as cells hold them: the exact fast path where it applies, else the walk. */
export function lineInterestOfCells(flows: readonly CellFlow[], end: number, terms: LineTerms): Dec {
  return simpleInterestInUnits(flows, end, terms) ?? lineInterest(toDecimalFlows(flows), end, terms);
}

/** LOC.INTEREST: all interest accrued from the first flow to `end`, capitalised or not. */
export function lineInterest(flows: readonly Flow[], end: number, terms: LineTerms): Dec {
  const s = walk(flows, end, terms, false);
  return s.capitalised.plus(s.accrued);
}

/**
 * LOC.LIMIT: the peak of principal plus accrued, uncapitalised interest from the first flow through
 * `horizonEnd` (its flows included), times 1 + buffer, rounded up to a multiple of `lot` (0 = none).
 */
export function lineLimit(
  flows: readonly Flow[],
  horizonEnd: number,
  terms: LineTerms,
  buffer: Dec,
  lot: Dec,
): Dec {
  let peak = ZERO;
  walk(flows, horizonEnd, terms, true, (e) => {
    const exposure = e.principal.plus(e.accrued);
    if (exposure.greaterThan(peak)) peak = exposure;
  });
  const required = peak.times(ONE.plus(buffer));
  return lot.isZero() ? required : required.div(lot).ceil().times(lot);
}
