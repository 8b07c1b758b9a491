import { type Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** The part of `Office.context.officeTheme` the task pane reads. */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
}

/**
 * WCAG relative luminance (0 black to 1 white) of a `#rgb` or `#rrggbb` colour; undefined for
 * anything else, since Office may report no theme at all (Excel on the web, older builds).
 */
export function luminance(color: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const s = parseInt(hex.slice(i, i + 2), 16) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Fluent's dark theme when Office's body background is dark, else the light theme. */
export function themeFor(officeTheme: OfficeThemeLike | null | undefined): Theme {
  const l = luminance(officeTheme?.bodyBackgroundColor);
  return l !== undefined && l < 0.5 ? webDarkTheme : webLightTheme;
}
