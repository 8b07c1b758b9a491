/**
 * The inputs form, drawn from the CLI's own zod schema (through its JSON Schema), so every field
 * the model has appears with the kind of control its type needs, and the model's new fields
 * appear without a change here. Messages come from parseInputs, shown beside their field.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  Select,
  Switch,
} from "@fluentui/react-components";
import { type ReactNode, useEffect, useState } from "react";
import { z } from "zod";
import { AFR_COMPOUNDINGS, NOTE_COMPOUNDINGS, US_STATE_CODES, inputsSchema } from "../../../model/inputs";
import { fieldText, pattern } from "./labels";
import { type JsonPath, getAt } from "./json-path";
import type { FormContext, JsonSchema, ValueProps } from "./form-types";

export type { FormContext, JsonSchema } from "./form-types";
import { useModelStyles } from "./styles";

let cached: JsonSchema | null = null;
/** The inputs file's JSON Schema, as the user writes it (defaults not yet applied). */
export function inputsJsonSchema(): JsonSchema {
  cached ??= z.toJSONSchema(inputsSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return cached;
}

/** Choices the schema checks with a refinement (not an enum), so its JSON Schema does not list them. */
const CHOICES: Record<string, readonly (string | number)[]> = {
  "pcs.*.state": US_STATE_CODES,
  "loc.rateCompounding": NOTE_COMPOUNDINGS,
  "loc.afrCompounding": AFR_COMPOUNDINGS,
};

type Kind =
  | { kind: "number"; nullable: boolean }
  | { kind: "text"; nullable: boolean; date: boolean }
  | { kind: "choice"; options: readonly (string | number)[]; nullable: boolean }
  | { kind: "boolean" }
  | { kind: "list"; of: "number" | "date" | "text" }
  | { kind: "objects"; item: JsonSchema }
  | { kind: "group"; schema: JsonSchema }
  | { kind: "union"; variants: JsonSchema[]; tag: string }
  | { kind: "other" };

function typeOf(s: JsonSchema): string | undefined {
  return Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
}

function classify(s: JsonSchema, path: JsonPath): Kind {
  const choices = CHOICES[pattern(path)];
  const variants = s.anyOf ?? [];
  const nonNull = variants.filter((v) => v.type !== "null");
  const nullable = variants.length > nonNull.length || (Array.isArray(s.type) && s.type.includes("null"));
  if (nonNull.length === 1 && variants.length > 1) return withNull(classify(nonNull[0], path), nullable);
  if (choices) return { kind: "choice", options: choices, nullable };
  if (s.oneOf) {
    const tag = Object.keys(s.oneOf[0]?.properties ?? {}).find((k) =>
      s.oneOf!.every((v) => v.properties?.[k]?.const !== undefined),
    );
    if (tag) return { kind: "union", variants: s.oneOf, tag };
    return { kind: "other" };
  }
  if (s.enum) return { kind: "choice", options: s.enum as (string | number)[], nullable };
  switch (typeOf(s)) {
    case "number":
    case "integer":
      return { kind: "number", nullable };
    case "boolean":
      return { kind: "boolean" };
    case "string":
      return { kind: "text", nullable, date: s.format === "date" };
    case "array": {
      const item = s.items ?? {};
      const t = typeOf(item);
      if (t === "number" || t === "integer") return { kind: "list", of: "number" };
      if (t === "string") return { kind: "list", of: item.format === "date" ? "date" : "text" };
      if (t === "object" && item.properties) return { kind: "objects", item };
      return { kind: "other" };
    }
    case "object":
      return s.properties ? { kind: "group", schema: s } : { kind: "other" };
    default:
      return { kind: "other" };
  }
}

function withNull(k: Kind, nullable: boolean): Kind {
  if (k.kind === "number" || k.kind === "text" || k.kind === "choice") return { ...k, nullable };
  return k;
}

/** One field of the draft, drawn by its schema. */
export function SchemaField({
  schema,
  path,
  required,
  ctx,
}: {
  schema: JsonSchema;
  path: JsonPath;
  required: boolean;
  ctx: FormContext;
}) {
  const k = classify(schema, path);
  const value = getAt(ctx.draft, path);
  const { label, hint: shortHint } = fieldText(path);
  // The schema's description is the one explanation of a field (the CLI's docs use it too).
  const hint = schema.description ?? shortHint;
  const message = ctx.messageFor(path);
  const empty =
    k.kind === "number" || k.kind === "text" || k.kind === "choice"
      ? k.nullable
        ? null
        : undefined
      : undefined;
  const field = (control: ReactNode) => (
    <Field
      label={label}
      hint={hint}
      required={required}
      validationState={message ? "error" : "none"}
      validationMessage={message}
    >
      {control}
    </Field>
  );
  switch (k.kind) {
    case "number":
      return field(<NumberInput value={value} onChange={(v) => ctx.set(path, v ?? empty)} />);
    case "text":
      return field(
        <Input
          type={k.date ? "date" : "text"}
          value={typeof value === "string" ? value : ""}
          onChange={(_, d) => ctx.set(path, d.value === "" ? empty : d.value)}
        />,
      );
    case "choice": {
      const numeric = typeof k.options[0] === "number";
      return field(
        <Select
          value={value === undefined || value === null ? "" : String(value)}
          onChange={(_, d) => ctx.set(path, d.value === "" ? empty : numeric ? Number(d.value) : d.value)}
        >
          <option value="">{required ? "(choose)" : "(default)"}</option>
          {k.options.map((o) => (
            <option key={String(o)} value={String(o)}>
              {String(o)}
            </option>
          ))}
        </Select>,
      );
    }
    case "boolean":
      return field(
        <Switch
          checked={value === true}
          label={value === true ? "Yes" : "No"}
          onChange={(_, d) => ctx.set(path, d.checked)}
        />,
      );
    case "list":
      return field(<ListInput value={value} of={k.of} onChange={(v) => ctx.set(path, v)} />);
    case "objects":
      return <ObjectList path={path} item={k.item} label={label} ctx={ctx} />;
    case "group":
      return <Group schema={k.schema} path={path} ctx={ctx} />;
    case "union":
      return <Union path={path} variants={k.variants} tag={k.tag} ctx={ctx} label={label} />;
    default:
      return null;
  }
}

/** The fields of an object, each required where the schema says so. */
export function Group({ schema, path, ctx }: { schema: JsonSchema; path: JsonPath; ctx: FormContext }) {
  const styles = useModelStyles();
  return (
    <div className={styles.fields}>
      {Object.entries(schema.properties ?? {}).map(([key, s]) => (
        <SchemaField
          key={key}
          schema={s}
          path={[...path, key]}
          required={(schema.required ?? []).includes(key)}
          ctx={ctx}
        />
      ))}
    </div>
  );
}

/**
 * A number typed as text, so a half-typed "0." stays on screen; the draft gets the number, or the
 * text itself when it is not one (the schema then says what the field should be).
 */
function NumberInput({ value, onChange }: ValueProps) {
  const [text, setText] = useState(value === undefined || value === null ? "" : String(value));
  useEffect(() => {
    const shown = text.trim() === "" ? undefined : Number(text);
    const current = value === null ? undefined : value;
    if (
      typeof current === "number"
        ? shown !== current
        : typeof current === "string"
          ? text !== current
          : shown !== undefined
    )
      setText(current === undefined ? "" : String(current));
    // Only an outside change (an example, the workbook's inputs) rewrites what the user types.
  }, [value]);
  return (
    <Input
      inputMode="decimal"
      value={text}
      onChange={(_, d) => {
        setText(d.value);
        const t = d.value.trim();
        const n = Number(t);
        onChange(t === "" ? undefined : Number.isFinite(n) ? n : d.value);
      }}
    />
  );
}

function ListInput({ value, of, onChange }: ValueProps & { of: "number" | "date" | "text" }) {
  const show = (v: unknown) => (Array.isArray(v) ? v.map(String).join(", ") : "");
  const [text, setText] = useState(show(value));
  useEffect(() => {
    if (JSON.stringify(parseList(text, of)) !== JSON.stringify(value)) setText(show(value));
  }, [value]);
  return (
    <Input
      value={text}
      onChange={(_, d) => {
        setText(d.value);
        onChange(parseList(d.value, of));
      }}
    />
  );
}

function parseList(text: string, of: "number" | "date" | "text"): unknown[] {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (of !== "number") return parts;
  return parts.map((p) => (Number.isFinite(Number(p)) ? Number(p) : p));
}

function ObjectList({
  path,
  item,
  label,
  ctx,
}: {
  path: JsonPath;
  item: JsonSchema;
  label: string;
  ctx: FormContext;
}) {
  const styles = useModelStyles();
  const list = (Array.isArray(getAt(ctx.draft, path)) ? getAt(ctx.draft, path) : []) as unknown[];
  const message = ctx.messageFor(path);
  const singular = pattern(path) === "pcs" ? "PC" : "service line";
  return (
    <div className={styles.fields}>
      {message && (
        <Field validationState="error" validationMessage={message}>
          {null}
        </Field>
      )}
      <Accordion multiple collapsible>
        {list.map((entry, i) => {
          const name = (entry as { name?: unknown } | null)?.name;
          const title = typeof name === "string" && name.trim() !== "" ? name : `${singular} ${i + 1}`;
          return (
            <AccordionItem key={i} value={i}>
              <AccordionHeader>{title}</AccordionHeader>
              <AccordionPanel>
                <fieldset className={styles.item} aria-label={`${singular} ${i + 1}: ${title}`}>
                  <Group schema={item} path={[...path, i]} ctx={ctx} />
                  <Button
                    disabled={list.length <= 1}
                    onClick={() =>
                      ctx.set(
                        path,
                        list.filter((_, j) => j !== i),
                      )
                    }
                    aria-label={`Remove ${singular} ${title}`}
                  >
                    Remove {singular}
                  </Button>
                </fieldset>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
      <div className={styles.row}>
        <Button onClick={() => ctx.set(path, [...list, ctx.newItem(path, list)])}>Add {singular}</Button>
      </div>
      <span aria-live="polite">{`${list.length} ${label.toLowerCase()}`}</span>
    </div>
  );
}

function Union({
  path,
  variants,
  tag,
  ctx,
  label,
}: {
  path: JsonPath;
  variants: JsonSchema[];
  tag: string;
  ctx: FormContext;
  label: string;
}) {
  const styles = useModelStyles();
  const value = getAt(ctx.draft, path) as Record<string, unknown> | undefined;
  const current = value?.[tag];
  const chosen = variants.find((v) => v.properties?.[tag]?.const === current);
  const tagText = fieldText([...path, tag]);
  const rest = chosen
    ? {
        ...chosen,
        properties: Object.fromEntries(Object.entries(chosen.properties ?? {}).filter(([k]) => k !== tag)),
      }
    : null;
  return (
    <fieldset className={styles.item}>
      <legend className={styles.legend}>{label}</legend>
      <Field
        label={tagText.label}
        validationMessage={ctx.messageFor(path)}
        validationState={ctx.messageFor(path) ? "error" : "none"}
      >
        <Select
          value={current === undefined ? "" : String(current)}
          onChange={(_, d) => {
            const next = variants.find((v) => String(v.properties?.[tag]?.const) === d.value);
            // Keep only the fields the chosen variant has (the schema refuses the others).
            const kept = Object.fromEntries(
              Object.entries(value ?? {}).filter(([k]) => k !== tag && next?.properties?.[k] !== undefined),
            );
            ctx.set(path, next ? { [tag]: d.value, ...kept } : undefined);
          }}
        >
          <option value="">(default)</option>
          {variants.map((v) => {
            const c = String(v.properties?.[tag]?.const);
            return (
              <option key={c} value={c}>
                {c}
              </option>
            );
          })}
        </Select>
      </Field>
      {rest && <Group schema={rest} path={path} ctx={ctx} />}
    </fieldset>
  );
}
