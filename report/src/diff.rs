//! `credence diff BASE/ NEW/`: what changed between two runs — for
//! regression-testing a scoring change (a weight, a lexicon, a release).
//!
//! Reads each run's `articles.csv`, `outlets.csv` and (when present)
//! `run.json` for the config in force, and reports per-article and
//! per-outlet changes, rank changes, the Spearman rank correlation between
//! the runs, added and removed articles, and which components drove each
//! change (the change in the points each contributes to reliability).

use crate::csv_cell::safe;
use crate::tables::csv_writer;
use credence_score::articles::{ARTICLE_ID, OUTLET, RANK, RELIABILITY};
use credence_score::formula;
use credence_score::metrics::ALL;
use credence_score::Config;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{self, Read, Write};

/// Changes smaller than this (in reliability points) are not movements.
pub const EPSILON: f64 = 0.005;

/// One article of one run.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRow {
    /// Outlet.
    pub outlet: String,
    /// Reliability, 0–100.
    pub reliability: f64,
    /// Rank.
    pub rank: u32,
    /// Component values, in [`ALL`] order.
    pub components: Vec<f64>,
}

/// One run, as read back from its directory.
#[derive(Debug, Clone)]
pub struct Run {
    /// Label (the directory as given).
    pub label: String,
    /// Articles by id.
    pub articles: BTreeMap<String, ArticleRow>,
    /// Outlets: mean reliability and mean of each component ([`ALL`] order) by outlet.
    pub outlets: BTreeMap<String, (f64, Vec<f64>)>,
    /// The config in force (from run.json), if known.
    pub config: Option<Config>,
}

fn bad(what: &str, e: impl std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("{what}: {e}"))
}

/// One record of a score table, with the columns [`read_table`] was asked for.
struct Row<'a> {
    file: &'a str,
    /// Line in the file (the header is line 1).
    line: usize,
    rec: &'a csv::StringRecord,
    /// Positions of the requested columns.
    cols: &'a [usize],
    /// Position of each component's column ([`ALL`] order), when present.
    comps: &'a [Option<usize>],
}

impl Row<'_> {
    /// Requested column `k` as text.
    fn text(&self, k: usize) -> &str {
        &self.rec[self.cols[k]]
    }

    fn parse(&self, at: usize) -> io::Result<f64> {
        self.rec[at].parse().map_err(|_| {
            bad(
                self.file,
                format!("line {}: `{}` is not a number", self.line, &self.rec[at]),
            )
        })
    }

    /// Requested column `k` as a number.
    fn number(&self, k: usize) -> io::Result<f64> {
        self.parse(self.cols[k])
    }

    /// The component columns in [`ALL`] order; a component the table lacks
    /// (a run from before it existed) reads as 0.
    fn components(&self) -> io::Result<Vec<f64>> {
        self.comps
            .iter()
            .map(|c| c.map_or(Ok(0.0), |at| self.parse(at)))
            .collect()
    }
}

/// Read the score table `file` from `reader`, requiring `columns`, and hand
/// each record to `each`. Errors name the file (and the line, for a value).
fn read_table(
    file: &str,
    reader: impl Read,
    columns: &[&str],
    mut each: impl FnMut(Row) -> io::Result<()>,
) -> io::Result<()> {
    let mut r = csv::Reader::from_reader(reader);
    let headers = r.headers().map_err(|e| bad(file, e))?.clone();
    let position = |name: &str| headers.iter().position(|h| h == name);
    let cols = columns
        .iter()
        .map(|&name| position(name).ok_or_else(|| bad(file, format!("missing column `{name}`"))))
        .collect::<io::Result<Vec<usize>>>()?;
    let comps: Vec<Option<usize>> = ALL.iter().map(|m| position(m.name())).collect();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| bad(file, e))?;
        each(Row {
            file,
            line: i + 2,
            rec: &rec,
            cols: &cols,
            comps: &comps,
        })?;
    }
    Ok(())
}

