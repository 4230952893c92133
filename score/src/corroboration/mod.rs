//! Cross-outlet corroboration: which check-worthy claims another outlet also
//! reports, which it reports with different numbers, and which articles are
//! syndicated copies of each other.
//!
//! 1. [`normalize`] every claim into terms (stems and numbers);
//! 2. find candidate pairs with an inverted index over each claim's rarest
//!    terms ([`index`]), never comparing every claim with every other;
//! 3. verify each candidate with an IDF-weighted cosine similarity, keep
//!    pairs from different outlets inside the date window at or above
//!    `min_similarity`, and call a pair a conflict when both give a number
//!    for the same unit and the numbers differ;
//! 4. find syndicated articles ([`syndication`]) and drop the matches
//!    between them: a copy is not a second source.

pub mod eval;
pub mod index;
pub mod normalize;
pub mod syndication;

use crate::config::CorroborationConfig;
use chrono::{Datelike, NaiveDate};
use normalize::{normalize, Normalized, Quantity};
use rayon::prelude::*;
use serde::Serialize;

/// One article's claims, as the matcher sees them.
#[derive(Debug, Clone)]
pub struct ArticleClaims<'a> {
    /// The outlet (or the article id when it has none).
    pub outlet: &'a str,
    /// Publication date, when known.
    pub date: Option<NaiveDate>,
    /// `(index of the claim in its article, claim text)` for each check-worthy claim.
    pub claims: Vec<(usize, &'a str)>,
}

/// A claim: its article (index into the input) and its index in that article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ClaimRef {
    /// Index of the article.
    pub article: usize,
    /// Index of the claim in its article.
    pub claim: usize,
}

/// How two matched claims relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// They report the same thing.
    Corroborates,
    /// They report the same thing with different numbers.
    Conflicts,
}

impl Relation {
    /// The name used in `matches.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Corroborates => "corroborates",
            Relation::Conflicts => "conflicts",
        }
    }
}

/// A match between claims of two articles from different outlets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimMatch {
    /// The claim.
    pub claim: ClaimRef,
    /// The claim from the other outlet.
    pub other: ClaimRef,
    /// IDF-weighted cosine similarity, 0..1.
    pub similarity: f64,
    /// Corroborates or conflicts.
    pub relation: Relation,
}

/// What the matcher found.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Corroboration {
    /// Every match in both directions, sorted by claim then other claim.
    pub matches: Vec<ClaimMatch>,
    /// For each article, the articles it is a syndicated copy of (sorted).
    pub syndicated: Vec<Vec<usize>>,
    /// Claims that took part (check-worthy claims of every article).
    pub claims: usize,
    /// Candidate pairs the index proposed and the similarity checked.
    pub candidates: usize,
}

impl Corroboration {
    /// Matched claim pairs (each pair once; `matches` lists both directions).
    pub fn match_pairs(&self) -> usize {
        self.matches.len() / 2
    }

    /// Matched pairs that conflict.
    pub fn conflict_pairs(&self) -> usize {
        self.matches
            .iter()
            .filter(|m| m.relation == Relation::Conflicts)
            .count()
            / 2
    }

    /// Syndicated article pairs.
    pub fn syndicated_pairs(&self) -> usize {
        self.syndicated.iter().map(Vec::len).sum::<usize>() / 2
    }

    /// The matches of one claim (a contiguous run of [`Corroboration::matches`]).
    pub fn matches_of(&self, claim: ClaimRef) -> &[ClaimMatch] {
        let start = self.matches.partition_point(|m| m.claim < claim);
        let end = self.matches.partition_point(|m| m.claim <= claim);
        &self.matches[start..end]
    }
}

/// A claim ready for matching.
struct Prepared {
    at: ClaimRef,
    quantities: Vec<Quantity>,
}

/// Every claim's weighted terms end to end, with the claims' norms: the
/// verification loop reads a candidate's terms from one array rather than
/// chasing a separate allocation per claim.
struct TermTable {
    /// Claim `i`'s terms are `terms[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<usize>,
    /// `(term id, weight)`, sorted by term id within each claim.
    terms: Vec<(u32, f32)>,
    norms: Vec<f32>,
}

impl TermTable {
    fn of(&self, claim: usize) -> &[(u32, f32)] {
        &self.terms[self.offsets[claim]..self.offsets[claim + 1]]
    }
}

