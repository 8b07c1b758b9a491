import { makeStyles, tokens } from "@fluentui/react-components";

export const useComplianceStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
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
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    paddingInline: tokens.spacingHorizontalXS,
    overflowWrap: "anywhere",
  },
  tier: { color: tokens.colorNeutralForeground2 },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
});
