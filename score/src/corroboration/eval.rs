//! Measuring the matcher against labelled data:
//!
//! - a corpus whose articles are labelled with the story (event) they cover,
//!   such as BASIL ([`evaluate`]): a cross-outlet match is right when both
//!   articles cover the same story. This checks the *story*, not the fact.
//! - labelled sentence pairs, such as MRPC ([`evaluate_pairs`]): each pair's
//!   two sentences become two one-sentence articles from two outlets, and the
//!   pair counts as matched when the matcher links them. This checks the
//!   *fact*: MRPC's negatives are mostly the same story told with different
//!   content. Matches between sentences of different pairs are counted too:
//!   in a real corpus those are the false matches that outnumber the rest.

use super::{Corroboration, Relation};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How well matches stay inside stories.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryEvaluation {
    /// Cross-outlet claim matches (each pair once) between labelled articles.
    pub matches: usize,
    /// Of those, matches whose two articles cover the same story.
    pub same_story: usize,
    /// `same_story / matches`.
    pub precision: f64,
    /// Stories covered by articles from at least two outlets.
    pub stories: usize,
    /// Of those, stories with at least one match inside the story.
    pub stories_matched: usize,
    /// `stories_matched / stories`.
    pub coverage: f64,
}

/// Score `corroboration` against `stories[i]`, the story of article `i`
/// (`None` when unlabelled: its matches are not counted), with `outlets[i]`
/// its outlet.
pub fn evaluate(
    corroboration: &Corroboration,
    stories: &[Option<&str>],
    outlets: &[&str],
) -> StoryEvaluation {
    let mut multi_outlet: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (story, outlet) in stories.iter().zip(outlets) {
        if let Some(s) = story {
            multi_outlet.entry(s).or_default().insert(outlet);
        }
    }
    let eligible: BTreeSet<&str> = multi_outlet
        .iter()
        .filter(|(_, o)| o.len() >= 2)
        .map(|(s, _)| *s)
        .collect();
    let (mut matches, mut same_story) = (0, 0);
    let mut matched: BTreeSet<&str> = BTreeSet::new();
    for m in &corroboration.matches {
        // Each pair appears in both directions; count it once.
        if m.claim > m.other {
            continue;
        }
        let (Some(a), Some(b)) = (stories[m.claim.article], stories[m.other.article]) else {
            continue;
        };
        matches += 1;
        if a == b {
            same_story += 1;
            matched.insert(a);
        }
    }
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    let stories_matched = matched.intersection(&eligible).count();
    StoryEvaluation {
        matches,
        same_story,
        precision: ratio(same_story, matches),
        stories: eligible.len(),
        stories_matched,
        coverage: ratio(stories_matched, eligible.len()),
    }
}

/// How well the matcher recovers labelled sentence pairs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairEvaluation {
    /// Labelled pairs.
    pub pairs: usize,
    /// Pairs labelled "same meaning".
    pub positive: usize,
    /// Pairs the matcher linked.
    pub matched: usize,
    /// Linked pairs labelled "same meaning".
    pub true_positive: usize,
    /// `true_positive / matched`.
    pub precision: f64,
    /// `true_positive / positive`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Share of pairs whose matched / not matched agrees with the label.
    pub accuracy: f64,
    /// Pairs linked only by a conflict (same fact, different numbers): not
    /// counted as matched.
    pub conflicted: usize,
    /// Of those, pairs labelled "same meaning".
    pub conflicted_positive: usize,
    /// Corroborating claim pairs (each once) between articles of two
    /// different labelled pairs that share no sentence.
    pub unrelated_matches: usize,
    /// `unrelated_matches` per 1,000 articles.
    pub unrelated_per_1000: f64,
    /// Same-meaning pairs whose two sentences both hold a check-worthy claim
    /// (only those can be matched: corroboration compares check-worthy
    /// claims).
    pub positive_checkworthy: usize,
    /// `true_positive / positive_checkworthy`.
    pub recall_checkworthy: f64,
    /// Articles (two per pair).
    pub articles: usize,
}

