/** The worksheet functions the add-in adds, with their syntax: a reference while typing formulas. */
import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { FUNCTIONS } from "../../catalog";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  syntax: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
    overflowWrap: "anywhere",
  },
});

export function FunctionsPanel() {
  const styles = useStyles();
  return (
    <section aria-labelledby="functions-heading">
      <Subtitle2 as="h2" id="functions-heading">
        Worksheet functions
      </Subtitle2>
      <ul className={styles.list} aria-label="Worksheet functions">
        {FUNCTIONS.map((f) => (
          <li key={f.id} className={styles.item}>
            <code className={styles.syntax}>{f.syntax}</code>
            <Body1>{f.summary}</Body1>
          </li>
        ))}
      </ul>
    </section>
  );
}
