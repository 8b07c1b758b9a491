// The workbench entry: the task pane and a grid over an in-browser HyperFormula workbook, for
// everyone without Excel. Its own bundle — Excel's pages never load HyperFormula or ExcelJS.
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { Workbench } from "./Workbench";
import { WorkerHost } from "./worker-host";

const host = new WorkerHost(new Worker(new URL("./worker.ts", import.meta.url), { name: "workbook" }));

/** Light or dark, as the browser or operating system prefers (the Office theme's stand-in). */
function usePrefersDark(): boolean {
  const query = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const on = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener("change", on);
    return () => query.removeEventListener("change", on);
  }, [query]);
  return dark;
}

function Root() {
  const dark = usePrefersDark();
  const theme = dark ? webDarkTheme : webLightTheme;
  return (
    <FluentProvider theme={theme} data-theme={dark ? "dark" : "light"}>
      <Workbench host={host} pane={<App host="the workbench" workbook={host} />} />
    </FluentProvider>
  );
}

const container = document.getElementById("container");
if (container) createRoot(container).render(<Root />);
