//! `report.md`: the reliability report a person reads.
//!
//! Summary → score distribution → outlets (ranked, with intervals and the
//! chart; small outlets apart) → the articles that most need a look →
//! methodology (the formula and the weights in force, and every metric's
//! documentation) → a bounded number of article cards. Its size does not
//! grow with the corpus beyond that: every article is in articles.csv and
//! `credence explain`, and `--cards all` writes every card. Deterministic:
//! no timings, no paths other than the corpus arguments, rows in a fixed
//! order.

use crate::card::card;
use credence_extract::Extraction;
use credence_score::config::{RankOn, Undated};
use credence_score::metrics::{table_order, Direction, ALL};
use credence_score::rows::OutletScore;
use credence_score::{formula, Config, Scores};
use std::fmt::Write;
use std::str::FromStr;

/// Cards report.md holds unless told otherwise.
pub const DEFAULT_CARDS: usize = 20;

/// Articles in each list of "the articles that most need a look" (lowest,
/// highest, conflicting numbers); a corpus of at most twice this many is
/// listed whole.
pub const LIST: usize = 10;

/// How many article cards report.md holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cards {
    /// One per article.
    All,
    /// At most this many: the articles listed as needing a look first.
    Most(usize),
}

impl Default for Cards {
    fn default() -> Self {
        Cards::Most(DEFAULT_CARDS)
    }
}

impl FromStr for Cards {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "all" {
            return Ok(Cards::All);
        }
        s.parse::<usize>()
            .map(Cards::Most)
            .map_err(|_| format!("`{s}` is neither a number of cards nor `all`"))
    }
}

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
    /// File name of the score distribution chart, linked when present.
    pub distribution_chart: Option<String>,
    /// File name of the per-component chart, linked when present.
    pub components_chart: Option<String>,
    /// Write each chart as a `@@chart:NAME` paragraph (for
    /// [`crate::html::page`] to put the chart itself in) instead of an
    /// image link.
    pub inline_charts: bool,
    /// How many article cards to include.
    pub cards: Cards,
    /// What changed since a baseline run (`--baseline DIR`), when given.
    pub baseline: Option<crate::diff::Diff>,
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// `text` linked to `url` when it is a web address that fits in a Markdown
/// link; `text` alone otherwise.
pub fn link(text: &str, url: &str) -> String {
    let url = url.trim();
    let web = url.starts_with("https://") || url.starts_with("http://");
    if web && !url.contains(['<', '>', '\n', '\r', '|']) {
        format!(
            "[{}](<{url}>)",
            text.replace('[', "\\[").replace(']', "\\]")
        )
    } else {
        text.to_string()
    }
}

/// A chart in the report: an image link, or the mark the HTML page replaces.
fn chart_line(out: &mut String, run: &RunContext, name: &str, alt: &str) {
    if run.inline_charts {
        let _ = writeln!(out, "{}{name}\n", crate::html::CHART_MARK);
    } else {
        let _ = writeln!(out, "![{alt}]({name})\n");
    }
}

/// Positions in [`ALL`] of the components in the CSV tables' order
/// ([`table_order`]), so the report's tables have the columns of
/// articles.csv and outlets.csv in the same order.
fn csv_order() -> Vec<usize> {
    table_order()
        .map(|m| ALL.iter().position(|a| a.name() == m.name()).unwrap_or(0))
        .collect()
}

/// A table's header row and alignment row: the leading columns, then one
/// right-aligned column per component, in the CSV tables' order.
fn table_head(out: &mut String, head: &str, align: &str) {
    out.push_str(head);
    for m in table_order() {
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
    let chosen = card_order(extractions, scores, run);
    summary(&mut out, extractions, scores, config, run, chosen.len());
    distribution(&mut out, scores, run);
    outlets(&mut out, scores, config, run);
    articles(&mut out, extractions, scores);
    if let Some(d) = &run.baseline {
        movers(&mut out, extractions, d);
    }
    out.push_str(&methodology(config));
    let n = scores.articles.len();
    let _ = writeln!(out, "## Article cards\n");
    if chosen.len() < n {
        let _ = writeln!(
            out,
            "{} of {n} cards: the articles listed above, lowest scores first. Every article's card: \
             `credence explain OUT ARTICLE_ID`, or all of them in this report with `--cards all`.\n",
            chosen.len()
        );
    }
    for &i in &chosen {
        out.push_str(&card(extractions, scores, config, i, 3));
    }
    out
}

/// Articles by rank (ties by id).
fn by_rank(extractions: &[Extraction], scores: &Scores) -> Vec<usize> {
    let articles = &scores.articles;
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| {
        (articles[a].rank, &extractions[a].article_id)
            .cmp(&(articles[b].rank, &extractions[b].article_id))
    });
    order
}

