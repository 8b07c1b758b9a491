/**
 * The Compliance sheet's answers (MODEL.md v2.1), read from the workbook, edited in the pane and
 * written back to their blue cells with host.writeValues; the workbook's own checks
 * (complianceAnswered, cpomOwnership) then recalculate.
 */
import { startTransition, useCallback, useEffect, useState } from "react";
import type { CellRef } from "../../../model/plan";
import type { CellUpdate, CellValue } from "../../../workbook/host";
import { isoToSerial, serialToIso } from "../../dates";
import { type PaneMessage, describeError } from "../../errors";
import { useHost } from "../../host-context";
import { useLocate, useSession } from "../../session";

export const ANSWERS = ["Yes", "No", "N/A"] as const;
export const OWNERSHIP = ["Yes", "No"] as const;

export interface QuestionRow {
  id: string;
  text: string;
  answer: string;
  date: string;
  by: string;
  note: string;
}

export interface PcRow {
  name: string;
  state: string;
  tier: string;
  physicianOwned: string;
  ownerLicensed: string;
}

const text = (v: CellValue): string =>
  typeof v === "string" ? v : v === null ? "" : typeof v === "number" ? String(v) : "";
const date = (v: CellValue): string =>
  typeof v === "number" ? (serialToIso(v) ?? "") : typeof v === "string" ? v : "";
const blankOr = (s: string): string | null => (s.trim() === "" ? null : s);

export function useCompliance() {
  const host = useHost();
  const { model } = useSession();
  const locate = useLocate();
  const cells = model?.plan.results.compliance ?? null;
  const [questions, setQuestions] = useState<QuestionRow[]>([]);
  const [pcs, setPcs] = useState<PcRow[]>([]);
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!host || !cells) return;
    setBusy(true);
    try {
      // Every answer cell is collected first and read in ONE host call (one round trip in Excel).
      const refs: CellRef[] = [];
      const slot = (ref: CellRef) => refs.push(locate(ref)) - 1;
      const qSlots = cells.questions.map((q) => ({
        q,
        answer: slot(q.answer),
        date: slot(q.date),
        by: slot(q.by),
        note: slot(q.note),
      }));
      const pSlots = cells.pcs.map((p) => ({
        p,
        state: slot(p.state),
        tier: slot(p.tier),
        physicianOwned: slot(p.physicianOwned),
        ownerLicensed: slot(p.ownerLicensed),
      }));
      const v = await host.readValues(refs);
      const qs: QuestionRow[] = qSlots.map((x) => ({
        id: x.q.id,
        text: x.q.text,
        answer: text(v[x.answer]),
        date: date(v[x.date]),
        by: text(v[x.by]),
        note: text(v[x.note]),
      }));
      const ps: PcRow[] = pSlots.map((x) => ({
        name: x.p.name,
        state: text(v[x.state]),
        tier: text(v[x.tier]),
        physicianOwned: text(v[x.physicianOwned]),
        ownerLicensed: text(v[x.ownerLicensed]),
      }));
      // A transition: a fieldset per PC renders in slices, never one long task.
      startTransition(() => {
        setQuestions(qs);
        setPcs(ps);
      });
    } catch (e) {
      setMessage(describeError(e, "read the Compliance sheet"));
    } finally {
      setBusy(false);
    }
  }, [host, cells, locate]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Problems that would make a cell refuse the value: an answer with no date, a malformed date. */
  const problems = (q: QuestionRow): { date?: string } => {
    if (q.date !== "" && isoToSerial(q.date) === null)
      return { date: "must be a date on or after 1900-03-01" };
    if (q.answer !== "" && q.date === "") return { date: "an answer needs a date" };
    return {};
  };

  const save = useCallback(async () => {
    if (!host || !cells) return;
    setBusy(true);
    setMessage(null);
    try {
      const bySheet = new Map<string, CellUpdate[]>();
      const put = (ref: CellRef, value: CellUpdate["value"]) => {
        const at = locate(ref);
        bySheet.set(at.sheet, [...(bySheet.get(at.sheet) ?? []), { a1: at.a1, value }]);
      };
      questions.forEach((q, i) => {
        const c = cells.questions[i];
        put(c.answer, blankOr(q.answer));
        put(c.date, q.date === "" ? null : isoToSerial(q.date));
        put(c.by, blankOr(q.by));
        put(c.note, blankOr(q.note));
      });
      pcs.forEach((p, i) => {
        const c = cells.pcs[i];
        put(c.physicianOwned, blankOr(p.physicianOwned));
        put(c.ownerLicensed, blankOr(p.ownerLicensed));
      });
      for (const [sheet, updates] of bySheet) await host.writeValues(sheet, updates);
      setMessage({ intent: "success", title: "Saved", body: "The answers are on the Compliance sheet." });
    } catch (e) {
      setMessage(describeError(e, "write the Compliance sheet"));
    } finally {
      setBusy(false);
    }
  }, [host, cells, locate, questions, pcs]);

  const editQuestion = (i: number, patch: Partial<QuestionRow>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const editPc = (i: number, patch: Partial<PcRow>) =>
    setPcs((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  const valid = questions.every((q) => problems(q).date === undefined);
  return {
    model,
    hasSheet: cells !== null,
    questions,
    pcs,
    message,
    busy,
    valid,
    problems,
    editQuestion,
    editPc,
    save,
    dismiss: () => setMessage(null),
  };
}
