/**
 * Applicable Federal Rate arithmetic (DOMAIN.md §1.2, verified there against 26 published rows).
 * The IRS base is the semiannual rate s; every column has the same effective annual yield
 * (1 + a) = (1 + s/2)^2 = (1 + q/4)^4 = (1 + m/12)^12. The 110%/120%/130%… rows apply the
 * percentage to the semiannual rate and then convert: Rev. Rul. 2023-18, short-term 120%:
 * 1.2 × 5.15% = 6.18% semiannual → (1 + 0.0618/2)^2 − 1 = 6.28% annual, not 1.2 × 5.22%.
 */
import { Dec, ONE } from "./decimal";
import { Err } from "./errors";

export const AFR_FREQUENCIES = [1, 2, 4, 12] as const;
export const NOTE_FREQUENCIES = [1, 2, 4, 12, 365] as const;

/** 1 + the effective annual yield of a nominal rate compounded `m` times a year. */
export function growthFactor(rate: Dec, m: number): Dec {
  return ONE.plus(rate.div(m)).pow(m);
}

/** The nominal rate compounded `m` times a year whose yearly growth factor is `factor`. */
function nominalFor(factor: Dec, m: number): Dec {
  return factor.pow(new Dec(1).div(m)).minus(ONE).times(m);
}

export function afrConvert(rate: Dec, from: number, to: number, percent: Dec): Dec {
  if (!percent.greaterThan(0) || percent.greaterThan(10))
    throw Err.positiveUpTo("percent", 10, percent.toNumber(), "1 = 100%, 1.2 = the 120% AFR row");
  const semiannual = nominalFor(growthFactor(rate, from), 2).times(percent);
  return nominalFor(growthFactor(semiannual, 2), to);
}

/** TRUE when the note's effective annual yield is at least the AFR's. */
export function afrTest(noteRate: Dec, noteFrequency: number, afr: Dec, afrFrequency: number): boolean {
  return growthFactor(noteRate, noteFrequency).greaterThanOrEqualTo(growthFactor(afr, afrFrequency));
}
