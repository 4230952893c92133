//! credence-report: everything credence writes, to any `impl Write` (tests
//! write to a `Vec<u8>`, the CLI to files), and `credence diff`.
//!
//! - [`tables`]: the extraction-side tables (quotes, attributions, claims,
//!   matches, rejects), each defined once as columns and a row producer, and
//!   written as CSV or as a polars frame for [`parquet`]; `extraction.jsonl`
//!   written and read back;
//! - [`score_tables`]: `articles.csv` and `outlets.csv` from the score frames;
//! - [`markdown`]: `report.md` — summary, outlets, articles, one [`card`]
//!   per article, methodology; [`chart`]: `outlets.svg`;
//! - [`run_info`]: `run.json`; [`listing`]: a readable extraction listing
//!   (the snapshots); [`eval`]: the `credence eval` table;
//! - [`diff`]: what changed between two runs, and why.
//!
//! The report reads the scores as typed rows
//! ([`credence_score::rows`]), never columns by name, so a renamed column
//! cannot turn into zeros in a report.
//!
//! ```
//! use credence_extract::{extract_article, Article, Tagger};
//! use credence_report::tables::{write_csv, QuoteRows};
//! use credence_report::{card::card, markdown};
//! use credence_score::{score, Config};
//!
//! let article = Article {
//!     id: "a1".into(),
//!     outlet: "Example News".into(),
//!     text: "\"We will meet on Monday,\" Steve Witkoff said in Moscow.".into(),
//!     ..Article::default()
//! };
//! let extractions = [extract_article(&article, Tagger::embedded())];
//! let config = Config::default();
//! let scores = score(&extractions, &config).unwrap();
//!
//! let mut csv = Vec::new();
//! write_csv(&mut csv, &QuoteRows(&extractions)).unwrap();
//! assert!(String::from_utf8(csv).unwrap().contains("Steve Witkoff,person,said"));
//!
//! let report = markdown::report(&extractions, &scores, &config, &Default::default());
//! assert!(report.contains(&card(&extractions, &scores, &config, 0, 3)));
//! ```

use credence_extract::Extraction;
use credence_score::{Config, Scores};

pub mod card;
pub mod chart;
pub mod csv_cell;
pub mod diff;
pub mod eval;
pub mod html;
pub mod listing;
pub mod markdown;
pub mod parquet;
pub mod run_info;
pub mod score_tables;
pub mod tables;
pub mod xlsx;

/// The report set of one run: report.md, report.html and the charts they
/// show (`(file name, SVG)`; a chart is left out when there is nothing to
/// draw). `context.chart`, `.distribution_chart` and `.inline_charts` are
/// set here.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// report.md.
    pub markdown: String,
    /// report.html.
    pub html: String,
    /// The charts, by file name.
    pub charts: Vec<(&'static str, String)>,
}

/// Render the report set ([`Rendered`]).
pub fn render(
    extractions: &[Extraction],
    scores: &Scores,
    config: &Config,
    context: &markdown::RunContext,
) -> Rendered {
    let mut context = context.clone();
    let mut charts = Vec::new();
    if let Some(svg) = chart::outlets_svg(scores, config.outlets.rank_on) {
        context.chart = Some("outlets.svg".to_string());
        charts.push(("outlets.svg", svg));
    }
    if let Some(svg) = chart::distribution_svg(scores) {
        context.distribution_chart = Some("distribution.svg".to_string());
        charts.push(("distribution.svg", svg));
    }
    if let Some(svg) = chart::components_svg(scores, config) {
        context.components_chart = Some("components.svg".to_string());
        charts.push(("components.svg", svg));
    }
    context.inline_charts = false;
    let markdown = markdown::report(extractions, scores, config, &context);
    context.inline_charts = true;
    let inline: Vec<(&str, &str)> = charts.iter().map(|(n, s)| (*n, s.as_str())).collect();
    let html = html::page(
        "credence reliability report",
        &markdown::report(extractions, scores, config, &context),
        &inline,
    );
    Rendered {
        markdown,
        html,
        charts,
    }
}
