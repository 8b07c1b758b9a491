/**
 * @jest-environment jsdom
 */
// Offline check of manifest.xml: Microsoft's validator (office-addin-manifest validate) posts the file
// to an online service, which cannot run here. jsdom's DOMParser is a strict, namespace-aware XML parser.
import fs from "node:fs";
import path from "node:path";
import { ROOT, devOrigin, emittedFiles, pngSize } from "./helpers/build-config";

const MANIFEST = path.join(ROOT, "manifest.xml");
const APP_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

const text = fs.readFileSync(MANIFEST, "utf8");
let parsed: Document | undefined;
try {
  parsed = parseXml(text);
} catch {
  // Reported by the well-formedness test; the others then fail on `doc()`.
}
function doc(): Document {
  if (!parsed) throw new Error("manifest.xml is not well-formed XML");
  return parsed;
}

const all = (localName: string, root: Document | Element = doc()) => [
  ...root.getElementsByTagNameNS("*", localName),
];
const one = (localName: string, root: Document | Element = doc()) => {
  const found = all(localName, root);
  if (found.length !== 1) throw new Error(`expected one <${localName}>, found ${found.length}`);
  return found[0];
};
const childElements = (el: Element) => [...el.children];
const xsiType = (el: Element) => el.getAttributeNS(XSI_NS, "type");

/** Resources by id, with the kind of resource each is (Images, Urls, ShortStrings, LongStrings). */
function resources(): { id: string; kind: string; value: string }[] {
  const res = one("Resources");
  return ["Images", "Urls", "ShortStrings", "LongStrings"].flatMap((kind) =>
    all(kind, res).flatMap((group) =>
      childElements(group).map((el) => ({
        id: el.getAttribute("id") ?? "",
        kind,
        value: el.getAttribute("DefaultValue") ?? "",
      })),
    ),
  );
}
const resource = (id: string) => resources().find((r) => r.id === id);
const urlOf = (resid: string | null) => resource(resid ?? "")?.value;