impl Run {
    /// Read a run from its `articles.csv` and `outlets.csv`.
    pub fn read(
        label: &str,
        articles: impl Read,
        outlets: impl Read,
        config: Option<Config>,
    ) -> io::Result<Run> {
        let mut article_rows = BTreeMap::new();
        read_table(
            "articles.csv",
            articles,
            &[ARTICLE_ID, OUTLET, RELIABILITY, RANK],
            |row| {
                let article = ArticleRow {
                    outlet: row.text(1).to_string(),
                    reliability: row.number(2)?,
                    rank: row.number(3)? as u32,
                    components: row.components()?,
                };
                article_rows.insert(row.text(0).to_string(), article);
                Ok(())
            },
        )?;
        let mut outlet_rows = BTreeMap::new();
        read_table("outlets.csv", outlets, &[OUTLET, RELIABILITY], |row| {
            let means = (row.number(1)?, row.components()?);
            outlet_rows.insert(row.text(0).to_string(), means);
            Ok(())
        })?;
        Ok(Run {
            label: label.to_string(),
            articles: article_rows,
            outlets: outlet_rows,
            config,
        })
    }

    /// The run `scores` make under `config`, as if read back from its tables.
    pub fn from_scores(
        label: &str,
        scores: &credence_score::Scores,
        config: &Config,
    ) -> io::Result<Run> {
        let (mut articles, mut outlets) = (Vec::new(), Vec::new());
        crate::score_tables::write_articles(&mut articles, scores)?;
        crate::score_tables::write_outlets(&mut outlets, scores)?;
        Run::read(
            label,
            articles.as_slice(),
            outlets.as_slice(),
            Some(config.clone()),
        )
    }

    /// Points each component contributes to an article's reliability under
    /// this run's config (the defaults when unknown).
    fn points(&self, row: &ArticleRow, default: &Config) -> Vec<f64> {
        let config = self.config.as_ref().unwrap_or(default);
        ALL.iter()
            .zip(&row.components)
            .map(|(&m, &v)| formula::points(config, m, v))
            .collect()
    }
}

/// One article's change.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleChange {
    /// Article id.
    pub id: String,
    /// Outlet (in the new run).
    pub outlet: String,
    /// Reliability before and after.
    pub base: f64,
    /// See `base`.
    pub new: f64,
    /// Rank before and after.
    pub rank_base: u32,
    /// See `rank_base`.
    pub rank_new: u32,
    /// Change of each component's value, in [`ALL`] order.
    pub component_deltas: Vec<f64>,
    /// Change of each component's points, in [`ALL`] order.
    pub point_deltas: Vec<f64>,
}

impl ArticleChange {
    /// `new − base`.
    pub fn delta(&self) -> f64 {
        self.new - self.base
    }

    /// Components whose contribution moved, largest first: `quote_density −6.67`.
    pub fn drivers(&self) -> String {
        drivers(&self.point_deltas)
    }
}