/// Articles normalised at a time (bounds the claim strings alive at once).
const NORMALIZE_CHUNK: usize = 2048;

/// Match the check-worthy claims of `articles` across outlets.
pub fn corroborate(articles: &[ArticleClaims], config: &CorroborationConfig) -> Corroboration {
    let (vocab, claims, table) = prepare(articles);
    let postings = index::Postings::build(&vocab, (0..claims.len()).map(|c| table.of(c)));
    let meta = claim_meta(articles, &claims);
    let window = i64::from(config.window_days);
    let may_match = |x: usize, y: usize| {
        let ((oa, da), (ob, db)) = (meta[x], meta[y]);
        oa != ob
            && match (da, db) {
                (Some(da), Some(db)) => (da - db).abs() <= window,
                _ => true,
            }
    };
    let found = verify(&vocab, &table, &postings, may_match, config.min_similarity);
    let candidates = found.iter().map(|(n, _)| n).sum();

    let mut pairs: Vec<(usize, usize, f64)> = found
        .into_iter()
        .enumerate()
        .flat_map(|(x, (_, ys))| ys.into_iter().map(move |(y, s)| (x, y, s)))
        .collect();
    let copies: Vec<(ClaimRef, ClaimRef)> = pairs
        .iter()
        .filter(|&&(_, _, s)| s >= config.copy_similarity)
        .map(|&(x, y, _)| (claims[x].at, claims[y].at))
        .collect();
    let sizes: Vec<usize> = articles.iter().map(|a| a.claims.len()).collect();
    let syndicated = syndication::find(&copies, &sizes, config.syndication_share);
    pairs.retain(|&(x, y, _)| !syndicated[claims[x].at.article].contains(&claims[y].at.article));

    Corroboration {
        matches: both_directions(&pairs, &claims),
        syndicated,
        claims: claims.len(),
        candidates,
    }
}

/// Normalise every check-worthy claim and weigh its terms: the vocabulary,
/// each claim's reference and quantities, and the weighted term table.
///
/// Normalising is the costly part and independent per article, so it runs
/// in parallel; the terms are interned chunk by chunk in article order (so
/// term ids are the same on every run), and each chunk's strings are
/// dropped before the next: a corpus's claims as strings would be most of
/// the matcher's memory.
fn prepare(articles: &[ArticleClaims]) -> (index::Vocabulary, Vec<Prepared>, TermTable) {
    let mut vocab = index::Vocabulary::default();
    let mut interned: Vec<(ClaimRef, Vec<u32>, Vec<Quantity>)> = Vec::new();
    for (c, chunk) in articles.chunks(NORMALIZE_CHUNK).enumerate() {
        let normalized: Vec<Vec<(ClaimRef, Normalized)>> = chunk
            .par_iter()
            .enumerate()
            .map(|(i, art)| {
                art.claims
                    .iter()
                    .map(|&(claim, text)| {
                        let at = ClaimRef {
                            article: c * NORMALIZE_CHUNK + i,
                            claim,
                        };
                        (at, normalize(text))
                    })
                    .collect()
            })
            .collect();
        for (at, n) in normalized.into_iter().flatten() {
            let ids = vocab.intern(&n);
            interned.push((at, ids, n.quantities));
        }
    }
    let mut table = TermTable {
        offsets: vec![0],
        terms: Vec::new(),
        norms: Vec::with_capacity(interned.len()),
    };
    let claims: Vec<Prepared> = interned
        .into_iter()
        .map(|(at, ids, quantities)| {
            let terms = vocab.weigh_ids(&ids);
            table
                .norms
                .push(terms.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt());
            table.terms.extend_from_slice(&terms);
            table.offsets.push(table.terms.len());
            Prepared { at, quantities }
        })
        .collect();
    (vocab, claims, table)
}

/// Each claim's outlet (as a small id) and day, side by side, so the pair
/// filter reads two small arrays instead of chasing each claim to its article.
fn claim_meta(articles: &[ArticleClaims], claims: &[Prepared]) -> Vec<(u32, Option<i64>)> {
    let outlet_ids = {
        let mut ids = std::collections::HashMap::new();
        articles
            .iter()
            .map(|a| {
                let next = ids.len() as u32;
                *ids.entry(a.outlet).or_insert(next)
            })
            .collect::<Vec<u32>>()
    };
    claims
        .iter()
        .map(|c| {
            let a = &articles[c.at.article];
            (
                outlet_ids[c.at.article],
                a.date.map(|d| i64::from(d.num_days_from_ce())),
            )
        })
        .collect()
}

