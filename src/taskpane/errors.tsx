/**
 * Errors as the analyst should read them: what happened and what to do, in a Fluent MessageBar,
 * while the pane stays usable. Office.js rejects with an OfficeExtension.Error carrying a `code`;
 * the codes below are Microsoft's documented ones
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/reference/javascript-api-for-office-error-codes
 * and https://learn.microsoft.com/en-us/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from "@fluentui/react-components";
import { NameClashError, SheetClashError, WriteCancelledError } from "../workbook/host";

export interface PaneMessage {
  intent: MessageBarIntent;
  title: string;
  body: string;
}

/** What to do after an Office.js error, by its documented code. */
const OFFICE_ADVICE: Record<string, string> = {
  InvalidOperationInCellEditMode: "Finish editing the cell (press Enter or Esc) and try again.",
  RequestPayloadSizeLimitExceeded:
    "The workbook refused a request as too large. Try again; if it repeats, build fewer PCs or months.",
  ItemNotFound: "A sheet or cell the model needs is missing. Rebuild the model from the Model tab.",
  AccessDenied: "The workbook is protected or read-only. Unprotect it or save a copy, then try again.",
  InsufficientPermissions:
    "The workbook is protected or read-only. Unprotect it or save a copy, then try again.",
  Conflict: "Someone else changed the workbook at the same time. Wait a moment and try again.",
  ActivityLimitReached: "Excel is busy. Wait a moment and try again.",
  GeneralException:
    "Excel could not do it. Save your work, then try again; if it repeats, reload the add-in.",
  ApiNotFound:
    "This version of Excel lacks a feature the add-in needs. Update Excel, or use Excel on the web.",
};

function officeCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Turns anything thrown into a message that says what happened and what to do. */
export function describeError(e: unknown, doing: string): PaneMessage {
  if (e instanceof WriteCancelledError) return { intent: "info", title: "Cancelled", body: e.message };
  if (e instanceof SheetClashError) return { intent: "warning", title: "Sheet names taken", body: e.message };
  if (e instanceof NameClashError)
    return { intent: "warning", title: "Defined names taken", body: e.message };
  const message = e instanceof Error ? e.message : String(e);
  const code = officeCode(e);
  const advice =
    (code && OFFICE_ADVICE[code]) ??
    "Check the workbook is open and not being edited, then try again. Your data has not been changed by the add-in.";
  return {
    intent: "error",
    title: `Could not ${doing}`,
    body: `${code ? `${code}: ` : ""}${message} ${advice}`.trim(),
  };
}

export interface MessageProps {
  message: PaneMessage;
  onDismiss?: () => void;
}

/** A MessageBar for one PaneMessage, with a dismiss button when it can be dismissed. */
export function PaneMessageBar({ message, onDismiss }: MessageProps) {
  return (
    <MessageBar intent={message.intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle> {message.body}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button size="small" onClick={onDismiss}>
            Dismiss
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
