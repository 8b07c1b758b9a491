import {
  FluentProvider,
  type Theme,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { type Root, createRoot } from "react-dom/client";
import type { WorkbookHost } from "../workbook/host";
import type { WorkbookFactory } from "./types";
import { App } from "./App";
import { type OfficeThemeLike, themeFor } from "./theme";

/** The part of the `Office` global the page needs; lets tests pass a fake. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  context?: { officeTheme?: OfficeThemeLike };
}

/** The `Office` global, or undefined when office.js is absent (no network, no Office, tests). */
export function officeGlobal(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}

const useStyles = makeStyles({
  shell: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
});

function Shell({
  theme,
  host,
  workbook,
  workbookError,
}: {
  theme: Theme;
  host: string | null;
  workbook: WorkbookHost | null;
  workbookError: string | null;
}) {
  const styles = useStyles();
  return (
    <FluentProvider
      theme={theme}
      className={styles.shell}
      data-theme={theme === webDarkTheme ? "dark" : "light"}
    >
      <App host={host} workbook={workbook} workbookError={workbookError} />
    </FluentProvider>
  );
}

/** Resolves with Office's ready info, or undefined if it has not come within `ms`. */
function readyWithin(office: OfficeLike, ms: number): Promise<{ host: unknown } | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    office.onReady().then(
      (info) => {
        clearTimeout(timer);
        resolve(info);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

function officeTheme(office: OfficeLike): OfficeThemeLike | undefined {
  try {
    return office.context?.officeTheme;
  } catch {
    // Outside an Office host office.js can throw on context access; fall back to the light theme.
    return undefined;
  }
}

/**
 * Renders the task pane into `container`. With Office present it waits for `Office.onReady` and
 * follows Office's theme; if Office never gets ready (office.js loaded outside Office) it renders
 * anyway after `waitMs`, and with no Office at all it renders at once. `workbook` makes the host the
 * panels work on once the Office host is known (the Excel host in Excel; none elsewhere).
 */
export async function start(
  container: Element,
  office: OfficeLike | undefined = officeGlobal(),
  waitMs = 5000,
  workbook: WorkbookFactory = () => null,
): Promise<Root> {
  let theme: Theme = webLightTheme;
  let host: string | null = null;
  if (office) {
    const info = await readyWithin(office, waitMs);
    if (info) {
      host = info.host ? String(info.host) : null;
      theme = themeFor(officeTheme(office));
    }
  }
  const root = createRoot(container);
  let book: WorkbookHost | null = null;
  let workbookError: string | null = null;
  try {
    book = workbook(host);
  } catch (e) {
    // An Excel too old for the add-in: the pane still opens (the functions list) and says why.
    workbookError = e instanceof Error ? e.message : String(e);
  }
  root.render(<Shell theme={theme} host={host} workbook={book} workbookError={workbookError} />);
  return root;
}