/// Conflicting claim pairs per article.
fn conflicts(scores: &Scores) -> Vec<usize> {
    let mut n = vec![0; scores.articles.len()];
    for m in &scores.corroboration.matches {
        if m.relation == credence_score::corroboration::Relation::Conflicts {
            n[m.claim.article] += 1;
        }
    }
    n
}

/// The lists of articles that most need a look: the lowest scores, the
/// highest, and the most conflicting numbers; empty when the corpus is
/// small enough to list whole.
struct Lists {
    lowest: Vec<usize>,
    highest: Vec<usize>,
    conflicting: Vec<usize>,
}

fn lists(extractions: &[Extraction], scores: &Scores) -> Option<Lists> {
    let order = by_rank(extractions, scores);
    if order.len() <= 2 * LIST {
        return None;
    }
    let counts = conflicts(scores);
    let mut conflicting: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] > 0).collect();
    conflicting.sort_by(|&a, &b| {
        (
            counts[b],
            scores.articles[a].rank,
            &extractions[a].article_id,
        )
            .cmp(&(
                counts[a],
                scores.articles[b].rank,
                &extractions[b].article_id,
            ))
    });
    conflicting.truncate(LIST);
    Some(Lists {
        lowest: order.iter().rev().take(LIST).copied().collect(),
        highest: order.iter().take(LIST).copied().collect(),
        conflicting,
    })
}

/// The articles whose cards the report holds, in order: all by rank, or
/// the listed ones (lowest, conflicting, highest) up to the limit.
fn card_order(extractions: &[Extraction], scores: &Scores, run: &RunContext) -> Vec<usize> {
    let limit = match run.cards {
        Cards::All => return by_rank(extractions, scores),
        Cards::Most(n) => n,
    };
    let moved: Vec<usize> = run.baseline.as_ref().map_or_else(Vec::new, |d| {
        let index: std::collections::HashMap<&str, usize> = extractions
            .iter()
            .enumerate()
            .map(|(i, e)| (e.article_id.as_str(), i))
            .collect();
        d.moved()
            .take(LIST)
            .filter_map(|c| index.get(c.id.as_str()).copied())
            .collect()
    });
    let mut chosen = match lists(extractions, scores) {
        None if moved.is_empty() => by_rank(extractions, scores),
        None => {
            let mut seen = std::collections::BTreeSet::new();
            moved
                .into_iter()
                .chain(by_rank(extractions, scores))
                .filter(|&i| seen.insert(i))
                .collect()
        }
        Some(l) => {
            let mut seen = std::collections::BTreeSet::new();
            l.lowest
                .into_iter()
                .chain(l.conflicting)
                .chain(moved)
                .chain(l.highest)
                .filter(|&i| seen.insert(i))
                .collect()
        }
    };
    chosen.truncate(limit);
    chosen
}

/// The summary table: corpus, counts, config, version.
fn summary(
    out: &mut String,
    extractions: &[Extraction],
    scores: &Scores,
    config: &Config,
    run: &RunContext,
    cards: usize,
) {
    let c = &scores.corroboration;
    let (matches, conflicts, syndicated) =
        (c.match_pairs(), c.conflict_pairs(), c.syndicated_pairs());
    let sum = |f: fn(&Extraction) -> usize| extractions.iter().map(f).sum::<usize>();

    let _ = writeln!(out, "# credence reliability report\n");
    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(out, "| run | |\n|---|---|");
    let _ = writeln!(out, "| corpus | {} |", cell(&run.corpus.join(", ")));
    let _ = writeln!(
        out,
        "| articles | {} read, {} scored, {} rejected |",
        run.read,
        extractions.len(),
        run.rejected
    );
    let ranked = scores.outlets.iter().filter(|o| o.rank.is_some()).count();
    let _ = writeln!(
        out,
        "| outlets | {}; {ranked} ranked (at least {} articles) |",
        scores.outlets.len(),
        config.outlets.min_articles
    );
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
    let _ = writeln!(
        out,
        "| article cards | {cards} of {} below; every article in articles.csv and `credence explain` |",
        extractions.len()
    );
    let _ = writeln!(out, "| scoring config | `{}` |", config.hash());
    let _ = writeln!(out, "| credence | {} |\n", run.version);
    let _ = writeln!(
        out,
        "Contents: [score distribution](#score-distribution) · [outlets](#outlets) · \
         [articles](#articles) · [methodology](#methodology) · [article cards](#article-cards)\n"
    );
}

