/**
 * Review panel: what the built model says, read from the workbook — the fee against its FMV band
 * per PC and year, the LOC against its limit, MSO and PC results side by side, and every check
 * with a link to its cell.
 */
import { Button, Field, Link, Select, Subtitle2, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { CellRef } from "../../../model/plan";
import type { CellValue } from "../../../workbook/host";
import { PaneMessageBar } from "../../errors";
import { showMoney, showOther, showPercent } from "../../format";
import { FmvChart, LocChart } from "./charts";
import { useReviewStyles } from "./styles";
import { type Located, useReview } from "./useReview";

function Status({ value }: { value: CellValue }) {
  const styles = useReviewStyles();
  const ok = value === "OK" || value === "WITHIN" || value === true;
  const text = value === true ? "OK" : value === false ? "FAIL" : showOther(value);
  return <span className={ok ? styles.ok : styles.fail}>{text}</span>;
}

export function ReviewPanel() {
  const styles = useReviewStyles();
  const { model, review, message, loading, load, select, dismiss } = useReview();
  const [pcIndex, setPcIndex] = useState(0);

  const goTo = (ref: CellRef, what: string) => (
    <Link as="button" onClick={() => void select(ref)} aria-label={`Go to ${ref.sheet}!${ref.a1} (${what})`}>
      {`${ref.sheet}!${ref.a1}`}
    </Link>
  );

  if (!model)
    return (
      <section className={styles.root} aria-labelledby="review-heading">
        <Subtitle2 as="h2" id="review-heading">
          Review
        </Subtitle2>
        <Text>No model in this workbook yet. Build one on the Model tab.</Text>
      </section>
    );

  const pc = review?.pcs[Math.min(pcIndex, review.pcs.length - 1)];
  const sideBySide: [string, Located, string, Located][] =
    review && pc
      ? [
          ["Fee revenue", review.mso.revenue, "Fee expense", pc.results.fees],
          ["Interest income", review.mso.interestIncome, "Interest expense", pc.results.interest],
          ["Costs", review.mso.costs, "Physician comp", pc.results.physicianComp],
          ["Net income", review.mso.netIncome, "Net income", pc.results.netIncome],
        ]
      : [];

  return (
    <section className={styles.root} aria-labelledby="review-heading" aria-busy={loading}>
      <Subtitle2 as="h2" id="review-heading">
        Review
      </Subtitle2>
      <div className={styles.row}>
        <Button onClick={() => void load()} disabledFocusable={loading}>
          Refresh
        </Button>
        <Text role="status">{loading ? "Reading the workbook…" : review ? `${model.plan.title}` : ""}</Text>
      </div>
      {message && <PaneMessageBar message={message} onDismiss={dismiss} />}
      {review && (
        <>
          <div className={styles.section}>
            <Subtitle2 as="h3">Checks</Subtitle2>
            <table className={styles.table} aria-label="Checks">
              <thead>
                <tr>
                  <th className={styles.th} scope="col">
                    Check
                  </th>
                  <th className={styles.th} scope="col">
                    Status
                  </th>
                  <th className={styles.th} scope="col">
                    Cell
                  </th>
                </tr>
              </thead>
              <tbody>
                {review.checks.map((c) => (
                  <tr key={c.key}>
                    <th className={styles.td} scope="row">
                      {c.label}
                    </th>
                    <td className={styles.td}>
                      <Status value={c.value} />
                    </td>
                    <td className={styles.td}>{goTo(c.ref, c.label)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <div className={styles.section}>
            <Subtitle2 as="h3">Fee against the FMV band</Subtitle2>
            <Text>
              Band {showPercent(review.band.low.value)} to {showPercent(review.band.high.value)}
            </Text>
            {review.pcs.map((p) => (
              <div key={p.name} className={styles.section}>
                <table className={styles.table} aria-label={`FMV by year: ${p.name}`}>
                  <caption>{p.name}</caption>
                  <thead>
                    <tr>
                      <th className={styles.th} scope="col">
                        Year
                      </th>
                      <th className={`${styles.th} ${styles.num}`} scope="col">
                        Markup
                      </th>
                      <th className={styles.th} scope="col">
                        FMV
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.years.map((y, i) => (
                      <tr key={i}>
                        <th className={styles.td} scope="row">
                          {i + 1}
                        </th>
                        <td className={`${styles.td} ${styles.num}`}>{showPercent(y.markup.value)}</td>
                        <td className={styles.td}>
                          <Status value={y.status.value} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <FmvChart
                  name={p.name}
                  low={review.band.low.value}
                  high={review.band.high.value}
                  markups={p.years.map((y) => y.markup.value)}
                />
              </div>
            ))}
          </div>

          <div className={styles.section}>
            <Subtitle2 as="h3">Line of credit against its limit</Subtitle2>
            {review.pcs.map((p) => (
              <div key={p.name} className={styles.section}>
                <table className={styles.table} aria-label={`Line of credit: ${p.name}`}>
                  <caption>{p.name}</caption>
                  <tbody>
                    <tr>
                      <th className={styles.td} scope="row">
                        Peak balance
                      </th>
                      <td className={`${styles.td} ${styles.num}`}>{showMoney(p.peakLoc.value)}</td>
                    </tr>
                    <tr>
                      <th className={styles.td} scope="row">
                        Required limit
                      </th>
                      <td className={`${styles.td} ${styles.num}`}>{showMoney(p.requiredLimit.value)}</td>
                    </tr>
                    <tr>
                      <th className={styles.td} scope="row">
                        Credit limit
                      </th>
                      <td className={`${styles.td} ${styles.num}`}>{showMoney(p.limit?.value)}</td>
                    </tr>
                    <tr>
                      <th className={styles.td} scope="row">
                        Limit covers it
                      </th>
                      <td className={`${styles.td} ${styles.num}`}>
                        <Status value={p.limitOk.value} /> {goTo(p.limitOk.ref, `limit check of ${p.name}`)}
                      </td>
                    </tr>
                  </tbody>
                </table>
                <LocChart name={p.name} closes={p.closes} limit={p.limit?.value} />
              </div>
            ))}
          </div>

          {pc && (
            <div className={styles.section}>
              <Subtitle2 as="h3">MSO and PC, whole horizon</Subtitle2>
              <Field label="PC">
                <Select
                  className={styles.full}
                  value={String(pcIndex)}
                  onChange={(_, d) => setPcIndex(Number(d.value))}
                >
                  {review.pcs.map((p, i) => (
                    <option key={p.name} value={i}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <table className={styles.table} aria-label="MSO and PC results">
                <thead>
                  <tr>
                    <th className={styles.th} scope="col">
                      MSO
                    </th>
                    <th className={`${styles.th} ${styles.num}`} scope="col">
                      Amount
                    </th>
                    <th className={styles.th} scope="col">
                      {pc.name}
                    </th>
                    <th className={`${styles.th} ${styles.num}`} scope="col">
                      Amount
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sideBySide.map(([ml, mv, pl, pv]) => (
                    <tr key={ml}>
                      <th className={styles.td} scope="row">
                        {ml}
                      </th>
                      <td className={`${styles.td} ${styles.num}`}>{showMoney(mv.value)}</td>
                      <th className={styles.td} scope="row">
                        {pl}
                      </th>
                      <td className={`${styles.td} ${styles.num}`}>{showMoney(pv.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
