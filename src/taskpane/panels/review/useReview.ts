/**
 * The Review panel's numbers, read from the workbook through the plan's result cells (the numbers
 * the workbook shows, never computed here), again whenever the Inputs sheet changes.
 */
import { startTransition, useCallback, useEffect, useState } from "react";
import type { CellRef } from "../../../model/plan";
import type { CellValue } from "../../../workbook/host";
import { type PaneMessage, describeError } from "../../errors";
import { useHost } from "../../host-context";
import { checkRows, fmvBand, monthlyRange, pcLimit, pcYears } from "../../plan-view";
import { useLocate, useSession } from "../../session";

export interface Located<T = CellValue> {
  value: T;
  ref: CellRef;
}

export interface PcReview {
  name: string;
  years: { markup: Located; status: Located }[];
  peakLoc: Located;
  requiredLimit: Located;
  limit: Located | null;
  limitOk: Located;
  /** Month-end LOC balances, month 1..T. */
  closes: CellValue[];
  results: Record<"fees" | "interest" | "physicianComp" | "netIncome", Located>;
}

export interface Review {
  band: { low: Located; high: Located };
  pcs: PcReview[];
  mso: Record<"revenue" | "interestIncome" | "costs" | "preTax" | "tax" | "netIncome", Located>;
  checks: { key: string; label: string; value: CellValue; ref: CellRef }[];
}

export function useReview() {
  const host = useHost();
  const { model } = useSession();
  const locate = useLocate();
  const [review, setReview] = useState<Review | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    if (!host || !model) return;
    const { plan } = model;
    setLoading(true);
    setMessage(null);
    try {
      const at = async (ref: CellRef): Promise<Located> => {
        const where = locate(ref);
        return { value: await host.readValue(where.sheet, where.a1), ref: where };
      };
      const band = fmvBand(plan);
      const pcs: PcReview[] = [];
      for (let p = 0; p < plan.results.pcs.length; p++) {
        const pc = plan.results.pcs[p];
        const years = [];
        for (const y of pcYears(plan, p))
          years.push({ markup: await at(y.markup), status: await at(y.fmvStatus) });
        const limitRef = pcLimit(plan, p);
        const closeRow = locate({ sheet: pc.rows.pcClose.sheet, a1: "A1" }).sheet;
        const closes = (await host.readRange(closeRow, monthlyRange(plan, pc.rows.pcClose.row)))[0] ?? [];
        pcs.push({
          name: pc.name,
          years,
          peakLoc: await at(pc.cells.peakLoc),
          requiredLimit: await at(pc.cells.requiredLimit),
          limit: limitRef ? await at(limitRef) : null,
          limitOk: await at(pc.cells.limitOk),
          closes,
          results: {
            fees: await at(pc.cells.fees),
            interest: await at(pc.cells.interest),
            physicianComp: await at(pc.cells.physicianComp),
            netIncome: await at(pc.cells.netIncome),
          },
        });
      }
      const m = plan.results.mso;
      const mso = {
        revenue: await at(m.revenue),
        interestIncome: await at(m.interestIncome),
        costs: await at(m.costs),
        preTax: await at(m.preTax),
        tax: await at(m.tax),
        netIncome: await at(m.netIncome),
      };
      const checks: Review["checks"] = [];
      for (const c of checkRows(plan)) {
        const v = await at(c.ref);
        checks.push({ key: c.key, label: c.label, value: v.value, ref: v.ref });
      }
      const low = await at(band.low);
      const high = await at(band.high);
      // A transition: 50 PCs of tables and charts render in slices, never one long task.
      startTransition(() => setReview({ band: { low, high }, pcs, mso, checks }));
    } catch (e) {
      setMessage(describeError(e, "read the model's results"));
    } finally {
      setLoading(false);
    }
  }, [host, model, locate]);

  useEffect(() => {
    void load();
    if (!host) return;
    return host.onInputsChanged(() => void load());
  }, [host, load]);

  const select = useCallback(
    async (ref: CellRef) => {
      if (!host) return;
      try {
        await host.selectCell(ref.sheet, ref.a1);
      } catch (e) {
        setMessage(describeError(e, `select ${ref.sheet}!${ref.a1}`));
      }
    },
    [host],
  );

  return { model, review, message, loading, load, select, dismiss: () => setMessage(null) };
}