/** Every absolute URL in the manifest: DefaultValue attributes and URL-only elements. */
function allUrls(): string[] {
  const urls: string[] = [];
  for (const el of all("*")) {
    const value = el.getAttribute("DefaultValue");
    if (value && /^[a-z]+:\/\//i.test(value)) urls.push(value);
    if (el.localName === "AppDomain" && el.textContent) urls.push(el.textContent.trim());
  }
  return urls;
}

describe("manifest.xml", () => {
  test("is well-formed XML (and the checker rejects broken XML)", () => {
    expect(() => parseXml(text)).not.toThrow();
    expect(() => parseXml("<OfficeApp><Id></OfficeApp>")).toThrow(/not well-formed/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/not well-formed/);
  });

  test("is a TaskPaneApp in the Office add-in namespace", () => {
    const root = doc().documentElement;
    expect(root.localName).toBe("OfficeApp");
    expect(root.namespaceURI).toBe(APP_NS);
    expect(xsiType(root)).toBe("TaskPaneApp");
  });

  test("has the required top-level elements in schema order", () => {
    const order = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
    ];
    const required = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    const names = childElements(doc().documentElement).map((el) => el.localName);
    for (const name of required) expect(names).toContain(name);
    const positions = names.map((n) => order.indexOf(n));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test("has a GUID id, a four-part version and a locale", () => {
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(one("Version").textContent).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(one("DefaultLocale").textContent).toMatch(/^[a-z]{2}-[A-Z]{2}$/);
    expect(one("ProviderName").textContent?.trim()).not.toBe("");
  });

  test("DisplayName and Description are within their length limits", () => {
    const displayName = one("DisplayName", doc().documentElement).getAttribute("DefaultValue") ?? "";
    const description =
      childElements(doc().documentElement)
        .find((el) => el.localName === "Description")
        ?.getAttribute("DefaultValue") ?? "";
    expect(displayName.length).toBeGreaterThan(0);
    expect(displayName.length).toBeLessThanOrEqual(125);
    expect(description.length).toBeGreaterThan(0);
    expect(description.length).toBeLessThanOrEqual(250);
  });

  test("targets the Workbook host", () => {
    const hosts = childElements(doc().documentElement).find((el) => el.localName === "Hosts");
    expect(hosts).toBeDefined();
    expect(childElements(hosts!).map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
  });

  test("requires SharedRuntime 1.1", () => {
    const sets = all("Set", one("Requirements"));
    const shared = sets.find((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(shared).toBeDefined();
    expect(shared?.getAttribute("MinVersion")).toBe("1.1");
  });

  test("DefaultSettings/SourceLocation is the task pane page", () => {
    const source = one("SourceLocation", one("DefaultSettings"));
    expect(source.getAttribute("DefaultValue")).toBe(`${devOrigin()}taskpane.html`);
  });

  test("asks for a valid permission level", () => {
    expect(["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"]).toContain(
      one("Permissions").textContent?.trim(),
    );
  });

  test("VersionOverrides V1_0 declares one long-lived shared runtime for the Workbook host", () => {
    const overrides = one("VersionOverrides");
    expect(xsiType(overrides)).toBe("VersionOverridesV1_0");
    const host = all("Host", overrides);
    expect(host.map(xsiType)).toEqual(["Workbook"]);
    const runtimes = all("Runtime", overrides);
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    expect(urlOf(runtimes[0].getAttribute("resid"))).toBe(`${devOrigin()}taskpane.html`);
  });

  test("custom functions: script, page (the shared runtime) and metadata", () => {
    const point = all("ExtensionPoint").find((el) => xsiType(el) === "CustomFunctions");
    expect(point).toBeDefined();
    const location = (name: string) => urlOf(one("SourceLocation", one(name, point!)).getAttribute("resid"));
    expect(location("Script")).toBe(`${devOrigin()}functions.js`);
    expect(location("Metadata")).toBe(`${devOrigin()}functions.json`);
    expect(location("Page")).toBe(urlOf(one("Runtime").getAttribute("resid")));
  });

  test("has no <Namespace> element or namespace string", () => {
    expect(all("Namespace")).toHaveLength(0);
    expect(resources().filter((r) => /namespace/i.test(r.id))).toEqual([]);
  });

  test("has a task pane button on the Home tab", () => {
    const tab = all("OfficeTab").find((el) => el.getAttribute("id") === "TabHome");
    expect(tab).toBeDefined();
    const button = all("Control", tab!).find((el) => xsiType(el) === "Button");
    expect(button).toBeDefined();
    const action = one("Action", button!);
    expect(xsiType(action)).toBe("ShowTaskpane");
    expect(urlOf(one("SourceLocation", action).getAttribute("resid"))).toBe(`${devOrigin()}taskpane.html`);
  });

  test("every resid resolves to a resource of the right kind", () => {
    const kindFor: Record<string, string> = {
      Image: "Images",
      SourceLocation: "Urls",
      Runtime: "Urls",
      FunctionFile: "Urls",
      LearnMoreUrl: "Urls",
      Label: "ShortStrings",
      Title: "ShortStrings",
      Description: "LongStrings",
    };
    const problems: string[] = [];
    for (const el of all("*").filter((e) => e.hasAttribute("resid"))) {
      const resid = el.getAttribute("resid") ?? "";
      const found = resource(resid);
      if (!found) problems.push(`<${el.localName} resid="${resid}"> has no resource`);
      else if (kindFor[el.localName] && kindFor[el.localName] !== found.kind) {
        problems.push(
          `<${el.localName} resid="${resid}"> points to ${found.kind}, expected ${kindFor[el.localName]}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  test("resource ids are unique, at most 32 characters, and all used", () => {
    const ids = resources().map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => id.length === 0 || id.length > 32)).toEqual([]);
    const used = new Set(all("*").map((el) => el.getAttribute("resid")));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  test("resource strings are within length limits (short ≤ 125, long ≤ 250)", () => {
    const tooLong = resources().filter(
      (r) =>
        r.value.length === 0 ||
        (r.kind === "ShortStrings" && r.value.length > 125) ||
        (r.kind === "LongStrings" && r.value.length > 250),
    );
    expect(tooLong).toEqual([]);
  });

  test("every URL is on the dev server from webpack.config.js and names a file the build emits", () => {
    const origin = devOrigin();
    const emitted = new Set(emittedFiles());
    const problems: string[] = [];
    for (const url of allUrls()) {
      if (!url.startsWith(origin)) {
        problems.push(`${url} is not under ${origin}`);
        continue;
      }
      const file = url.slice(origin.length).split(/[?#]/)[0];
      const exists = file.startsWith("assets/") ? fs.existsSync(path.join(ROOT, file)) : emitted.has(file);
      if (!exists) problems.push(`${url}: the build does not produce ${file}`);
    }
    expect(allUrls().length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test("icons exist in assets/ at the pixel sizes the manifest states", () => {
    const expectations: { url: string; size: number; where: string }[] = [
      { url: one("IconUrl").getAttribute("DefaultValue") ?? "", size: 32, where: "IconUrl" },
      {
        url: one("HighResolutionIconUrl").getAttribute("DefaultValue") ?? "",
        size: 64,
        where: "HighResolutionIconUrl",
      },
    ];
    for (const image of all("Image").filter((el) => el.hasAttribute("size"))) {
      const resid = image.getAttribute("resid");
      expectations.push({
        url: urlOf(resid) ?? "",
        size: Number(image.getAttribute("size")),
        where: `<bt:Image size=${image.getAttribute("size")} resid=${resid}>`,
      });
    }
    const problems: string[] = [];
    for (const { url, size, where } of expectations) {
      const file = path.join(ROOT, url.replace(devOrigin(), ""));
      if (!url.startsWith(devOrigin()) || !fs.existsSync(file)) {
        problems.push(`${where}: ${url} is not a file in assets/`);
        continue;
      }
      try {
        const { width, height } = pngSize(fs.readFileSync(file));
        if (width !== size || height !== size)
          problems.push(`${where}: ${url} is ${width}x${height}, not ${size}x${size}`);
      } catch (e) {
        problems.push(`${where}: ${url}: ${(e as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
