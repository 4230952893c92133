//! `report.md`: the reliability report a person reads.
//!
//! Summary → outlets (with intervals and the chart) → articles → one card
//! per article → methodology (the formula and the weights in force, and
//! every metric's documentation). Deterministic: no timings, no paths other
//! than the corpus arguments, rows in a fixed order.

use crate::card::card;
use credence_extract::Extraction;
use credence_score::config::Undated;
use credence_score::metrics::{Direction, ALL};
use credence_score::rows::OutletScore;
use credence_score::{formula, Config, Scores};
use std::fmt::Write;

/// What the report says about the run itself.
#[derive(Debug, Clone, Default)]
pub struct RunContext {
    /// credence's version.
    pub version: String,
    /// The corpus arguments, as given.
    pub corpus: Vec<String>,
    /// Articles read (scored + rejected).
    pub read: usize,
    /// Records rejected (with `--keep-going`).
    pub rejected: usize,
    /// File name of the outlets chart, linked when present.
    pub chart: Option<String>,
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// A table's header row and alignment row: the leading columns, then one
/// right-aligned column per component.
fn table_head(out: &mut String, head: &str, align: &str) {
    out.push_str(head);
    for m in ALL {
        let _ = write!(out, " {} |", m.name());
    }
    out.push('\n');
    out.push_str(align);
    for _ in ALL {
        out.push_str("---:|");
    }
    out.push('\n');
}

/// Render `report.md`.
pub fn report(
    extractions: &[Extraction],
    scores: &Scores,
    config: &Config,
    run: &RunContext,
) -> String {
    let mut out = String::new();
    summary(&mut out, extractions, scores, config, run);
    outlets(&mut out, scores, run);
    let order = articles(&mut out, extractions, scores);
    let _ = writeln!(out, "## Article cards\n");
    for &i in &order {
        out.push_str(&card(extractions, scores, config, i, 3));
    }
    out.push_str(&methodology(config));
    out
}

/// The summary table: corpus, counts, config, version.
fn summary(
    out: &mut String,
    extractions: &[Extraction],
    scores: &Scores,
    config: &Config,
    run: &RunContext,
) {
    let c = &scores.corroboration;
    let (matches, conflicts, syndicated) =
        (c.match_pairs(), c.conflict_pairs(), c.syndicated_pairs());
    let sum = |f: fn(&Extraction) -> usize| extractions.iter().map(f).sum::<usize>();

    let _ = writeln!(out, "# credence reliability report\n");
    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(out, "| corpus | {} |", cell(&run.corpus.join(", ")));
    let _ = writeln!(
        out,
        "| articles | {} read, {} scored, {} rejected |",
        run.read,
        extractions.len(),
        run.rejected
    );
    let _ = writeln!(out, "| outlets | {} |", scores.outlets.len());
    let _ = writeln!(
        out,
        "| extracted | {} claims ({} check-worthy), {} quotes, {} attributions |",
        sum(|e| e.claims.len()),
        c.claims,
        sum(|e| e.quotes.len()),
        sum(|e| e.attributions.len())
    );
    let _ = writeln!(
        out,
        "| cross-outlet claim matches | {matches} ({conflicts} conflicts); {syndicated} syndicated article pairs |"
    );
    let _ = writeln!(out, "| scoring config | `{}` |", config.hash());
    let _ = writeln!(out, "| credence | {} |\n", run.version);
}

/// The outlets table, most reliable first, after the chart.
fn outlets(out: &mut String, scores: &Scores, run: &RunContext) {
    let outlets = &scores.outlets;
    let mut order: Vec<&OutletScore> = outlets.iter().collect();
    order.sort_by(|a, b| {
        b.reliability
            .total_cmp(&a.reliability)
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    let _ = writeln!(out, "## Outlets\n");
    if let Some(chart) = &run.chart {
        let _ = writeln!(
            out,
            "![Mean reliability per outlet with 95% intervals]({chart})\n"
        );
    }
    table_head(
        out,
        "| outlet | articles | reliability | 95% interval |",
        "|---|---:|---:|---|",
    );
    for o in order {
        let interval = match o.interval {
            Some((l, h)) => format!("{l:.2}–{h:.2}"),
            None => "none (one article)".to_string(),
        };
        let _ = write!(
            out,
            "| {} | {} | {:.2} | {interval} |",
            cell(&o.outlet),
            o.articles,
            o.reliability
        );
        for value in &o.components {
            let _ = write!(out, " {value:.3} |");
        }
        out.push('\n');
    }
    out.push('\n');
}

/// The articles table by rank; returns the article indices in that order.
fn articles(out: &mut String, extractions: &[Extraction], scores: &Scores) -> Vec<usize> {
    let articles = &scores.articles;
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by_key(|&i| (articles[i].rank, extractions[i].article_id.clone()));
    let _ = writeln!(out, "## Articles\n");
    table_head(
        out,
        "| rank | article | outlet | reliability |",
        "|---:|---|---|---:|",
    );
    for &i in &order {
        let (e, a) = (&extractions[i], &articles[i]);
        let _ = write!(
            out,
            "| {} | {} | {} | {:.2} |",
            a.rank,
            cell(&e.article_id),
            cell(&e.outlet),
            a.reliability
        );
        for c in &a.components {
            let _ = write!(out, " {:.3} |", c.value);
        }
        out.push('\n');
    }
    out.push('\n');

    order
}

/// The methodology section: formula, the config in force, the metric docs.
pub fn methodology(config: &Config) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## Methodology\n");
    let _ = writeln!(
        out,
        "Each component is a ratio of two counts of extracted spans (the columns of articles.csv). \
         It is scaled to 0–1 by its saturation point, `scaled = min(value / saturation, 1)` \
         (`1 − min(value / saturation, 1)` where more is worse), and\n\n\
         `reliability = 100 × Σ weight × scaled / Σ weight`\n\n\
         with the weights and saturation points in force (config `{}`):\n",
        config.hash()
    );
    let _ = writeln!(
        out,
        "| component | more is | weight | saturation |\n|---|---|---:|---:|"
    );
    for m in ALL {
        let better = match m.direction() {
            Direction::HigherIsBetter => "better",
            Direction::LowerIsBetter => "worse",
        };
        let _ = writeln!(
            out,
            "| {} | {better} | {} | {} |",
            m.name(),
            formula::weight(config, *m),
            config.saturation.get(m.name()).unwrap_or(0.0)
        );
    }
    let cc = &config.corroboration;
    let _ = writeln!(
        out,
        "\nCorroboration: two check-worthy claims (or one clause of each) from different outlets corroborate \
         when the same-fact model gives them a probability ≥ {} of stating one fact (judged when their \
         IDF-weighted cosine similarity is ≥ {}); they conflict when they give different numbers for the same \
         thing and the model, numbers left out, gives ≥ {}. Articles must be published at most {} days apart; \
         an undated article may match {}. Replies to requests for comment, poll methodology, photo credits and \
         appeals to readers are not check-worthy. Claims at similarity ≥ {} are copies, and two articles with at \
         least {} of the shorter one's check-worthy claims copied are syndicated and do not corroborate each \
         other. An outlet's interval is Student's t 95% interval of its articles' mean; an outlet with one \
         article has none.\n",
        cc.min_confidence,
        cc.min_similarity,
        cc.conflict_confidence.max(cc.min_confidence),
        cc.window_days,
        match cc.undated {
            Undated::Undated => "only undated articles",
            Undated::Any => "any article",
            Undated::None => "no article",
        },
        cc.copy_similarity,
        cc.syndication_share
    );
    for m in ALL {
        let _ = writeln!(out, "### {}\n", m.name());
        // Demote the doc's sections under the metric's heading.
        let _ = writeln!(out, "{}", m.doc().replace("\n## ", "\n#### ").trim_end());
        out.push('\n');
    }
    out
}
