import { Body1, Caption1, Subtitle2, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { FUNCTIONS } from "./catalog";

export interface AppProps {
  /**
   * The Office application the page runs in (`"Excel"`), or null outside Office.
   * @default null
   */
  host?: string | null;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  syntax: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
  },
  status: { color: tokens.colorNeutralForeground3 },
});

/** The placeholder task pane: what the add-in does and which functions it adds. */
export function App({ host = null }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">MSO Modeler</Title2>
      <Body1 as="p">
        Models healthcare MSO and PC structures: the management services fee, the cost allocation behind it,
        its fair-market-value range and the MSO-to-PC line of credit.
      </Body1>
      <Caption1 as="p" role="status" className={styles.status}>
        {host
          ? `Running in ${host}. Type a function into a cell to use it.`
          : "Not running inside Excel. Load the add-in in Excel to use the functions."}
      </Caption1>
      <Subtitle2 as="h2">Worksheet functions</Subtitle2>
      <ul className={styles.list} aria-label="Worksheet functions">
        {FUNCTIONS.map((f) => (
          <li key={f.id} className={styles.item}>
            <code className={styles.syntax}>{f.syntax}</code>
            <Body1>{f.summary}</Body1>
          </li>
        ))}
      </ul>
    </main>
  );
}
