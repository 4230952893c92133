//! Scoring extracted attributions against gold brat annotations.
//!
//! For each span type (Source, Cue, Content): precision, recall and F1 under
//! *exact* match (same start and end) and *overlap* match (intersection over
//! union ≥ 0.5), with one-to-one matching. *Relation* F1 counts a predicted
//! attribution as correct when one unmatched gold attribution has a content
//! span that overlaps it (IoU ≥ 0.5) and a source that overlaps it too (or
//! neither has a source).

use super::brat::{Annotations, BratAttribution};
use crate::text::CharSpan;
use serde::Serialize;

/// Minimum intersection-over-union for an overlap match.
pub const OVERLAP_IOU: f64 = 0.5;

/// Counts behind one P/R/F1 figure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predicted items that matched.
    pub true_positives: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.predicted)
    }
    /// Recall (0 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The evaluation of a whole corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Evaluation {
    /// Articles scored.
    pub articles: usize,
    /// Source spans, exact match.
    pub source_exact: Counts,
    /// Source spans, overlap match.
    pub source_overlap: Counts,
    /// Cue spans, exact match.
    pub cue_exact: Counts,
    /// Cue spans, overlap match.
    pub cue_overlap: Counts,
    /// Content spans, exact match.
    pub content_exact: Counts,
    /// Content spans, overlap match.
    pub content_overlap: Counts,
    /// Attributions (source + content overlapping one gold attribution).
    pub relation: Counts,
}

impl Evaluation {
    /// Score one article's predictions (character offsets) against its gold.
    pub fn add_article(&mut self, gold: &Annotations, predicted: &[BratAttribution]) {
        self.articles += 1;
        let collect = |f: fn(&BratAttribution) -> Option<CharSpan>| {
            let mut v: Vec<CharSpan> = predicted.iter().filter_map(f).collect();
            v.sort();
            v.dedup();
            v
        };
        let (src, cue, con) = (
            collect(|a| a.source),
            collect(|a| a.cue),
            collect(|a| a.content),
        );
        self.source_exact
            .add(match_spans(&gold.sources, &src, |a, b| a == b));
        self.source_overlap
            .add(match_spans(&gold.sources, &src, overlaps));
        self.cue_exact
            .add(match_spans(&gold.cues, &cue, |a, b| a == b));
        self.cue_overlap
            .add(match_spans(&gold.cues, &cue, overlaps));
        self.content_exact
            .add(match_spans(&gold.contents, &con, |a, b| a == b));
        self.content_overlap
            .add(match_spans(&gold.contents, &con, overlaps));
        self.relation
            .add(match_relations(&gold.attributions, predicted));
    }

    /// Add another evaluation's counts to this one.
    pub fn merge(&mut self, other: &Evaluation) {
        self.articles += other.articles;
        self.source_exact.add(other.source_exact);
        self.source_overlap.add(other.source_overlap);
        self.cue_exact.add(other.cue_exact);
        self.cue_overlap.add(other.cue_overlap);
        self.content_exact.add(other.content_exact);
        self.content_overlap.add(other.content_overlap);
        self.relation.add(other.relation);
    }

    /// Rows `(label, exact, overlap)` for a table.
    pub fn rows(&self) -> [(&'static str, Counts, Counts); 3] {
        [
            ("Source", self.source_exact, self.source_overlap),
            ("Cue", self.cue_exact, self.cue_overlap),
            ("Content", self.content_exact, self.content_overlap),
        ]
    }
}

fn overlaps(a: CharSpan, b: CharSpan) -> bool {
    a.iou(b) >= OVERLAP_IOU
}

fn match_spans(
    gold: &[CharSpan],
    predicted: &[CharSpan],
    matches: impl Fn(CharSpan, CharSpan) -> bool,
) -> Counts {
    one_to_one(gold, predicted, |g, p| matches(*g, *p))
}

fn match_relations(gold: &[BratAttribution], predicted: &[BratAttribution]) -> Counts {
    one_to_one(gold, predicted, |g, p| {
        let content = match (g.content, p.content) {
            (Some(a), Some(b)) => overlaps(a, b),
            _ => false,
        };
        let source = match (g.source, p.source) {
            (Some(a), Some(b)) => overlaps(a, b),
            (None, None) => true,
            _ => false,
        };
        content && source
    })
}

/// Greedy one-to-one matching: each prediction, in order, takes the first
/// unused gold item it matches.
fn one_to_one<T>(gold: &[T], predicted: &[T], matches: impl Fn(&T, &T) -> bool) -> Counts {
    let mut used = vec![false; gold.len()];
    let mut tp = 0;
    for p in predicted {
        if let Some(g) = (0..gold.len()).find(|&g| !used[g] && matches(&gold[g], p)) {
            used[g] = true;
            tp += 1;
        }
    }
    Counts {
        true_positives: tp,
        predicted: predicted.len(),
        gold: gold.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn att(s: (usize, usize), c: (usize, usize), o: (usize, usize)) -> BratAttribution {
        BratAttribution {
            source: Some(CharSpan::new(s.0, s.1)),
            cue: Some(CharSpan::new(c.0, c.1)),
            content: Some(CharSpan::new(o.0, o.1)),
        }
    }

    #[test]
    fn exact_overlap_and_relation_counts() {
        let gold_att = att((0, 5), (6, 10), (11, 40));
        let gold = Annotations {
            sources: vec![CharSpan::new(0, 5)],
            cues: vec![CharSpan::new(6, 10)],
            contents: vec![CharSpan::new(11, 40)],
            attributions: vec![gold_att],
        };
        let mut e = Evaluation::default();
        e.add_article(
            &gold,
            &[
                att((0, 5), (6, 10), (12, 40)),
                att((50, 55), (56, 60), (61, 70)),
            ],
        );
        assert_eq!(
            e.source_exact,
            Counts {
                true_positives: 1,
                predicted: 2,
                gold: 1
            }
        );
        assert_eq!(e.content_exact.true_positives, 0);
        assert_eq!(e.content_overlap.true_positives, 1);
        assert_eq!(
            e.relation,
            Counts {
                true_positives: 1,
                predicted: 2,
                gold: 1
            }
        );
        assert!((e.relation.f1() - 2.0 / 3.0).abs() < 1e-12);
    }
}
