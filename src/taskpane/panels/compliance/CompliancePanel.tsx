/** Compliance panel: the Compliance sheet's questions and per-PC CPOM rows, answered in the pane. */
import { Button, Field, Input, Select, Subtitle2, Text, Textarea } from "@fluentui/react-components";
import { PaneMessageBar } from "../../errors";
import { useComplianceStyles } from "./styles";
import { ANSWERS, OWNERSHIP, useCompliance } from "./useCompliance";

export function CompliancePanel() {
  const styles = useComplianceStyles();
  const c = useCompliance();
  const heading = (
    <Subtitle2 as="h2" id="compliance-heading">
      Compliance
    </Subtitle2>
  );
  if (!c.model || !c.hasSheet)
    return (
      <section className={styles.root} aria-labelledby="compliance-heading">
        {heading}
        <Text>
          {c.model
            ? "This model has no Compliance sheet. Rebuild it on the Model tab with this version of the add-in."
            : "No model in this workbook yet. Build one on the Model tab."}
        </Text>
      </section>
    );
  return (
    <section className={styles.root} aria-labelledby="compliance-heading" aria-busy={c.busy}>
      {heading}
      {c.message && <PaneMessageBar message={c.message} onDismiss={c.dismiss} />}
      {c.questions.map((q, i) => {
        const problem = c.problems(q);
        return (
          <fieldset key={q.id} className={styles.item} aria-describedby={`q-${q.id}`}>
            <legend className={styles.legend} id={`q-${q.id}`}>
              {q.text}
            </legend>
            <Field label="Answer">
              <Select value={q.answer} onChange={(_, d) => c.editQuestion(i, { answer: d.value })}>
                <option value="">(not answered)</option>
                {ANSWERS.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label="Date"
              validationState={problem.date ? "error" : "none"}
              validationMessage={problem.date}
            >
              <Input type="date" value={q.date} onChange={(_, d) => c.editQuestion(i, { date: d.value })} />
            </Field>
            <Field label="By">
              <Input value={q.by} onChange={(_, d) => c.editQuestion(i, { by: d.value })} />
            </Field>
            <Field label="Evidence or note">
              <Textarea
                value={q.note}
                onChange={(_, d) => c.editQuestion(i, { note: d.value })}
                resize="vertical"
              />
            </Field>
          </fieldset>
        );
      })}
      {c.pcs.length > 0 && <Subtitle2 as="h3">PC ownership (CPOM)</Subtitle2>}
      {c.pcs.map((p, i) => (
        <fieldset key={p.name} className={styles.item}>
          <legend className={styles.legend}>{p.name}</legend>
          <Text className={styles.tier}>
            {p.state} — CPOM tier: {p.tier || "(unknown)"}
          </Text>
          <Field label="Physician-owned">
            <Select value={p.physicianOwned} onChange={(_, d) => c.editPc(i, { physicianOwned: d.value })}>
              <option value="">(not answered)</option>
              {OWNERSHIP.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={`Owner licensed in ${p.state || "the state"}`}>
            <Select value={p.ownerLicensed} onChange={(_, d) => c.editPc(i, { ownerLicensed: d.value })}>
              <option value="">(not answered)</option>
              {OWNERSHIP.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </Select>
          </Field>
        </fieldset>
      ))}
      <div className={styles.row}>
        <Button appearance="primary" disabledFocusable={c.busy || !c.valid} onClick={() => void c.save()}>
          Save to the Compliance sheet
        </Button>
      </div>
    </section>
  );
}
