//! `report.html`: report.md rendered as one self-contained page — the same
//! content, with the charts inline, every table sortable (click a header)
//! and filterable (type in the box above it), and article ids linked to
//! the articles' URLs. No file beside it is needed and nothing is fetched.
//!
//! The Markdown is rendered with `pulldown-cmark`. Everything in it came
//! from the corpus or from credence, and the corpus is untrusted scraped
//! text: raw HTML in it is shown as text, never rendered, and the only
//! links are the `http(s)` URLs credence itself put there. Headings get
//! GitHub-style ids, so the report's "Contents" links work in both.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::fmt::Write;

/// Where a chart goes: a paragraph holding only this, then the chart's file
/// name (`@@chart:outlets.svg`), is replaced by the chart itself.
pub const CHART_MARK: &str = "@@chart:";

/// GitHub's anchor for a heading's text: lower case, spaces to `-`, other
/// punctuation dropped.
pub fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The events of `markdown` with raw HTML turned into text, links other
/// than `http(s)`/in-page dropped (their text kept), and ids on headings.
fn safe_events(markdown: &str) -> Vec<Event<'_>> {
    let mut events: Vec<Event> = Parser::new_ext(markdown, Options::ENABLE_TABLES)
        .map(|e| match e {
            Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
            other => other,
        })
        .collect();
    // Links: keep only the ones credence writes.
    let mut dropped = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if let Event::Start(Tag::Link { dest_url, .. }) = e {
            let ok = dest_url.starts_with("https://")
                || dest_url.starts_with("http://")
                || dest_url.starts_with('#');
            if !ok {
                dropped.push(i);
            }
        }
    }
    for &i in dropped.iter().rev() {
        // Remove the start and its matching end (links do not nest).
        if let Some(end) = events[i..]
            .iter()
            .position(|e| matches!(e, Event::End(TagEnd::Link)))
        {
            events.remove(i + end);
        }
        events.remove(i);
    }
    // Images: credence writes none but the chart marks; show any as its alt text.
    events.retain(|e| {
        !matches!(
            e,
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image)
        )
    });
    // Heading ids from their text; a repeated one gets `-1`, `-2`, … as on GitHub.
    let mut used = std::collections::HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &events[i] {
            let level: HeadingLevel = *level;
            let mut text = String::new();
            for e in &events[i + 1..] {
                match e {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            let base = slug(&text);
            let n = used.entry(base.clone()).or_insert(0usize);
            let id = if *n == 0 { base } else { format!("{base}-{n}") };
            *n += 1;
            events[i] = Event::Start(Tag::Heading {
                level,
                id: Some(CowStr::from(id)),
                classes: Vec::new(),
                attrs: Vec::new(),
            });
        }
        i += 1;
    }
    events
}