/// For each claim, the number of candidates the index proposed (after the
/// `may_match` filter) and those whose cosine similarity reaches `min_similarity`.
fn verify(
    vocab: &index::Vocabulary,
    table: &TermTable,
    postings: &index::Postings,
    may_match: impl Fn(usize, usize) -> bool + Sync,
    min_similarity: f64,
) -> Vec<(usize, Vec<(usize, f64)>)> {
    (0..table.norms.len())
        .into_par_iter()
        .map_init(
            || (Vec::new(), vec![0.0f32; vocab.len()]),
            |(ys, dense), x| {
                let keep = |y: u32| may_match(x, y as usize);
                postings.candidates_after(vocab, table.of(x), x, keep, ys);
                for &(t, w) in table.of(x) {
                    dense[t as usize] = w;
                }
                let verified = ys
                    .iter()
                    .filter_map(|&y| {
                        let y = y as usize;
                        let sim = cosine(table, x, dense, y);
                        (sim >= min_similarity).then_some((y, sim))
                    })
                    .collect();
                for &(t, _) in table.of(x) {
                    dense[t as usize] = 0.0;
                }
                (ys.len(), verified)
            },
        )
        .collect()
}

/// Every verified pair as two matches, one from each claim, sorted; a pair
/// whose claims count the same unit with different numbers conflicts.
fn both_directions(pairs: &[(usize, usize, f64)], claims: &[Prepared]) -> Vec<ClaimMatch> {
    let mut matches: Vec<ClaimMatch> = Vec::with_capacity(pairs.len() * 2);
    for &(x, y, similarity) in pairs {
        let relation = if conflicting(&claims[x].quantities, &claims[y].quantities) {
            Relation::Conflicts
        } else {
            Relation::Corroborates
        };
        let (a, b) = (claims[x].at, claims[y].at);
        matches.push(ClaimMatch {
            claim: a,
            other: b,
            similarity,
            relation,
        });
        matches.push(ClaimMatch {
            claim: b,
            other: a,
            similarity,
            relation,
        });
    }
    matches.sort_by_key(|m| (m.claim, m.other));
    matches
}

/// Fewest terms two claims must share to match: a name and a number in
/// common ("Trump … 2018") is not the same claim, however rare the name.
pub const MIN_SHARED: usize = 3;

/// IDF-weighted cosine of two claims' term sets; 0 when they share fewer
/// than [`MIN_SHARED`] terms. `x_dense` holds `x`'s weights by term id (0
/// elsewhere; every weight is positive): one array read per term of `y`
/// instead of a branchy merge of two sorted lists, which was the matcher's
/// hottest loop. The products are summed in term-id order either way.
fn cosine(table: &TermTable, x: usize, x_dense: &[f32], y: usize) -> f64 {
    let (mut dot, mut shared) = (0.0f32, 0);
    for &(t, wy) in table.of(y) {
        let wx = x_dense[t as usize];
        // Adding 0.0 for a term `x` lacks leaves the sum unchanged, bit for bit.
        dot += wx * wy;
        shared += usize::from(wx != 0.0);
    }
    let (nx, ny) = (table.norms[x], table.norms[y]);
    if nx == 0.0 || ny == 0.0 || shared < MIN_SHARED {
        return 0.0;
    }
    // Rounded so that the value written (and compared with thresholds) does not
    // depend on float noise.
    (f64::from(dot / (nx * ny)) * 1e4).round() / 1e4
}