/// Components whose points moved, largest first: `quote_density −6.67`.
fn drivers(point_deltas: &[f64]) -> String {
    let mut d: Vec<(usize, f64)> = point_deltas
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, p)| p.abs() >= EPSILON)
        .collect();
    d.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
    d.iter()
        .map(|&(i, p)| format!("{} {}", ALL[i].name(), signed(p)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn signed(v: f64) -> String {
    // Avoid "-0.00".
    let v = if v.abs() < EPSILON { 0.0 } else { v };
    if v > 0.0 {
        format!("+{v:.2}")
    } else if v < 0.0 {
        format!("−{:.2}", -v)
    } else {
        "0.00".to_string()
    }
}

/// One outlet's change.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletChange {
    /// Outlet.
    pub outlet: String,
    /// Mean reliability before (`None`: not in the base run).
    pub base: Option<f64>,
    /// Mean reliability after (`None`: not in the new run).
    pub new: Option<f64>,
    /// Change of each component's mean, in [`ALL`] order (empty unless in both runs).
    pub component_deltas: Vec<f64>,
    /// Mean change of each component's points over the outlet's articles in
    /// both runs, in [`ALL`] order (what moved its mean reliability; empty
    /// when it has none).
    pub point_deltas: Vec<f64>,
}

impl OutletChange {
    /// `new − base`; `None` unless in both runs.
    pub fn delta(&self) -> Option<f64> {
        Some(self.new? - self.base?)
    }

    /// Components whose points moved, largest first: `quote_density −6.67`.
    pub fn drivers(&self) -> String {
        drivers(&self.point_deltas)
    }

    /// Components whose mean moved, largest first: `quote_density −0.0500`.
    pub fn components_moved(&self) -> String {
        let mut d: Vec<(usize, f64)> = self
            .component_deltas
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, v)| v.abs() >= 0.00005)
            .collect();
        d.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        d.iter()
            .map(|&(i, v)| {
                format!(
                    "{} {}{:.4}",
                    ALL[i].name(),
                    if v > 0.0 { "+" } else { "−" },
                    v.abs()
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Everything that changed between two runs.
#[derive(Debug, Clone)]
pub struct Diff {
    /// Base run label.
    pub base: String,
    /// New run label.
    pub new: String,
    /// Config hashes (when known).
    pub configs: (Option<String>, Option<String>),
    /// The config keys that changed: `(key, base value, new value)`, when
    /// both configs are known.
    pub config_changes: Vec<(String, String, String)>,
    /// Articles in both runs, sorted by |Δ| (largest first), then id.
    pub changes: Vec<ArticleChange>,
    /// Articles only in the new run.
    pub added: Vec<String>,
    /// Articles only in the base run.
    pub removed: Vec<String>,
    /// Outlets in either run, sorted by |Δ| (largest first; outlets in one
    /// run only last), then name.
    pub outlets: Vec<OutletChange>,
    /// Spearman rank correlation of reliability over articles in both runs.
    pub spearman: Option<f64>,
}

/// Compare two runs.
pub fn diff(base: &Run, new: &Run) -> Diff {
    let default = Config::default();
    let mut changes = Vec::new();
    for (id, b) in &base.articles {
        if let Some(n) = new.articles.get(id) {
            let (pb, pn) = (base.points(b, &default), new.points(n, &default));
            changes.push(ArticleChange {
                id: id.clone(),
                outlet: n.outlet.clone(),
                base: b.reliability,
                new: n.reliability,
                rank_base: b.rank,
                rank_new: n.rank,
                component_deltas: b
                    .components
                    .iter()
                    .zip(&n.components)
                    .map(|(x, y)| y - x)
                    .collect(),
                point_deltas: pb.iter().zip(&pn).map(|(x, y)| y - x).collect(),
            });
        }
    }
    let spearman = spearman(
        &changes.iter().map(|c| c.base).collect::<Vec<_>>(),
        &changes.iter().map(|c| c.new).collect::<Vec<_>>(),
    );
    changes.sort_by(|a, b| {
        b.delta()
            .abs()
            .total_cmp(&a.delta().abs())
            .then_with(|| a.id.cmp(&b.id))
    });
    let added = new
        .articles
        .keys()
        .filter(|k| !base.articles.contains_key(*k))
        .cloned()
        .collect();
    let removed = base
        .articles
        .keys()
        .filter(|k| !new.articles.contains_key(*k))
        .cloned()
        .collect();
    // The mean point changes of each outlet's articles (by the new run's outlet).
    let mut points: BTreeMap<&str, (Vec<f64>, usize)> = BTreeMap::new();
    for c in &changes {
        let (sum, n) = points
            .entry(c.outlet.as_str())
            .or_insert_with(|| (vec![0.0; ALL.len()], 0));
        for (s, d) in sum.iter_mut().zip(&c.point_deltas) {
            *s += d;
        }
        *n += 1;
    }
    let names: BTreeSet<&String> = base.outlets.keys().chain(new.outlets.keys()).collect();
    let mut outlets: Vec<OutletChange> = names
        .into_iter()
        .map(|o| {
            let (b, n) = (base.outlets.get(o), new.outlets.get(o));
            OutletChange {
                outlet: o.clone(),
                base: b.map(|x| x.0),
                new: n.map(|x| x.0),
                component_deltas: match (b, n) {
                    (Some(b), Some(n)) => b.1.iter().zip(&n.1).map(|(x, y)| y - x).collect(),
                    _ => Vec::new(),
                },
                point_deltas: points.get(o.as_str()).map_or_else(Vec::new, |(sum, n)| {
                    sum.iter().map(|s| s / *n as f64).collect()
                }),
            }
        })
        .collect();
    let size = |o: &OutletChange| o.delta().map_or(-1.0, f64::abs);
    outlets.sort_by(|a, b| {
        size(b)
            .total_cmp(&size(a))
            .then_with(|| a.outlet.cmp(&b.outlet))
    });
    let config_changes = match (&base.config, &new.config) {
        (Some(b), Some(n)) => b.changes(n),
        _ => Vec::new(),
    };
    Diff {
        base: base.label.clone(),
        new: new.label.clone(),
        configs: (
            base.config.as_ref().map(Config::hash),
            new.config.as_ref().map(Config::hash),
        ),
        config_changes,
        changes,
        added,
        removed,
        outlets,
        spearman,
    }
}

/// Average ranks (ties share the mean rank).
fn ranks(v: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..v.len()).collect();
    order.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && v[order[j + 1]] == v[order[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            r[k] = mean;
        }
        i = j + 1;
    }
    r
}

/// Spearman's rho: Pearson correlation of the ranks. `None` with fewer than
/// two articles or no variation.
pub fn spearman(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() < 2 {
        return None;
    }
    let (ra, rb) = (ranks(a), ranks(b));
    let n = ra.len() as f64;
    let (ma, mb) = (ra.iter().sum::<f64>() / n, rb.iter().sum::<f64>() / n);
    let cov: f64 = ra.iter().zip(&rb).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = ra.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = rb.iter().map(|y| (y - mb).powi(2)).sum();
    if va == 0.0 || vb == 0.0 {
        return if va == vb { Some(1.0) } else { None };
    }
    Some(cov / (va * vb).sqrt())
}

impl Diff {
    /// The largest |Δ reliability| over articles in both runs, rounded to
    /// the two decimals the tables show; infinite when a reliability in
    /// either run is not a number (NaN or infinite is no score, so any
    /// limit trips).
    pub fn max_move(&self) -> f64 {
        self.changes
            .iter()
            .map(|c| {
                let d = c.delta().abs();
                if d.is_finite() {
                    (d * 100.0).round() / 100.0
                } else {
                    f64::INFINITY
                }
            })
            .fold(0.0, f64::max)
    }

    /// Articles whose reliability moved (or is not a number in one run).
    pub fn moved(&self) -> impl Iterator<Item = &ArticleChange> {
        self.changes
            .iter()
            .filter(|c| c.delta().is_nan() || c.delta().abs() >= EPSILON)
    }

    /// Why a gate of `limit` points trips, if it does: an article moved by
    /// more than `limit` (as shown, to two decimals), a reliability is not
    /// a number, or the runs do not hold the same articles.
    pub fn gate(&self, limit: f64) -> Option<String> {
        let moved = self.max_move();
        if moved.is_infinite() {
            Some("a reliability in one of the runs is not a number".to_string())
        } else if moved > limit {
            Some(format!(
                "reliability moved by up to {moved:.2} points (limit {limit:.2})"
            ))
        } else if !self.added.is_empty() || !self.removed.is_empty() {
            Some(format!(
                "the runs hold different articles ({} added, {} removed)",
                self.added.len(),
                self.removed.len()
            ))
        } else {
            None
        }
    }

    /// The diff as Markdown, listing at most `top` articles and outlets
    /// that moved (the largest moves; all of them with `None`).
    pub fn markdown(&self, top: Option<usize>) -> String {
        let mut out = String::new();
        let hash = |h: &Option<String>| {
            h.clone()
                .map_or("unknown config".to_string(), |h| format!("config `{h}`"))
        };
        let _ = writeln!(out, "# credence diff\n");
        let _ = writeln!(
            out,
            "Base `{}` ({}) → new `{}` ({}).\n",
            self.base,
            hash(&self.configs.0),
            self.new,
            hash(&self.configs.1)
        );
        let moved = self.moved().count();
        let _ = writeln!(out, "| | |\n|---|---|");
        let _ = writeln!(out, "| articles in both runs | {} |", self.changes.len());
        let _ = writeln!(out, "| articles whose reliability moved | {moved} |");
        let largest = self.max_move();
        let largest = if largest.is_finite() {
            format!("{largest:.2} points")
        } else {
            "not a number (a reliability in one run is NaN or infinite)".to_string()
        };
        let _ = writeln!(out, "| largest move | {largest} |");
        let _ = writeln!(
            out,
            "| rank changes | {} |",
            self.changes
                .iter()
                .filter(|c| c.rank_base != c.rank_new)
                .count()
        );
        let _ = writeln!(
            out,
            "| Spearman rank correlation | {} |",
            self.spearman
                .map_or("n/a".to_string(), |r| format!("{r:.4}"))
        );
        let _ = writeln!(out, "| added | {} |", self.added.len());
        let _ = writeln!(out, "| removed | {} |\n", self.removed.len());
        if !self.config_changes.is_empty() {
            let _ = writeln!(
                out,
                "## Config changes\n\n| key | base | new |\n|---|---|---|"
            );
            for (key, b, n) in &self.config_changes {
                let _ = writeln!(
                    out,
                    "| `{}` | `{}` | `{}` |",
                    key.replace('|', "\\|"),
                    b.replace('|', "\\|"),
                    n.replace('|', "\\|")
                );
            }
            out.push('\n');
        }
        self.articles_markdown(&mut out, top);
        self.outlets_markdown(&mut out, top);
        for (title, ids) in [
            ("Added articles", &self.added),
            ("Removed articles", &self.removed),
        ] {
            let _ = writeln!(out, "## {title}\n");
            if ids.is_empty() {
                let _ = writeln!(out, "none\n");
            } else {
                for id in ids {
                    let _ = writeln!(out, "- {id}");
                }
                out.push('\n');
            }
        }
        out
    }

    /// "Articles that moved": each with its rank change and drivers.
    fn articles_markdown(&self, out: &mut String, top: Option<usize>) {
        let moved = self.moved().count();
        let shown = top.map_or(moved, |t| t.min(moved));
        let _ = writeln!(out, "## Articles that moved\n");
        if moved == 0 {
            let _ = writeln!(out, "none\n");
        } else {
            if shown < moved {
                let _ = writeln!(
                    out,
                    "The {shown} largest moves of {moved} (`--top`; every article: `--csv`).\n"
                );
            }
            let _ = writeln!(
                out,
                "| article | outlet | base | new | Δ | rank | drivers (Δ points) |"
            );
            let _ = writeln!(out, "|---|---|---:|---:|---:|---|---|");
            for c in self.moved().take(shown) {
                let _ = writeln!(
                    out,
                    "| {} | {} | {:.2} | {:.2} | {} | {} → {} | {} |",
                    c.id.replace('|', "\\|"),
                    c.outlet.replace('|', "\\|"),
                    c.base,
                    c.new,
                    signed(c.delta()),
                    c.rank_base,
                    c.rank_new,
                    c.drivers()
                );
            }
            out.push('\n');
        }
    }

    /// "Outlets that moved": mean reliability, what drove it (Δ points)
    /// and the component means, largest move first.
    fn outlets_markdown(&self, out: &mut String, top: Option<usize>) {
        let changed: Vec<&OutletChange> = self
            .outlets
            .iter()
            .filter(|o| {
                o.base != o.new || !o.components_moved().is_empty() || !o.drivers().is_empty()
            })
            .collect();
        let shown = top.map_or(changed.len(), |t| t.min(changed.len()));
        let _ = writeln!(out, "## Outlets that moved\n");
        if changed.is_empty() {
            let _ = writeln!(out, "none\n");
        } else {
            if shown < changed.len() {
                let _ = writeln!(
                    out,
                    "The {shown} largest moves of {} (`--top`).\n",
                    changed.len()
                );
            }
            let _ = writeln!(
                out,
                "| outlet | base | new | Δ | drivers (mean Δ points) | components (Δ mean) |\n\
                 |---|---:|---:|---:|---|---|"
            );
            let f = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{v:.2}"));
            for o in changed.into_iter().take(shown) {
                let d = o.delta().map_or("—".to_string(), signed);
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {d} | {} | {} |",
                    o.outlet.replace('|', "\\|"),
                    f(o.base),
                    f(o.new),
                    o.drivers(),
                    o.components_moved()
                );
            }
            out.push('\n');
        }
    }

    /// The diff as CSV: one row per article in either run.
    pub fn write_csv<W: Write>(&self, w: W) -> io::Result<()> {
        let mut columns = vec![
            "article_id".to_string(),
            "status".to_string(),
            "outlet".to_string(),
            "reliability_base".to_string(),
            "reliability_new".to_string(),
            "delta".to_string(),
            "rank_base".to_string(),
            "rank_new".to_string(),
        ];
        columns.extend(ALL.iter().map(|m| format!("{}_delta", m.name())));
        columns.push("drivers".to_string());
        // Appended: the change of each component's points, which a weight
        // change moves while the component values stay put.
        columns.extend(ALL.iter().map(|m| format!("{}_points_delta", m.name())));
        let names: Vec<&str> = columns.iter().map(String::as_str).collect();
        let mut out = csv_writer(w, &names)?;
        for c in &self.changes {
            let mut rec = vec![
                safe(&c.id).into_owned(),
                if c.delta().abs() >= EPSILON {
                    "moved"
                } else {
                    "same"
                }
                .to_string(),
                safe(&c.outlet).into_owned(),
                format!("{:.2}", c.base),
                format!("{:.2}", c.new),
                format!("{:.2}", c.delta()),
                c.rank_base.to_string(),
                c.rank_new.to_string(),
            ];
            rec.extend(c.component_deltas.iter().map(|d| format!("{d:.4}")));
            rec.push(safe(&c.drivers()).into_owned());
            rec.extend(c.point_deltas.iter().map(|d| format!("{d:.2}")));
            out.write_record(&rec)?;
        }
        let empty = vec![String::new(); 2 * ALL.len() + 7];
        for (status, ids) in [("added", &self.added), ("removed", &self.removed)] {
            for id in ids {
                let mut rec = vec![safe(id).into_owned(), status.to_string()];
                rec.extend(empty.iter().cloned());
                out.write_record(&rec)?;
            }
        }
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weight_changes_show_as_config_keys_and_points() {
        let articles = "article_id,outlet,reliability,rank,sourcing,quote_density\n\
                        a,X,50.00,1,0.4,0.15\nb,Y,40.00,2,0.4,0.0\n";
        let outlets =
            "outlet,reliability,sourcing,quote_density\nX,50.00,0.4,0.15\nY,40.00,0.4,0.0\n";
        let off = Config::from_toml("[weights]\nquote_density = 0.0\n", "t").unwrap();
        let base = Run::read(
            "b",
            articles.as_bytes(),
            outlets.as_bytes(),
            Some(Config::default()),
        );
        let new = Run::read("n", articles.as_bytes(), outlets.as_bytes(), Some(off));
        let d = diff(&base.unwrap(), &new.unwrap());
        assert_eq!(
            d.config_changes,
            [("weights.quote_density".into(), "1.0".into(), "0.0".into())]
        );
        // The values did not move, the points did: X loses its quote density points.
        assert!(d
            .changes
            .iter()
            .all(|c| c.component_deltas.iter().all(|&v| v == 0.0)));
        let x = d.changes.iter().find(|c| c.id == "a").unwrap();
        assert!(
            (x.point_deltas[3] + 100.0 / 7.0).abs() < 1e-9,
            "{:?}",
            x.point_deltas
        );
        assert!(d.outlets[0].drivers().starts_with("quote_density −14.29"));
        let md = d.markdown(Some(1));
        assert!(
            md.contains("| `weights.quote_density` | `1.0` | `0.0` |"),
            "{md}"
        );
    }

    #[test]
    fn the_gate_compares_what_it_shows() {
        let run = |r: &str| {
            let a = format!("article_id,outlet,reliability,rank\na,X,{r},1\n");
            Run::read(
                "r",
                a.as_bytes(),
                "outlet,reliability\nX,1\n".as_bytes(),
                None,
            )
            .unwrap()
        };
        let d = diff(&run("50.00"), &run("54.31"));
        assert_eq!(d.gate(4.31), None);
        assert!(d.gate(4.30).unwrap().contains("4.31 points (limit 4.30)"));
    }

    #[test]
    fn spearman_of_identical_and_reversed() {
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0]), Some(1.0));
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
        assert_eq!(spearman(&[1.0], &[1.0]), None);
    }

    #[test]
    fn identical_runs_do_not_move() {
        let csv = "article_id,outlet,reliability,rank,sourcing\na,X,50.00,2,0.5\nb,Y,70.00,1,0.7\n";
        let outlets = "outlet,reliability\nX,50.00\nY,70.00\n";
        let r = Run::read("r", csv.as_bytes(), outlets.as_bytes(), None).unwrap();
        let d = diff(&r, &r);
        assert_eq!(d.max_move(), 0.0);
        assert_eq!(d.moved().count(), 0);
        assert_eq!(d.spearman, Some(1.0));
    }

    #[test]
    fn component_changes_are_the_drivers() {
        let outlets = |v: &str| format!("outlet,reliability,sourcing\nX,{v},0.5000\n");
        let base = Run::read(
            "base",
            "article_id,outlet,reliability,rank,sourcing\na,X,50.00,1,0.4\n".as_bytes(),
            outlets("50.00").as_bytes(),
            None,
        )
        .unwrap();
        let new = Run::read(
            "new",
            "article_id,outlet,reliability,rank,sourcing\na,X,60.00,1,0.8\nb,X,60.00,1,0.8\n"
                .as_bytes(),
            "outlet,reliability,sourcing\nX,60.00,0.8000\n".as_bytes(),
            None,
        )
        .unwrap();
        let d = diff(&base, &new);
        assert_eq!(d.added, ["b"]);
        assert_eq!(d.max_move(), 10.0);
        assert!(
            d.changes[0].drivers().starts_with("sourcing +"),
            "{}",
            d.changes[0].drivers()
        );
        assert_eq!(d.outlets[0].components_moved(), "sourcing +0.3000");
        // Every CSV record has the header's fields, the added article's too.
        let mut csv = Vec::new();
        d.write_csv(&mut csv).unwrap();
        let mut r = csv::Reader::from_reader(csv.as_slice());
        let fields = r.headers().unwrap().len();
        let records: Vec<_> = r.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), 2);
        assert!(records.iter().all(|rec| rec.len() == fields));
        assert_eq!(&records[1][1], "added");
        let md = d.markdown(None);
        assert!(
            md.contains("| X | 50.00 | 60.00 | +10.00 | sourcing +14.29 | sourcing +0.3000 |"),
            "{md}"
        );
    }
}