/// Reliability in 10-point bins, with the median and quartiles.
fn distribution(out: &mut String, scores: &Scores, run: &RunContext) {
    let mut values: Vec<f64> = scores.articles.iter().map(|a| a.reliability).collect();
    let _ = writeln!(out, "## Score distribution\n");
    if values.is_empty() {
        let _ = writeln!(out, "No articles were scored.\n");
        return;
    }
    if let Some(chart) = &run.distribution_chart {
        chart_line(out, run, chart, "Articles per 5-point band of reliability");
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    // Nearest-rank quantiles: always a score an article has.
    let q = |p: f64| values[((p * n as f64).ceil() as usize).clamp(1, n) - 1];
    let mean = values.iter().sum::<f64>() / n as f64;
    let _ = writeln!(
        out,
        "Median {:.2}, quartiles {:.2}–{:.2}, mean {mean:.2}, lowest {:.2}, highest {:.2}.\n",
        q(0.5),
        q(0.25),
        q(0.75),
        values[0],
        values[n - 1]
    );
    let mut bins = [0usize; 10];
    for v in &values {
        bins[((v / 10.0) as usize).min(9)] += 1;
    }
    let most = bins.iter().copied().max().unwrap_or(1).max(1);
    let _ = writeln!(
        out,
        "A bin holds the scores from its lower bound up to, not including, its upper one (100 is in the last).\n"
    );
    if let Some(chart) = &run.components_chart {
        chart_line(
            out,
            run,
            chart,
            "How each component's values spread, against its saturation point",
        );
    }
    let _ = writeln!(
        out,
        "| reliability | articles | share | |\n|---|---:|---:|---|"
    );
    for (b, &count) in bins.iter().enumerate() {
        let bar = "█".repeat((count * 30).div_ceil(most));
        let _ = writeln!(
            out,
            "| {}–{} | {count} | {:.1}% | {bar} |",
            b * 10,
            (b + 1) * 10,
            100.0 * count as f64 / n as f64
        );
    }
    out.push('\n');
}

/// The outlets: the ranked ones (at least `[outlets] min_articles`
/// articles) by rank after the chart, then the others by size.
fn outlets(out: &mut String, scores: &Scores, config: &Config, run: &RunContext) {
    let min = config.outlets.min_articles;
    let mut ranked: Vec<&OutletScore> =
        scores.outlets.iter().filter(|o| o.rank.is_some()).collect();
    ranked.sort_by(|a, b| (a.rank, &a.outlet).cmp(&(b.rank, &b.outlet)));
    let mut small: Vec<&OutletScore> = scores.outlets.iter().filter(|o| o.rank.is_none()).collect();
    small.sort_by(|a, b| (b.articles, &a.outlet).cmp(&(a.articles, &b.outlet)));
    let _ = writeln!(out, "## Outlets\n");
    if let Some(chart) = &run.chart {
        chart_line(
            out,
            run,
            chart,
            "Mean reliability per ranked outlet with 95% intervals",
        );
    }
    let on = match config.outlets.rank_on {
        RankOn::News => "news articles",
        RankOn::All => "articles",
    };
    if ranked.is_empty() {
        let _ = writeln!(
            out,
            "No outlet has the {min} {on} it takes to be ranked (`[outlets] min_articles`, `rank_on`).\n"
        );
    } else {
        let _ = writeln!(
            out,
            "Outlets with at least {min} {on}, ranked by the mean reliability of their {on} shrunk toward \
             the corpus mean by as much as their number leaves uncertain (`shrunk`; see Methodology). \
             Opinion pieces, which quote little by design, are reported apart (`opinion`); `reliability` \
             and its interval are over all of an outlet's articles, as are the components.\n"
        );
        table_head(
            out,
            "| rank | outlet | shrunk | news | news mean | opinion | opinion mean | articles | reliability | 95% interval |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|",
        );
        let mean = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{v:.2}"));
        for o in ranked {
            let _ = write!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {:.2} | {} |",
                o.rank.unwrap_or_default(),
                cell(&o.outlet),
                mean(o.shrunk),
                o.news.0,
                mean(o.news.1),
                o.opinion.0,
                mean(o.opinion.1),
                o.articles,
                o.reliability,
                interval(o)
            );
            for i in csv_order() {
                let _ = write!(out, " {:.3} |", o.components[i]);
            }
            out.push('\n');
        }
        out.push('\n');
    }
    if !small.is_empty() {
        let _ = writeln!(
            out,
            "### Not ranked\n\nOutlets with fewer than {min} {on}, or listed as not to be ranked \
             (`[outlets] unranked`).\n"
        );
        let _ = writeln!(
            out,
            "| outlet | articles | reliability | 95% interval |\n|---|---:|---:|---|"
        );
        for o in small {
            let _ = writeln!(
                out,
                "| {} | {} | {:.2} | {} |",
                cell(&o.outlet),
                o.articles,
                o.reliability,
                interval(o)
            );
        }
        out.push('\n');
    }
}

fn interval(o: &OutletScore) -> String {
    match o.interval {
        Some((l, h)) => format!("{l:.2}–{h:.2}"),
        None => "none (one article)".to_string(),
    }
}

