import { makeStyles, tokens } from "@fluentui/react-components";

export const useModelStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  /** A control as wide as the pane and no wider (a native select otherwise takes its longest option's width). */
  full: { width: "100%", minWidth: 0, maxWidth: "100%" },
});
