/**
 * The Review panel's numbers, read from the workbook through the plan's result cells (the numbers
 * the workbook shows, never computed here; read-review.ts reads them in one host call), again
 * whenever the Inputs sheet changes.
 */
import { startTransition, useCallback, useEffect, useState } from "react";
import type { CellRef } from "../../../model/plan";
import { type PaneMessage, describeError } from "../../errors";
import { useHost } from "../../host-context";
import { useLocate, useSession } from "../../session";
import { type Review, readReview } from "./read-review";

export type { Located, PcReview, Review } from "./read-review";

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
      const review = await readReview(host, plan, locate);
      // A transition: 50 PCs of tables and charts render in slices, never one long task.
      startTransition(() => setReview(review));
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
