/**
 * Model panel: every input of the model, validated as the CLI validates, then built into the
 * workbook with a progress bar and a cancel.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { FormulaMode } from "../../../model/plan";
import { PaneMessageBar, describeError, type PaneMessage } from "../../errors";
import { useHost } from "../../host-context";
import { useSession } from "../../session";
import { fieldText } from "./labels";
import { type FormContext, Group, type JsonSchema, SchemaField, inputsJsonSchema } from "./schema-form";
import { useModelStyles } from "./styles";
import { useBuild } from "./useBuild";
import { EXAMPLES, useModelForm } from "./useModelForm";

/** Top-level fields edited elsewhere: the Compliance panel writes the compliance answers. */
const ELSEWHERE = new Set(["compliance"]);

export function ModelPanel() {
  const styles = useModelStyles();
  const host = useHost();
  const { model } = useSession();
  const form = useModelForm(model?.inputs);
  const build = useBuild();
  const [mode, setMode] = useState<FormulaMode>(model?.plan.mode ?? "addin");
  const [example, setExample] = useState(EXAMPLES[0].id);
  const [suffix, setSuffix] = useState(" (model)");
  const [loadMessage, setLoadMessage] = useState<PaneMessage | null>(null);

  // When the workbook's model changes other than by this form (opened on a built workbook, a
  // scenario applied), the form shows its inputs; after a build from the form they are the same.
  const { load, result } = form;
  useEffect(() => {
    if (!model) return;
    const shown = result.ok ? JSON.stringify(result.inputs) : null;
    if (JSON.stringify(model.inputs) !== shown) load(model.inputs);
    // Only a new model, not each keystroke, may replace the draft.
  }, [model]);

  const schema = inputsJsonSchema();
  const fieldsOf = Object.entries(schema.properties ?? {}).filter(([k]) => !ELSEWHERE.has(k));
  const isSection = (s: JsonSchema) =>
    s.properties !== undefined || s.type === "array" || s.items !== undefined;
  const scalars = fieldsOf.filter(
    ([, s]) => !isSection(s) || (s.items?.type !== "object" && s.type === "array"),
  );
  const sections = fieldsOf.filter(([k]) => !scalars.some(([j]) => j === k));
  const ctx: FormContext = {
    draft: form.draft,
    set: form.set,
    messageFor: form.messageFor,
    newItem: form.newItem,
  };
  const general: JsonSchema = {
    type: "object",
    properties: Object.fromEntries(scalars),
    required: schema.required,
  };

  const fromWorkbook = async () => {
    if (!host) return;
    setLoadMessage(null);
    try {
      const json = await host.readInputs();
      if (json === null)
        setLoadMessage({
          intent: "info",
          title: "No model in this workbook",
          body: "The workbook has no Inputs sheet built by the add-in. Start from an example and build.",
        });
      else {
        form.load(json);
        setLoadMessage({
          intent: "success",
          title: "Inputs read",
          body: "The form now holds the workbook's Inputs sheet.",
        });
      }
    } catch (e) {
      setLoadMessage(describeError(e, "read the Inputs sheet"));
    }
  };

  return (
    <section className={styles.root} aria-labelledby="model-heading">
      <Subtitle2 as="h2" id="model-heading">
        Model inputs
      </Subtitle2>
      <div className={styles.fields}>
        <Field label="Start from an example">
          <Select className={styles.full} value={example} onChange={(_, d) => setExample(d.value)}>
            {EXAMPLES.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.row}>
          <Button onClick={() => form.load(EXAMPLES.find((e) => e.id === example)!.json)}>
            Load example
          </Button>
          <Button disabled={!host} onClick={() => void fromWorkbook()}>
            Read from workbook
          </Button>
        </div>
        {loadMessage && <PaneMessageBar message={loadMessage} onDismiss={() => setLoadMessage(null)} />}
      </div>

      <Accordion multiple collapsible defaultOpenItems={["general"]}>
        <AccordionItem value="general">
          <AccordionHeader>General</AccordionHeader>
          <AccordionPanel>
            <Group schema={general} path={[]} ctx={ctx} />
          </AccordionPanel>
        </AccordionItem>
        {sections.map(([key, s]) => (
          <AccordionItem key={key} value={key}>
            <AccordionHeader>{fieldText([key]).label}</AccordionHeader>
            <AccordionPanel>
              <SchemaField
                schema={s}
                path={[key]}
                required={(schema.required ?? []).includes(key)}
                ctx={ctx}
              />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>

      {form.errors.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {form.errors.length === 1
                ? "1 input needs attention"
                : `${form.errors.length} inputs need attention`}
            </MessageBarTitle>
            <ul className={styles.errors} aria-label="Input problems">
              {form.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <RadioGroup
        value={mode}
        onChange={(_, d) => setMode(d.value as FormulaMode)}
        aria-labelledby="formulas-label"
      >
        <span id="formulas-label">Formulas</span>
        <Radio value="addin" label="Add-in functions (MSA.COSTPLUS, FMV.RANGE, …)" />
        <Radio value="portable" label="Portable: native Excel only" />
      </RadioGroup>

      <div className={styles.row}>
        <Button
          appearance="primary"
          disabledFocusable={!host || !form.result.ok || build.busy}
          onClick={() => form.result.ok && void build.build(form.result.inputs, mode)}
        >
          {model ? "Rebuild model" : "Build model"}
        </Button>
        {build.busy && <Button onClick={build.cancel}>Cancel</Button>}
      </div>
      {!host && (
        <PaneMessageBar
          message={{
            intent: "info",
            title: "No workbook",
            body: "Open the add-in in Excel (or the workbench) to build the model into a workbook.",
          }}
        />
      )}
      {build.busy && (
        <Field
          label={
            build.progress
              ? `Building: ${build.progress.phase} (${build.progress.done} of ${build.progress.total})`
              : "Building…"
          }
        >
          <ProgressBar
            value={
              build.progress && build.progress.total > 0
                ? build.progress.done / build.progress.total
                : undefined
            }
          />
        </Field>
      )}
      {build.clash && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Sheet names taken</MessageBarTitle>
            The workbook already has {build.clash.names.map((n) => `"${n}"`).join(", ")}, not made by the
            add-in. Nothing was written. Build the model&apos;s sheets with a suffix, or stop and rename
            yours.
            <Field label="Suffix for the model's sheets">
              <Input value={suffix} onChange={(_, d) => setSuffix(d.value)} />
            </Field>
          </MessageBarBody>
          <MessageBarActions>
            <Button
              disabledFocusable={suffix.trim() === ""}
              onClick={() => void build.build(build.clash!.inputs, build.clash!.mode, suffix)}
            >
              Build with suffix
            </Button>
            <Button onClick={build.stop}>Stop</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {build.message && <PaneMessageBar message={build.message} onDismiss={build.dismiss} />}
    </section>
  );
}
