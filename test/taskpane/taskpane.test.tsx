/**
 * @jest-environment jsdom
 */
import { act, render, screen, within } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Root } from "react-dom/client";
import { App } from "../../src/taskpane/App";
import { FUNCTIONS } from "../../src/taskpane/catalog";
import { type OfficeLike, officeGlobal, start } from "../../src/taskpane/start";
import { luminance, themeFor } from "../../src/taskpane/theme";

const globals = globalThis as { Office?: unknown };

function fakeOffice(bodyBackgroundColor: string, host: string | null = "Excel"): OfficeLike {
  return {
    onReady: () => Promise.resolve({ host, platform: "PC" }),
    context: { officeTheme: { bodyBackgroundColor } },
  };
}

async function startIn(
  office?: OfficeLike,
  waitMs?: number,
): Promise<{ root: Root; container: HTMLElement }> {
  const container = document.createElement("div");
  document.body.appendChild(container);
  let root: Root | undefined;
  await act(async () => {
    root = await start(container, office, waitMs);
  });
  return { root: root!, container };
}

let mounted: Root[] = [];
afterEach(() => {
  act(() => mounted.forEach((r) => r.unmount()));
  mounted = [];
  document.body.innerHTML = "";
  delete globals.Office;
});

describe("App", () => {
  test("says what the add-in does and lists every function", () => {
    render(<App />);
    expect(screen.getByRole("heading", { level: 1, name: "MSO Modeler" })).toBeTruthy();
    const list = screen.getByRole("list", { name: "Worksheet functions" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(8);
    for (const f of FUNCTIONS) expect(within(list).getByText(f.syntax)).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(/Not running inside Excel/);
  });

  test("names the host when there is one", () => {
    render(<App host="Excel" />);
    expect(screen.getByRole("status").textContent).toMatch(/Running in Excel/);
  });
});

describe("start", () => {
  test("starts with no Office global at all", async () => {
    delete globals.Office;
    expect(officeGlobal()).toBeUndefined();
    const { root, container } = await startIn();
    mounted.push(root);
    expect(within(container).getByRole("heading", { level: 1 })).toBeTruthy();
    expect(within(container).getByRole("status").textContent).toMatch(/Not running inside Excel/);
    expect(container.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("light");
  });

  test("waits for Office.onReady and follows a dark Office theme", async () => {
    globals.Office = fakeOffice("#1f1f1f");
    const { root, container } = await startIn(officeGlobal());
    mounted.push(root);
    expect(within(container).getByRole("status").textContent).toMatch(/Running in Excel/);
    expect(container.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("dark");
    expect(within(container).getAllByRole("listitem")).toHaveLength(FUNCTIONS.length);
  });

  test("uses the light theme for a light Office theme", async () => {
    const { root, container } = await startIn(fakeOffice("#ffffff"));
    mounted.push(root);
    expect(container.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("light");
  });

  test("renders anyway when Office never becomes ready", async () => {
    const never: OfficeLike = { onReady: () => new Promise(() => undefined) };
    const { root, container } = await startIn(never, 10);
    mounted.push(root);
    expect(within(container).getByRole("heading", { level: 1 })).toBeTruthy();
    expect(within(container).getByRole("status").textContent).toMatch(/Not running inside Excel/);
  });

  test("renders when office.js loaded outside Office (host null, context throws)", async () => {
    const outside: OfficeLike = {
      onReady: () => Promise.resolve({ host: null }),
      get context(): never {
        throw new Error("Office.context is not available");
      },
    };
    const { root, container } = await startIn(outside);
    mounted.push(root);
    expect(within(container).getByRole("status").textContent).toMatch(/Not running inside Excel/);
  });
});

describe("theme", () => {
  test("luminance of hex colours, undefined for anything else", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#fff")).toBeCloseTo(1, 10);
    expect(luminance("")).toBeUndefined();
    expect(luminance(undefined)).toBeUndefined();
    expect(luminance("rgb(0,0,0)")).toBeUndefined();
  });

  test("dark Office backgrounds pick Fluent's dark theme; missing themes pick light", () => {
    expect(themeFor({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
    expect(themeFor({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
    expect(themeFor({ bodyBackgroundColor: "#f3f3f3" })).toBe(webLightTheme);
    expect(themeFor(undefined)).toBe(webLightTheme);
    expect(themeFor(null)).toBe(webLightTheme);
  });
});
