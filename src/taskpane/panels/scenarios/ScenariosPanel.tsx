/** Scenarios panel: save, apply and compare named input sets, computed by the workbook itself. */
import { Button, Checkbox, Field, Input, ProgressBar, Subtitle2, Text } from "@fluentui/react-components";
import { useState } from "react";
import { SCENARIO_METRICS } from "../../../model/scenarios-sheet";
import { PaneMessageBar } from "../../errors";
import { showMoney, showOther } from "../../format";
import { useScenarioStyles } from "./styles";
import { useScenarios } from "./useScenarios";

export function ScenariosPanel() {
  const styles = useScenarioStyles();
  const s = useScenarios();
  const [name, setName] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (n: string, on: boolean) => setPicked((p) => (on ? [...p, n] : p.filter((x) => x !== n)));
  const nameTaken = s.scenarios.some((x) => x.name.toLowerCase() === name.trim().toLowerCase());

  return (
    <section className={styles.root} aria-labelledby="scenarios-heading" aria-busy={s.busy}>
      <Subtitle2 as="h2" id="scenarios-heading">
        Scenarios
      </Subtitle2>
      {!s.model && <Text>No model in this workbook yet. Build one on the Model tab.</Text>}
      {s.stateProblem && (
        <PaneMessageBar
          message={{
            intent: "warning",
            title: "Saved scenarios unreadable",
            body: `${s.stateProblem} The stored entry is kept untouched; scenarios cannot be saved until it is repaired or removed.`,
          }}
        />
      )}
      {s.message && <PaneMessageBar message={s.message} onDismiss={s.dismiss} />}

      <div className={styles.row}>
        <Field
          label="Scenario name"
          hint={nameTaken ? "A scenario with this name will be replaced." : undefined}
        >
          <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={80} />
        </Field>
        <Button
          disabledFocusable={!s.model || s.busy || name.trim() === "" || s.stateProblem !== null}
          onClick={() => void s.save(name).then(() => setName(""))}
        >
          Save current inputs
        </Button>
      </div>

      {s.scenarios.length > 0 && (
        <ul className={styles.list} aria-label="Saved scenarios">
          {s.scenarios.map((sc) => {
            const layout = s.layoutOf(sc);
            return (
              <li key={sc.name} className={styles.item}>
                <Checkbox
                  label={sc.name}
                  checked={picked.includes(sc.name)}
                  onChange={(_, d) => toggle(sc.name, d.checked === true)}
                />
                {layout.length > 0 && (
                  <Text className={styles.note}>
                    Changes the layout ({layout.join(", ")}): applying it rebuilds the model.
                  </Text>
                )}
                <div className={styles.row}>
                  <Button
                    size="small"
                    disabledFocusable={s.busy || !s.model}
                    onClick={() => void s.apply(sc)}
                    aria-label={`Apply ${sc.name}`}
                  >
                    {layout.length > 0 ? "Apply (rebuild)" : "Apply"}
                  </Button>
                  <Button
                    size="small"
                    disabledFocusable={s.busy}
                    onClick={() => void s.remove(sc.name)}
                    aria-label={`Delete ${sc.name}`}
                  >
                    Delete
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <div className={styles.row}>
        <Button
          appearance="primary"
          disabledFocusable={s.busy || picked.length === 0 || !s.model}
          onClick={() => void s.compare(picked)}
        >
          Compare selected
        </Button>
        {s.busy && s.progress && <Button onClick={s.cancel}>Cancel</Button>}
      </div>
      {s.busy && s.progress && (
        <Field label={`Working: ${s.progress.done} of ${s.progress.total}`}>
          <ProgressBar value={s.progress.total > 0 ? s.progress.done / s.progress.total : undefined} />
        </Field>
      )}

      {s.comparison && (
        <>
          <table className={styles.table} aria-label="Scenario comparison">
            <thead>
              <tr>
                <th className={styles.th} scope="col">
                  Output
                </th>
                {s.comparison.map((c) => (
                  <th key={c.name} className={styles.th} scope="col">
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {SCENARIO_METRICS.map((m) => (
                <tr key={m.key}>
                  <th className={styles.th} scope="row">
                    {m.label}
                  </th>
                  {s.comparison!.map((c) => (
                    <td key={c.name} className={styles.td}>
                      {c.values === null || c.values[m.key] === null
                        ? "—"
                        : m.unit === "$"
                          ? showMoney(c.values[m.key])
                          : showOther(c.values[m.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {s.comparison
            .filter((c) => c.note)
            .map((c) => (
              <Text key={c.name} className={styles.note}>
                {c.name}: {c.note}
              </Text>
            ))}
          <div className={styles.row}>
            <Button disabledFocusable={s.busy} onClick={() => void s.writeSheet()}>
              Write Scenarios sheet
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