/// Score `corroboration` over articles built from labelled pairs: article
/// `2i` is pair `i`'s first sentence and `2i + 1` its second; `labels[i]`
/// says whether they mean the same; `sentence_ids[a]` is article `a`'s
/// sentence id (a sentence can appear in several pairs, and a match between
/// two pairs that share a sentence is not counted as unrelated). Only
/// corroborations link a pair: a conflict says the two differ.
pub fn evaluate_pairs(
    corroboration: &Corroboration,
    labels: &[bool],
    sentence_ids: &[&str],
    checkworthy: &[bool],
) -> PairEvaluation {
    let n = labels.len();
    let mut linked = vec![false; n];
    let mut conflicted = vec![false; n];
    let mut unrelated = 0;
    for m in &corroboration.matches {
        if m.claim > m.other {
            continue;
        }
        let (a, b) = (m.claim.article, m.other.article);
        let (pa, pb) = (a / 2, b / 2);
        if pa == pb {
            match m.relation {
                Relation::Corroborates => linked[pa] = true,
                Relation::Conflicts => conflicted[pa] = true,
            }
            continue;
        }
        if m.relation == Relation::Conflicts {
            continue;
        }
        let ids = |p: usize| [sentence_ids[2 * p], sentence_ids[2 * p + 1]];
        let (ia, ib) = (ids(pa), ids(pb));
        if !ia.iter().any(|s| ib.contains(s)) {
            unrelated += 1;
        }
    }
    let positive = labels.iter().filter(|&&l| l).count();
    let matched = linked.iter().filter(|&&l| l).count();
    let true_positive = linked.iter().zip(labels).filter(|&(&l, &t)| l && t).count();
    let agree = linked.iter().zip(labels).filter(|&(l, t)| l == t).count();
    let only_conflicted = |p: usize| conflicted[p] && !linked[p];
    let conflicted_positive = (0..n).filter(|&p| only_conflicted(p) && labels[p]).count();
    let conflicted = (0..n).filter(|&p| only_conflicted(p)).count();
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    let (precision, recall) = (
        ratio(true_positive, matched),
        ratio(true_positive, positive),
    );
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    let articles = 2 * n;
    let positive_checkworthy = (0..n)
        .filter(|&p| labels[p] && checkworthy[2 * p] && checkworthy[2 * p + 1])
        .count();
    PairEvaluation {
        pairs: n,
        positive,
        matched,
        true_positive,
        precision,
        recall,
        f1,
        accuracy: ratio(agree, n),
        conflicted,
        conflicted_positive,
        unrelated_matches: unrelated,
        unrelated_per_1000: ratio(unrelated * 1000, articles),
        positive_checkworthy,
        recall_checkworthy: ratio(true_positive, positive_checkworthy),
        articles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corroboration::{ClaimMatch, ClaimRef};

    fn m(a: usize, b: usize) -> [ClaimMatch; 2] {
        let (x, y) = (
            ClaimRef {
                article: a,
                claim: 0,
            },
            ClaimRef {
                article: b,
                claim: 0,
            },
        );
        let one = |claim, other| ClaimMatch {
            claim,
            other,
            similarity: 0.9,
            confidence: 0.9,
            relation: Relation::Corroborates,
        };
        [one(x, y), one(y, x)]
    }

    #[test]
    fn precision_and_coverage() {
        let mut c = Corroboration::default();
        c.matches.extend(m(0, 1)); // same story s1
        c.matches.extend(m(1, 2)); // s1 vs s2: wrong
        let stories = [Some("s1"), Some("s1"), Some("s2"), Some("s2")];
        let outlets = ["A", "B", "A", "B"];
        let e = evaluate(&c, &stories, &outlets);
        assert_eq!(
            (e.matches, e.same_story, e.stories, e.stories_matched),
            (2, 1, 2, 1)
        );
        assert_eq!((e.precision, e.coverage), (0.5, 0.5));
    }
    #[test]
    fn pairs_precision_recall_and_unrelated_matches() {
        let mut c = Corroboration::default();
        c.matches.extend(m(0, 1)); // pair 0 linked (labelled same)
        c.matches.extend(m(2, 3)); // pair 1 linked (labelled different)
        c.matches.extend(m(0, 5)); // pair 0 with pair 2: unrelated
        c.matches.extend(m(2, 7)); // pair 1 with pair 3: they share sentence "s2"
        let labels = [true, false, true, true];
        let ids = ["s0", "s1", "s2", "s3", "s4", "s5", "s2", "s6"];
        let checkworthy = [true, true, true, true, true, false, true, true];
        let e = evaluate_pairs(&c, &labels, &ids, &checkworthy);
        assert_eq!((e.matched, e.true_positive, e.positive), (2, 1, 3));
        assert_eq!((e.precision, e.accuracy), (0.5, 0.25));
        assert!((e.recall - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(e.unrelated_matches, 1);
        assert_eq!(e.unrelated_per_1000, 125.0);
        // Pair 2's second sentence has no check-worthy claim.
        assert_eq!((e.positive_checkworthy, e.recall_checkworthy), (2, 0.5));
    }
}
