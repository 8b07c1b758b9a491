/**
 * Small SVG charts where a picture reads faster than a table: a PC's markup per year against the
 * FMV band, and its LOC balance against its limit. Each is an image with a title and a text
 * description saying what it shows, so a screen reader gets the same facts.
 */
import { useId } from "react";
import { showMoney, showPercent } from "../../format";
import { useReviewStyles } from "./styles";

const W = 300;
const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function FmvChart({
  name,
  low,
  high,
  markups,
}: {
  name: string;
  low: unknown;
  high: unknown;
  markups: unknown[];
}) {
  const styles = useReviewStyles();
  const id = useId();
  const values = [low, high, ...markups].filter(num);
  if (values.length === 0) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = (max - min || Math.abs(max) || 0.01) * 0.15;
  const x = (v: number) => 10 + ((v - (min - pad)) / (max - min + 2 * pad)) * (W - 20);
  const H = 24 + markups.length * 12;
  const title = `${name}: realised markup against the FMV band`;
  const desc =
    `Band ${showPercent(low as number)} to ${showPercent(high as number)}. ` +
    markups.map((m, i) => `Year ${i + 1}: ${num(m) ? showPercent(m) : "no value"}.`).join(" ");
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className={styles.chart} role="img" aria-labelledby={`${id}t ${id}d`}>
      <title id={`${id}t`}>{title}</title>
      <desc id={`${id}d`}>{desc}</desc>
      {num(low) && num(high) && (
        <rect x={x(low)} y={4} width={Math.max(1, x(high) - x(low))} height={H - 8} className={styles.band} />
      )}
      <line x1={10} x2={W - 10} y1={H - 4} y2={H - 4} className={styles.axis} />
      {markups.map((m, i) =>
        num(m) ? (
          <circle
            key={i}
            cx={x(m)}
            cy={14 + i * 12}
            r={4}
            className={num(low) && num(high) && (m < low || m > high) ? styles.markerOut : styles.marker}
          />
        ) : null,
      )}
    </svg>
  );
}

export function LocChart({ name, closes, limit }: { name: string; closes: unknown[]; limit: unknown }) {
  const styles = useReviewStyles();
  const id = useId();
  const values = closes.filter(num);
  if (values.length === 0) return null;
  const H = 100;
  const top = Math.max(...values, num(limit) ? limit : 0, 1);
  const y = (v: number) => H - 6 - (Math.max(0, v) / top) * (H - 12);
  const step = (W - 20) / Math.max(1, closes.length - 1);
  const points = closes
    .map((v, i) => (num(v) ? `${10 + i * step},${y(v)}` : null))
    .filter((p): p is string => p !== null)
    .join(" ");
  const peak = Math.max(...values);
  const desc = `${closes.length} month-end balances; peak ${showMoney(peak)}${num(limit) ? `, limit ${showMoney(limit)}` : ""}.`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className={styles.chart} role="img" aria-labelledby={`${id}t ${id}d`}>
      <title id={`${id}t`}>{`${name}: LOC balance against its limit`}</title>
      <desc id={`${id}d`}>{desc}</desc>
      <line x1={10} x2={W - 10} y1={H - 6} y2={H - 6} className={styles.axis} />
      {num(limit) && <line x1={10} x2={W - 10} y1={y(limit)} y2={y(limit)} className={styles.limit} />}
      <polyline points={points} className={styles.series} />
    </svg>
  );
}
