//! Typed sources against hand annotations: what a reader checks on a card.
//!
//! The gold file (`annotations/sources/dev.tsv` in the repository) lists,
//! per article, every source the article credits with a statement, a claim
//! or a belief: its canonical name (aliases separated by `|`), its type, how
//! many attributions credit it, and the character offsets of one mention
//! where it is credited (the anchor). Columns, tab-separated, header first:
//! `article_id, corpus, name, type, attributions, anchor_start, anchor_end`.
//!
//! A predicted source matches a gold source of the same article when their
//! names agree after normalising (case, a leading "the", a trailing
//! possessive, periods, curly apostrophes), or, for a source that is not a
//! person (an unnamed official, an organisation, a document, whose wording
//! varies), when one of its mentions overlaps the gold anchor. Matching is
//! one-to-one, gold sources in file order. A *typed* match also needs the
//! same type. Every predicted source counts, `unknown` ones included: a
//! reader sees them on the card.

use super::scoring::Counts;
use crate::error::ExtractError;
use crate::extraction::{Extraction, SourceType};
use crate::text::CharSpan;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One annotated source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSource {
    /// The article.
    pub article_id: String,
    /// The canonical name and its accepted aliases.
    pub names: Vec<String>,
    /// Its type.
    pub kind: SourceType,
    /// How many attributions credit it.
    pub attributions: usize,
    /// One mention where it is credited (character offsets).
    pub anchor: CharSpan,
}

/// Read a gold file; errors name the line.
pub fn read_gold(path: &Path) -> Result<Vec<GoldSource>, ExtractError> {
    let text = std::fs::read_to_string(path).map_err(|e| ExtractError::io(path, e))?;
    let mut gold = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |why: &str| ExtractError::input(path, line_no, why.to_string());
        let cols: Vec<&str> = line.split('\t').collect();
        let [article_id, _corpus, name, kind, attributions, start, end] = cols[..] else {
            return Err(bad("expected 7 tab-separated columns"));
        };
        let kind = parse_kind(kind).ok_or_else(|| bad("unknown type"))?;
        let number = |s: &str, what: &str| {
            s.parse::<usize>()
                .map_err(|_| bad(&format!("{what} is not a number")))
        };
        let (start, end) = (number(start, "anchor_start")?, number(end, "anchor_end")?);
        if end <= start {
            return Err(bad("anchor_end must be after anchor_start"));
        }
        gold.push(GoldSource {
            article_id: article_id.to_string(),
            names: name.split('|').map(str::to_string).collect(),
            kind,
            attributions: number(attributions, "attributions")?,
            anchor: CharSpan::new(start, end),
        });
    }
    Ok(gold)
}

fn parse_kind(s: &str) -> Option<SourceType> {
    Some(match s {
        "person" => SourceType::Person,
        "organization" => SourceType::Organization,
        "outlet" => SourceType::Outlet,
        "document" => SourceType::Document,
        "anonymous" => SourceType::Anonymous,
        "unknown" => SourceType::Unknown,
        _ => return None,
    })
}

/// Lowercased, without a leading "the", a trailing possessive, periods and
/// curly apostrophes, whitespace collapsed.
pub fn normalise(name: &str) -> String {
    let lower = name
        .to_lowercase()
        .replace(['’', '‘'], "'")
        .replace('.', "");
    let lower = lower.trim();
    let lower = lower.strip_prefix("the ").unwrap_or(lower);
    let lower = lower.strip_suffix("'s").unwrap_or(lower);
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Scores of typed sources over a set of articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SourceEvaluation {
    /// Articles scored.
    pub articles: usize,
    /// Sources matched by name (or anchor), whatever their type.
    pub sources: Counts,
    /// Sources matched with the right type.
    pub typed: Counts,
    /// Per gold type: gold sources and how many were matched with that type.
    pub by_type: BTreeMap<String, Counts>,
    /// Sum over matched sources of |predicted − gold| attributions.
    pub attribution_error: usize,
    /// Matched sources (the denominator of the mean attribution error).
    pub matched: usize,
    /// Per article: gold sources missed and predicted sources that matched
    /// nothing, as `name (type)`.
    pub errors: BTreeMap<String, ArticleErrors>,
}

/// What one article got wrong.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ArticleErrors {
    /// Gold sources not matched (or matched with the wrong type, marked).
    pub missed: Vec<String>,
    /// Predicted sources that match no gold source.
    pub extra: Vec<String>,
}

impl SourceEvaluation {
    /// Recall of the gold anonymous sources, typed.
    pub fn anonymous_recall(&self) -> f64 {
        self.by_type
            .get(SourceType::Anonymous.as_str())
            .map_or(0.0, Counts::recall)
    }

    /// Mean absolute error of the attribution count of matched sources.
    pub fn mean_attribution_error(&self) -> f64 {
        if self.matched == 0 {
            0.0
        } else {
            self.attribution_error as f64 / self.matched as f64
        }
    }
}

