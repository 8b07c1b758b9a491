/**
 * The Summary sheet's native charts: the realised markup against the FMV range, and each PC's
 * LOC balance against the credit limit and on its own scale.
 */
import { ModelInputs } from "../inputs";
import { PlanChart, sheetRef } from "../plan";
import { TL } from "../writer";
import { MSO, SUMMARY } from "./names";
import { PC_ROW } from "./pc";
import { SummaryLayout } from "./summary";

export function summaryCharts(
  inputs: ModelInputs,
  months: string[],
  pcSheets: string[],
  { fmvHead, fmv0, fmv1 }: SummaryLayout,
): PlanChart[] {
  const T = months.length;
  // Charts on the Summary sheet, stacked right of the FMV table. The LOC balances are drawn twice:
  // against the credit limit (one scale, so the headroom reads true) and on their own scale, where
  // a limit far above them would flatten them.
  const morePcs = Math.max(0, inputs.pcs.length - 3); // room for more bars and their labels
  const chartRows = { fee: 18 + morePcs, loc: 22 };
  const monthEnds = `${sheetRef(MSO)}$${months[0]}$${TL.end}:$${months[T - 1]}$${TL.end}`;
  const monthlyRow = (sheet: string, row: number) =>
    `${sheetRef(sheet)}$${months[0]}$${row}:$${months[T - 1]}$${row}`;
  const balanceSeries = inputs.pcs.map((pc, p) => ({
    name: pc.name,
    values: monthlyRow(pcSheets[p], PC_ROW.close),
    categories: monthEnds,
  }));
  const locAxes = {
    category: "Month end",
    value: "LOC balance ($)",
    categoryFormat: "mmm yy",
    valueFormat: "#,##0",
  };
  return [
    {
      sheet: SUMMARY,
      anchor: `F${fmvHead}`,
      size: { columns: 8 + morePcs, rows: chartRows.fee },
      type: "combo",
      title: "Realised MSA markup against the FMV range",
      axes: { category: "PC", value: "Markup on cost", valueFormat: "0.0%" },
      series: [
        {
          name: "Realised markup",
          values: `${sheetRef(SUMMARY)}$B$${fmv0}:$B$${fmv1}`,
          categories: `${sheetRef(SUMMARY)}$A$${fmv0}:$A$${fmv1}`,
          as: "column",
        },
        {
          name: "FMV low",
          values: `${sheetRef(SUMMARY)}$C$${fmv0}:$C$${fmv1}`,
          categories: `${sheetRef(SUMMARY)}$A$${fmv0}:$A$${fmv1}`,
          as: "line",
          dashed: true,
        },
        {
          name: "FMV high",
          values: `${sheetRef(SUMMARY)}$D$${fmv0}:$D$${fmv1}`,
          categories: `${sheetRef(SUMMARY)}$A$${fmv0}:$A$${fmv1}`,
          as: "line",
          dashed: true,
        },
      ],
    },
    {
      sheet: SUMMARY,
      anchor: `F${fmvHead + chartRows.fee + 2}`,
      size: { columns: 12, rows: chartRows.loc },
      type: "line",
      title: "LOC balance by PC against the credit limit",
      axes: locAxes,
      series: [
        ...balanceSeries,
        // One limit for every PC (LOC_Limit), shown by the first PC's limit row.
        {
          name: "Credit limit",
          values: monthlyRow(pcSheets[0], PC_ROW.limit),
          categories: monthEnds,
          dashed: true,
        },
      ],
    },
    {
      sheet: SUMMARY,
      anchor: `F${fmvHead + chartRows.fee + chartRows.loc + 4}`,
      size: { columns: 12, rows: chartRows.loc },
      type: "line",
      title: "LOC balance by PC",
      axes: locAxes,
      series: balanceSeries,
    },
  ];
}