/// Both claims count the same unit and share no count for it: "eight phone
/// calls" against "seven phone calls".
fn conflicting(a: &[Quantity], b: &[Quantity]) -> bool {
    a.iter().filter(|q| !q.unit.is_empty()).any(|qa| {
        let counts_b: Vec<f64> = b
            .iter()
            .filter(|q| q.unit == qa.unit)
            .map(|q| q.value)
            .collect();
        !counts_b.is_empty()
            && !a
                .iter()
                .any(|q| q.unit == qa.unit && counts_b.contains(&q.value))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art<'a>(outlet: &'a str, date: Option<NaiveDate>, claims: &[&'a str]) -> ArticleClaims<'a> {
        ArticleClaims {
            outlet,
            date,
            claims: claims.iter().copied().enumerate().collect(),
        }
    }

    fn background() -> Vec<&'static str> {
        vec![
            "The council approved a new budget for the city parks on Monday.",
            "Flooding closed three highways in Iowa after record rainfall.",
            "The Lakers beat the Celtics 101-99 in overtime in Boston.",
            "Apple reported quarterly revenue of 90 billion dollars.",
        ]
    }

    #[test]
    fn same_claim_in_two_outlets_corroborates() {
        let mut a = background();
        a.push("Witkoff advised Ushakov on how Putin should approach Trump about the peace plan.");
        let b = vec![
            "Steve Witkoff advised Yuri Ushakov on how Putin should approach Trump about a peace plan, Bloomberg reported.",
            "Snow is expected in Denver this weekend.",
        ];
        let arts = [art("A", None, &a), art("B", None, &b)];
        let c = corroborate(&arts, &CorroborationConfig::default());
        let m = c.matches_of(ClaimRef {
            article: 0,
            claim: 4,
        });
        assert_eq!(m.len(), 1, "{:?}", c.matches);
        assert_eq!(
            m[0].other,
            ClaimRef {
                article: 1,
                claim: 0
            }
        );
        assert_eq!(m[0].relation, Relation::Corroborates);
        // Both directions, and nothing else.
        assert_eq!(c.matches.len(), 2);
    }

    #[test]
    fn different_numbers_for_the_same_thing_conflict() {
        let a = ["Trump and Putin held eight phone calls since January, the Kremlin said."];
        let b = ["Trump and Putin held seven phone calls since January, according to the Kremlin."];
        let arts = [art("A", None, &a), art("B", None, &b)];
        let c = corroborate(&arts, &CorroborationConfig::default());
        assert_eq!(c.matches.len(), 2, "{:?}", c.matches);
        assert!(c.matches.iter().all(|m| m.relation == Relation::Conflicts));
    }

    #[test]
    fn same_outlet_and_far_apart_dates_do_not_corroborate() {
        let claim = "Trump and Putin held eight phone calls since January, the Kremlin said.";
        let d = |day| NaiveDate::from_ymd_opt(2025, 1, day);
        let same = [art("A", None, &[claim]), art("A", None, &[claim])];
        assert!(corroborate(&same, &CorroborationConfig::default())
            .matches
            .is_empty());
        let far = [art("A", d(1), &[claim]), art("B", d(20), &[claim])];
        assert!(corroborate(&far, &CorroborationConfig::default())
            .matches
            .is_empty());
        let near = [art("A", d(1), &[claim]), art("B", d(5), &[claim])];
        assert_eq!(
            corroborate(&near, &CorroborationConfig::default())
                .matches
                .len(),
            2
        );
        let unknown = [art("A", None, &[claim]), art("B", d(20), &[claim])];
        assert_eq!(
            corroborate(&unknown, &CorroborationConfig::default())
                .matches
                .len(),
            2
        );
    }

    #[test]
    fn syndicated_copies_do_not_corroborate_each_other() {
        let wire = [
            "Trump and Putin held eight phone calls since January, the Kremlin said.",
            "Witkoff met Ushakov in Moscow on Tuesday to discuss the 28-point plan.",
            "Zelensky said Ukraine would not cede the Donbas region.",
        ];
        let other = ["Witkoff met Ushakov in Moscow on Tuesday, discussing a 28-point peace plan."];
        let arts = [
            art("A", None, &wire),
            art("B", None, &wire),
            art("C", None, &other),
        ];
        let c = corroborate(&arts, &CorroborationConfig::default());
        assert_eq!(c.syndicated, vec![vec![1], vec![0], vec![]]);
        assert!(c
            .matches
            .iter()
            .all(|m| (m.claim.article, m.other.article) != (0, 1)));
        // C still corroborates both copies.
        assert!(!c
            .matches_of(ClaimRef {
                article: 2,
                claim: 0
            })
            .is_empty());
        assert_eq!(
            c.matches_of(ClaimRef {
                article: 2,
                claim: 0
            })
            .len(),
            2
        );
    }

    #[test]
    fn unrelated_claims_sharing_common_words_do_not_match() {
        let a = ["The president said the economy grew in the third quarter."];
        let b = ["The president said the military would leave Syria."];
        let arts = [art("A", None, &a), art("B", None, &b)];
        assert!(corroborate(&arts, &CorroborationConfig::default())
            .matches
            .is_empty());
    }
}
