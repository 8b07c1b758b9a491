import { makeStyles, tokens } from "@fluentui/react-components";

export const useReviewStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed" },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBlock: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
  },
  td: {
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: "anywhere",
  },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  chart: { width: "100%", height: "auto", display: "block" },
  band: { fill: tokens.colorPaletteGreenBackground2 },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  series: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  marker: { fill: tokens.colorBrandForeground1 },
  markerOut: { fill: tokens.colorPaletteRedForeground1 },
  limit: { stroke: tokens.colorPaletteRedBorder2, strokeWidth: 1.5, strokeDasharray: "4 3" },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "10px" },
  full: { width: "100%", minWidth: 0, maxWidth: "100%" },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "center" },
});
