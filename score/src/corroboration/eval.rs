//! Measuring the matcher against a corpus whose articles are labelled with
//! the story (event) they cover, such as BASIL: a cross-outlet match is right
//! when both articles cover the same story.

use super::Corroboration;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corroboration::{ClaimMatch, ClaimRef, Relation};

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
}