/// One table of articles.
fn article_table(out: &mut String, extractions: &[Extraction], scores: &Scores, rows: &[usize]) {
    table_head(
        out,
        "| rank | article | outlet | reliability |",
        "|---:|---|---|---:|",
    );
    for &i in rows {
        let (e, a) = (&extractions[i], &scores.articles[i]);
        let _ = write!(
            out,
            "| {} | {} | {} | {:.2} |",
            a.rank,
            link(&cell(&e.article_id), &e.url),
            cell(&a.outlet),
            a.reliability
        );
        for i in csv_order() {
            let _ = write!(out, " {:.3} |", a.components[i].value);
        }
        out.push('\n');
    }
    out.push('\n');
}

/// The articles: all of them by rank in a small corpus; otherwise the ones
/// that most need a look.
fn articles(out: &mut String, extractions: &[Extraction], scores: &Scores) {
    let _ = writeln!(out, "## Articles\n");
    let Some(lists) = lists(extractions, scores) else {
        article_table(out, extractions, scores, &by_rank(extractions, scores));
        return;
    };
    let n = scores.articles.len();
    let _ = writeln!(
        out,
        "The articles that most need a look, of {n}; all of them are in articles.csv.\n"
    );
    let _ = writeln!(out, "### Lowest scores\n");
    article_table(out, extractions, scores, &lists.lowest);
    if !lists.conflicting.is_empty() {
        let _ = writeln!(
            out,
            "### Most conflicting numbers\n\nArticles giving numbers another outlet contradicts \
             (see their cards).\n"
        );
        article_table(out, extractions, scores, &lists.conflicting);
    }
    let _ = writeln!(out, "### Highest scores\n");
    article_table(out, extractions, scores, &lists.highest);
}

/// The articles that moved most since the baseline run.
fn movers(out: &mut String, extractions: &[Extraction], d: &crate::diff::Diff) {
    let urls: std::collections::HashMap<&str, &str> = extractions
        .iter()
        .map(|e| (e.article_id.as_str(), e.url.as_str()))
        .collect();
    let moved = d.moved().count();
    let _ = writeln!(out, "### Biggest moves since the baseline\n");
    let _ = writeln!(
        out,
        "Against `{}`: {moved} of {} articles in both runs moved, {} were added and {} removed; the \
         Spearman rank correlation is {}. `credence diff` gives the whole comparison.\n",
        d.base.replace('`', "'"),
        d.changes.len(),
        d.added.len(),
        d.removed.len(),
        d.spearman.map_or("n/a".to_string(), |r| format!("{r:.4}"))
    );
    if moved == 0 {
        return;
    }
    let _ = writeln!(
        out,
        "| article | outlet | baseline | now | Δ | drivers (Δ points) |\n|---|---|---:|---:|---:|---|"
    );
    for c in d.moved().take(LIST) {
        let url = urls.get(c.id.as_str()).copied().unwrap_or_default();
        let delta = c.new - c.base;
        let _ = writeln!(
            out,
            "| {} | {} | {:.2} | {:.2} | {}{:.2} | {} |",
            link(&cell(&c.id), url),
            cell(&c.outlet),
            c.base,
            c.new,
            if delta < 0.0 { "−" } else { "+" },
            delta.abs(),
            cell(&c.drivers())
        );
    }
    out.push('\n');
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
         other.\n",
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
    let aliases = config.outlets.aliases.len();
    let _ = writeln!(
        out,
        "Outlets: names are read with surrounding spaces trimmed{}. An outlet's interval is Student's t \
         95% interval of its articles' mean (none for one article). Each article is news, opinion or \
         other (under {} words): opinion when its URL or title says so (`/opinion/`, \"Opinion:\"), \
         otherwise as a text model judges (the `genre` column of articles.csv). Outlets with at least {} {} are \
         ranked by the shrunken mean of those articles, `μ + (mean − μ) × n·τ² / (n·τ² + σ²)`, where μ is \
         their mean over all outlets, σ² the variance of articles around their outlet's mean and τ² the \
         variance of the outlets' own means beyond it (empirical Bayes): an outlet with few articles is \
         pulled toward μ, one with many keeps its mean.\n",
        match aliases {
            0 => String::new(),
            1 => " and 1 alias merged (`[outlets.aliases]`)".to_string(),
            n => format!(" and {n} aliases merged (`[outlets.aliases]`)"),
        },
        credence_score::genre::MIN_WORDS,
        config.outlets.min_articles,
        match config.outlets.rank_on {
            RankOn::News => "news articles",
            RankOn::All => "articles",
        }
    );
    for m in ALL {
        let _ = writeln!(out, "### {}\n", m.name());
        // Demote the doc's sections under the metric's heading.
        let _ = writeln!(out, "{}", m.doc().replace("\n## ", "\n#### ").trim_end());
        out.push('\n');
    }
    out
}
