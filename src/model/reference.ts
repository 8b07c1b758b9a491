/**
 * The reference data behind the Reference sheet (sheets/reference.ts): the AFR table and the CPOM
 * state table from data/, and Excel's serial dates.
 */
import afrData from "../../data/afr-table.json";
import cpomData from "../../data/cpom-states.json";

export interface AfrRates {
  annual: number | null;
  semiannual: number | null;
  quarterly: number | null;
  monthly: number | null;
}
export interface AfrRow {
  month: string;
  revenueRuling: string | null;
  shortTerm: AfrRates | null;
  midTerm: AfrRates | null;
  longTerm: AfrRates | null;
  source: string;
  note: string;
}
export interface CpomRow {
  code: string;
  state: string;
  tier: string;
  confidence: string;
  notes: string;
  source: string;
}

export const AFR_ROWS: AfrRow[] = afrData.rows as AfrRow[];
export const CPOM_ROWS: CpomRow[] = cpomData.states as CpomRow[];
export const CPOM_DEFAULT_TIER: string = cpomData.defaultTier;

/** Excel serial number of a calendar date (1900 system; valid from 1900-03-01). */
export function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

export const REFERENCE_SHEET = "Reference";