/// Score `extractions` against `gold` (only articles with gold count).
pub fn score_sources(gold: &[GoldSource], extractions: &[Extraction]) -> SourceEvaluation {
    let mut by_article: BTreeMap<&str, Vec<&GoldSource>> = BTreeMap::new();
    for g in gold {
        by_article.entry(&g.article_id).or_default().push(g);
    }
    let mut eval = SourceEvaluation::default();
    for e in extractions {
        let Some(golds) = by_article.get(e.article_id.as_str()) else {
            continue;
        };
        eval.articles += 1;
        let mut credited = vec![0usize; e.sources.len()];
        for a in &e.attributions {
            if let Some(s) = a.source {
                credited[s] += 1;
            }
        }
        let mut used = vec![false; e.sources.len()];
        let mut errors = ArticleErrors::default();
        for g in golds {
            let names: Vec<String> = g.names.iter().map(|n| normalise(n)).collect();
            let by_name = |i: usize| names.contains(&normalise(&e.sources[i].name));
            let by_anchor = |i: usize| {
                g.kind != SourceType::Person
                    && e.sources[i]
                        .mentions
                        .iter()
                        .any(|m| m.start < g.anchor.end && g.anchor.start < m.end)
            };
            let found = (0..e.sources.len())
                .find(|&i| !used[i] && by_name(i))
                .or_else(|| (0..e.sources.len()).find(|&i| !used[i] && by_anchor(i)));
            let kind = g.kind.as_str().to_string();
            let entry = eval.by_type.entry(kind).or_default();
            entry.gold += 1;
            match found {
                Some(i) => {
                    used[i] = true;
                    eval.sources.true_positives += 1;
                    eval.matched += 1;
                    eval.attribution_error += credited[i].abs_diff(g.attributions);
                    if e.sources[i].kind == g.kind {
                        eval.typed.true_positives += 1;
                        entry.true_positives += 1;
                    } else {
                        errors.missed.push(format!(
                            "{} ({}, predicted {})",
                            g.names[0],
                            g.kind.as_str(),
                            e.sources[i].kind.as_str()
                        ));
                    }
                }
                None => errors
                    .missed
                    .push(format!("{} ({})", g.names[0], g.kind.as_str())),
            }
        }
        for (i, s) in e.sources.iter().enumerate() {
            if !used[i] {
                errors
                    .extra
                    .push(format!("{} ({})", s.name, s.kind.as_str()));
            }
        }
        eval.sources.gold += golds.len();
        eval.typed.gold += golds.len();
        eval.sources.predicted += e.sources.len();
        eval.typed.predicted += e.sources.len();
        for (kind, c) in eval.by_type.iter_mut() {
            let predicted = e.sources.iter().filter(|s| s.kind.as_str() == kind).count();
            c.predicted += predicted;
        }
        if !errors.missed.is_empty() || !errors.extra.is_empty() {
            eval.errors.insert(e.article_id.clone(), errors);
        }
    }
    eval
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extraction::Source;

    #[test]
    fn names_match_after_normalising_and_unnamed_sources_by_anchor() {
        assert_eq!(normalise("The New York Times"), "new york times");
        assert_eq!(normalise("Bill O’Reilly"), "bill o'reilly");
        assert_eq!(normalise("Donald Trump Jr."), "donald trump jr");
        let source = |name: &str, kind, start, end| Source {
            name: name.into(),
            kind,
            mentions: vec![CharSpan::new(start, end)],
        };
        let article = crate::corpus::Article {
            id: "a".into(),
            text: "x".into(),
            ..crate::corpus::Article::default()
        };
        let mut e = crate::extract_article(&article, crate::Tagger::embedded());
        e.attributions.clear();
        e.sources = vec![
            source("Donald Trump Jr", SourceType::Person, 0, 5),
            source("a source", SourceType::Anonymous, 40, 48),
            source("Kyiv", SourceType::Person, 60, 64),
        ];
        let gold = |name: &str, kind, start, end| GoldSource {
            article_id: "a".into(),
            names: vec![name.into()],
            kind,
            attributions: 0,
            anchor: CharSpan::new(start, end),
        };
        let g = [
            gold("Donald Trump Jr.", SourceType::Person, 100, 110),
            gold(
                "a source familiar with the matter",
                SourceType::Anonymous,
                40,
                70,
            ),
            gold("Ushakov", SourceType::Person, 60, 64),
        ];
        let s = score_sources(&g, &[e]);
        assert_eq!(
            (
                s.sources.true_positives,
                s.sources.gold,
                s.sources.predicted
            ),
            (2, 3, 3)
        );
        assert_eq!(s.typed.true_positives, 2);
        assert_eq!(s.anonymous_recall(), 1.0);
        assert_eq!(s.errors["a"].extra, ["Kyiv (person)"]);
    }
}