/// The page: `markdown` (report.md, with each chart as a `@@chart:NAME`
/// paragraph) rendered, and `charts` (`(NAME, svg)`) put in their places.
pub fn page(title: &str, markdown: &str, charts: &[(&str, &str)]) -> String {
    let mut body = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut body, safe_events(markdown).into_iter());
    for (name, svg) in charts {
        let mark = format!("<p>{CHART_MARK}{name}</p>");
        // The SVG as plotters writes it, without an XML declaration (none
        // is allowed inside HTML).
        let svg = svg.trim_start();
        let svg = match svg.strip_prefix("<?xml") {
            Some(rest) => rest.split_once("?>").map_or(svg, |(_, s)| s.trim_start()),
            None => svg,
        };
        body = body.replace(&mark, &format!("<figure class=\"chart\">{svg}</figure>"));
    }
    let mut out = String::with_capacity(body.len() + STYLE.len() + SCRIPT.len() + 512);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n\
         <script>{SCRIPT}</script>\n</body>\n</html>\n",
        escape(title)
    );
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = r#"
:root { color-scheme: light; --line: #d8dde3; --head: #f3f5f7; --accent: #1f5fa8; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 1.9em; margin: 0.2em 0 0.6em; }
h2 { font-size: 1.4em; margin-top: 2em; padding-bottom: 0.2em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.15em; margin-top: 1.6em; }
p, li { max-width: 80ch; }
a { color: var(--accent); }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, monospace; background: #f1f3f5; padding: 0 3px; border-radius: 3px; }
.table-wrap { overflow-x: auto; margin: 0.6em 0 1.2em; }
table { border-collapse: collapse; font-size: 0.92em; }
th, td { border: 1px solid var(--line); padding: 3px 8px; vertical-align: top; }
th { background: var(--head); position: sticky; top: 0; cursor: pointer; user-select: none; white-space: nowrap; }
th[aria-sort="ascending"]::after { content: " ▲"; font-size: 0.75em; }
th[aria-sort="descending"]::after { content: " ▼"; font-size: 0.75em; }
td[style*="right"], th[style*="right"] { font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: #fafbfc; }
input.filter { font: inherit; padding: 3px 8px; margin: 0.4em 0 0; width: 22em; max-width: 100%; border: 1px solid var(--line); border-radius: 4px; }
.count { color: #5b6470; font-size: 0.85em; margin-left: 0.6em; }
figure.chart { margin: 1em 0; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
"#;

/// Sorting and filtering for every table, in plain JavaScript. Opening the
/// page with `#selftest` sorts the first sortable numeric column and marks
/// `<body data-selftest="ok">` when the rows come out in order: what the
/// browser test reads back.
const SCRIPT: &str = r##"
(function () {
  "use strict";
  function value(cell) {
    var t = cell.textContent.trim().replace(/[−–]/g, "-").replace(/%$/, "");
    var n = parseFloat(t);
    return (t !== "" && !isNaN(n) && /^[-+]?\d/.test(t)) ? n : null;
  }
  function sortBy(table, col, dir) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = rows.every(function (r) { return r.cells[col] && value(r.cells[col]) !== null; });
    rows.sort(function (a, b) {
      var x = a.cells[col], y = b.cells[col], c;
      if (numeric) { c = value(x) - value(y); }
      else { c = x.textContent.localeCompare(y.textContent); }
      return dir * c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      if (i === col) { th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending"); }
      else { th.removeAttribute("aria-sort"); }
    });
    return numeric;
  }
  function setUp(table) {
    if (!table.tHead || !table.tBodies[0]) { return; }
    var wrap = document.createElement("div");
    wrap.className = "table-wrap";
    table.parentNode.insertBefore(wrap, table);
    wrap.appendChild(table);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.title = "Sort";
      th.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "descending" ? 1 : -1;
        sortBy(table, i, dir);
      });
    });
    var rows = table.tBodies[0].rows;
    if (rows.length > 10) {
      var input = document.createElement("input");
      input.className = "filter";
      input.type = "search";
      input.placeholder = "Filter " + rows.length + " rows";
      var count = document.createElement("span");
      count.className = "count";
      input.addEventListener("input", function () {
        var q = input.value.toLowerCase(), shown = 0;
        Array.prototype.forEach.call(rows, function (r) {
          var hit = r.textContent.toLowerCase().indexOf(q) >= 0;
          r.style.display = hit ? "" : "none";
          if (hit) { shown += 1; }
        });
        count.textContent = q ? shown + " of " + rows.length : "";
      });
      wrap.parentNode.insertBefore(input, wrap);
      wrap.parentNode.insertBefore(count, wrap);
    }
  }
  var tables = Array.prototype.slice.call(document.querySelectorAll("main table"));
  tables.forEach(setUp);
  if (location.hash === "#selftest") {
    var ok = false;
    for (var t = 0; t < tables.length && !ok; t++) {
      var table = tables[t], rows = table.tBodies[0] ? table.tBodies[0].rows : [];
      if (rows.length < 2) { continue; }
      for (var c = 0; c < table.tHead.rows[0].cells.length && !ok; c++) {
        if (!sortBy(table, c, 1)) { continue; }
        var vals = Array.prototype.map.call(table.tBodies[0].rows, function (r) { return value(r.cells[c]); });
        ok = vals.every(function (v, i) { return i === 0 || vals[i - 1] <= v; });
      }
    }
    document.body.setAttribute("data-selftest", ok ? "ok" : "failed");
    document.body.setAttribute("data-tables", String(tables.length));
    // Milliseconds from navigation to here: parsing, layout of what the
    // script touched, and the script itself.
    document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  }
})();
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_match_githubs_anchors() {
        assert_eq!(slug("Score distribution"), "score-distribution");
        assert_eq!(slug("Article cards"), "article-cards");
        assert_eq!(slug("Not ranked"), "not-ranked");
        let page = page("t", "## Example\n\n## Example\n", &[]);
        assert!(page.contains("id=\"example\"") && page.contains("id=\"example-1\""));
    }

    #[test]
    fn corpus_html_is_shown_as_text_and_only_web_links_survive() {
        let md = "## Outlets\n\nA <script>alert(1)</script> title, [x](javascript:alert(1)), \
                  [y](<https://example.org/a b>).\n\n@@chart:c.svg\n\n| a | b |\n|---|---:|\n| 1 | 2 |\n";
        let page = page(
            "t",
            md,
            &[("c.svg", "<?xml version=\"1.0\"?>\n<svg><g/></svg>")],
        );
        assert!(!page.contains("<script>alert"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!page.contains("javascript:"), "{page}");
        assert!(
            page.contains("href=\"https://example.org/a%20b\""),
            "{page}"
        );
        assert!(page.contains("<h2 id=\"outlets\">Outlets</h2>"));
        assert!(page.contains("<figure class=\"chart\"><svg><g/></svg></figure>"));
        assert!(!page.contains("<?xml"));
        assert!(page.contains("<table>"));
    }
}
