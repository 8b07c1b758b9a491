// A small Markdown-to-HTML renderer for the project's own docs (docs/*.md), so the add-in can ship
// its function reference and model guide as pages Excel's "Help on this function" link opens.
// It covers what those files use — headings with GitHub-style ids, paragraphs, lists, tables, fenced
// code, rules, inline code, bold, italics, links — and escapes everything else; it is not a general
// CommonMark implementation. No dependency: the build must not pull a parser in for two pages.

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens (`MSA.COSTPLUS` → `msacostplus`). */
function slug(text) {
  return text
    .replace(/<[^>]*>/g, "")
    .replace(/[`*_]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}

const escapeHtml = (s) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Inline Markdown: code spans first (their content is literal), then links, bold, italics. */
function inline(text, linkMap) {
  const parts = text.split(/(`+[^`]*?`+)/g);
  return parts
    .map((part, i) => {
      // A pipe inside a table cell's code is written \| (GitHub shows it as |).
      if (i % 2 === 1)
        return `<code>${escapeHtml(part.replace(/^`+|`+$/g, "").replace(/\\\|/g, "|"))}</code>`;
      let s = escapeHtml(part.replace(/\\\|/g, "|"));
      s = s.replace(/&lt;(https?:\/\/[^\s&]+)&gt;/g, (_, url) => `<a href="${url}">${url}</a>`);
      s = s.replace(
        /\[([^\]]+)\]\(([^)\s]+)\)/g,
        (_, label, href) => `<a href="${linkMap(href)}">${label}</a>`,
      );
      s = s.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
      s = s.replace(/(^|[^\w*])\*([^*\s][^*]*?)\*(?!\w)/g, "$1<em>$2</em>");
      return s;
    })
    .join("");
}

const splitRow = (line) =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/**
 * Renders `markdown` to an HTML fragment. `linkMap(href)` rewrites link targets (e.g. `model.md` →
 * `model.html`); headings get ids as GitHub gives them, so `page.html#msacostplus` works as it does
 * on GitHub.
 */
function renderMarkdown(markdown, linkMap = (href) => href) {
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  const out = [];
  const used = new Map();
  let i = 0;
  const isBlank = (l) => l.trim() === "";
  const startsBlock = (l) =>
    /^(#{1,6})\s/.test(l) ||
    /^```/.test(l) ||
    /^\s*[-*]\s+/.test(l) ||
    /^\s*\d+\.\s+/.test(l) ||
    /^\|/.test(l) ||
    /^---+\s*$/.test(l) ||
    /^<!--/.test(l);

  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }
    if (/^<!--/.test(line)) {
      while (i < lines.length && !lines[i].includes("-->")) i++;
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      let id = slug(heading[2]);
      const n = used.get(id) ?? 0;
      used.set(id, n + 1);
      if (n > 0) id = `${id}-${n}`;
      out.push(`<h${level} id="${id}">${inline(heading[2], linkMap)}</h${level}>`);
      i++;
      continue;
    }
    if (/^```/.test(line)) {
      const lang = line.slice(3).trim();
      const body = [];
      i++;
      while (i < lines.length && !/^```/.test(lines[i])) body.push(lines[i++]);
      i++;
      out.push(
        `<pre><code${lang ? ` class="language-${escapeHtml(lang)}"` : ""}>${escapeHtml(body.join("\n"))}</code></pre>`,
      );
      continue;
    }
    if (/^---+\s*$/.test(line)) {
      out.push("<hr />");
      i++;
      continue;
    }
    if (/^\|/.test(line) && i + 1 < lines.length && /^\|?\s*:?-+/.test(lines[i + 1])) {
      const head = splitRow(line);
      const aligns = splitRow(lines[i + 1]).map((c) =>
        /^-+:$/.test(c) ? "right" : /^:-+:$/.test(c) ? "center" : "",
      );
      i += 2;
      const rows = [];
      while (i < lines.length && /^\|/.test(lines[i])) rows.push(splitRow(lines[i++]));
      const cellTag = (tag, text, k) =>
        `<${tag}${aligns[k] ? ` style="text-align:${aligns[k]}"` : ""}>${inline(text ?? "", linkMap)}</${tag}>`;
      out.push(
        "<table>",
        `<thead><tr>${head.map((h, k) => cellTag("th", h, k)).join("")}</tr></thead>`,
        `<tbody>${rows.map((r) => `<tr>${head.map((_, k) => cellTag("td", r[k], k)).join("")}</tr>`).join("")}</tbody>`,
        "</table>",
      );
      continue;
    }
    const bullet = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (bullet) {
      const ordered = /\d/.test(bullet[2]);
      const items = [];
      while (i < lines.length) {
        const m = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(lines[i]);
        if (m && /\d/.test(m[2]) === ordered) {
          items.push([m[3]]);
          i++;
        } else if (
          items.length &&
          !isBlank(lines[i]) &&
          /^\s+/.test(lines[i]) &&
          !startsBlock(lines[i].trim())
        ) {
          items[items.length - 1].push(lines[i].trim());
          i++;
        } else if (
          items.length &&
          isBlank(lines[i]) &&
          i + 1 < lines.length &&
          /^(\s*)([-*]|\d+\.)\s+/.test(lines[i + 1])
        ) {
          i++;
        } else break;
      }
      const tag = ordered ? "ol" : "ul";
      out.push(`<${tag}>${items.map((it) => `<li>${inline(it.join(" "), linkMap)}</li>`).join("")}</${tag}>`);
      continue;
    }
    const para = [];
    while (i < lines.length && !isBlank(lines[i]) && !(para.length && startsBlock(lines[i])))
      para.push(lines[i++].trim());
    out.push(`<p>${inline(para.join(" "), linkMap)}</p>`);
  }
  return out.join("\n");
}

module.exports = { renderMarkdown, slug, escapeHtml };
