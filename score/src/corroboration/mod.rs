//! Cross-outlet corroboration: which check-worthy claims another outlet also
//! reports, which it reports with different numbers, and which articles are
//! syndicated copies of each other.
//!
//! 1. [`normalize()`] every claim into terms (stems and numbers);
//! 2. find candidate pairs with an inverted index over each claim's rarest
//!    terms ([`index`]), never comparing every claim with every other;
//! 3. verify each candidate: pairs from different outlets inside the date
//!    window whose IDF-weighted cosine similarity reaches `min_similarity`
//!    are described by [`same_fact`] features (coverage of each side, word
//!    order, numbers, names, negation) and match when the same-fact model's
//!    probability reaches `min_confidence`; a pair that would match but for
//!    its numbers, and gives different numbers for the same unit, conflicts;
//! 4. find syndicated articles ([`syndication`]) and drop the matches
//!    between them: a copy is not a second source.

pub mod eval;
pub mod index;
pub mod normalize;
pub mod same_fact;
pub mod syndication;
pub mod vectors;

use crate::config::{CorroborationConfig, Undated};
use chrono::{Datelike, NaiveDate};
use normalize::{normalize, normalize_with_clauses, Normalized, Quantity};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use same_fact::{ClaimView, Features, Model};
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
    /// The same-fact model's probability that the two state one fact (for a
    /// conflict: with the numbers left out), 0..1.
    pub confidence: f64,
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

/// A claim, or one clause of a claim, ready for matching (its names,
/// numbers, quantities and bigrams are in [`UnitLists`], at the same index).
/// Kept small: a large corpus has millions of units, and this array was the
/// largest single allocation of the score stage.
struct Prepared {
    /// [`ClaimRef::article`] and [`ClaimRef::claim`], as 32-bit numbers.
    article: u32,
    claim: u32,
    negated: bool,
    vector: vectors::Quantised,
}

impl Prepared {
    fn at(&self) -> ClaimRef {
        ClaimRef {
            article: self.article as usize,
            claim: self.claim as usize,
        }
    }
}

/// A [`Quantity`] as the matcher keeps it: its unit interned (0: none), so
/// a unit's quantities are one flat array rather than a string each.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Count {
    value: f64,
    tolerance: f64,
    unit: u32,
}

/// Interned quantity units (stems); 0 is "no unit".
#[derive(Default)]
struct UnitIds(FxHashMap<String, u32>);

impl UnitIds {
    fn count(&mut self, q: Quantity) -> Count {
        let unit = if q.unit.is_empty() {
            0
        } else {
            let next = self.0.len() as u32 + 1;
            *self.0.entry(q.unit).or_insert(next)
        };
        Count {
            value: q.value,
            tolerance: q.tolerance,
            unit,
        }
    }
}

/// One list per unit, end to end: one allocation for all units rather than
/// one per unit (a corpus has millions of units, and a vector's header and
/// allocation were larger than its few items). The verification loop also
/// reads a candidate's terms from one array rather than chasing a separate
/// allocation per claim.
struct Lists<T> {
    items: Vec<T>,
    /// Unit `i`'s items are `items[offsets[i]..offsets[i + 1]]` (32 bits:
    /// four billion items would be a corpus of hundreds of gigabytes).
    offsets: Vec<u32>,
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists {
            items: Vec::new(),
            offsets: vec![0],
        }
    }
}

impl<T> Lists<T> {
    fn push(&mut self, list: impl IntoIterator<Item = T>) {
        self.items.extend(list);
        let end = u32::try_from(self.items.len()).expect("fewer than 2^32 items in all units");
        self.offsets.push(end);
    }

    /// Room for `units` more units holding at most `items` items.
    fn grow(&mut self, units: usize, items: usize) {
        grow(&mut self.items, items);
        grow(&mut self.offsets, units);
    }

    fn of(&self, unit: usize) -> &[T] {
        &self.items[self.offsets[unit] as usize..self.offsets[unit + 1] as usize]
    }

    /// Each unit's items, mutably, in unit order.
    fn each_mut(&mut self) -> impl Iterator<Item = &mut [T]> {
        let mut rest = self.items.as_mut_slice();
        self.offsets.windows(2).map(move |w| {
            let (unit, after) = std::mem::take(&mut rest).split_at_mut((w[1] - w[0]) as usize);
            rest = after;
            unit
        })
    }
}

/// Each unit's term ids of its names and of its numbers (sorted), its
/// bigram hashes (sorted) and its quantities (in text order).
#[derive(Default)]
struct UnitLists {
    names: Lists<u32>,
    numbers: Lists<u32>,
    bigrams: Lists<u32>,
    quantities: Lists<Count>,
}

/// Every unit's weighted terms end to end, with the units' norms.
#[derive(Default)]
struct TermTable {
    /// Term ids, sorted within each unit.
    terms: Lists<u32>,
    /// Each term's weight, by id ([`index::Vocabulary::weights`]).
    weights: Vec<f32>,
    norms: Vec<f32>,
}

impl TermTable {
    fn of(&self, unit: usize) -> &[u32] {
        self.terms.of(unit)
    }
}

/// Articles normalised at a time (bounds the claim strings alive at once:
/// a chunk's normalised claims are about 50 kB an article).
const NORMALIZE_CHUNK: usize = 512;

/// Room in `v` for `more` items, growing it by a quarter when it must grow:
/// the matcher's arrays grow a chunk of articles at a time, and doubling
/// left up to half of the largest arrays of a run unused (and needed three
/// times their size while moving), while growing by each chunk exactly
/// copied them once a chunk.
fn grow<T>(v: &mut Vec<T>, more: usize) {
    if v.capacity() - v.len() < more {
        v.reserve_exact(more.max(v.len() / 4));
    }
}

/// A candidate pair that passed the cosine floor: the two claims (indexes
/// into the prepared claims), their cosine and their same-fact features.
struct Verified {
    x: usize,
    y: usize,
    similarity: f64,
    features: Features,
    /// Whether their numbers for one unit differ ([`conflicting`]).
    numbers_conflict: bool,
}

/// Match the check-worthy claims of `articles` across outlets with the
/// embedded same-fact model.
pub fn corroborate(articles: &[ArticleClaims], config: &CorroborationConfig) -> Corroboration {
    corroborate_with(articles, config, Model::embedded())
}

/// [`corroborate`] with a given same-fact model.
pub fn corroborate_with(
    articles: &[ArticleClaims],
    config: &CorroborationConfig,
    model: &Model,
) -> Corroboration {
    let (claims, verified, candidates) =
        candidates(articles, config, Units::ClaimsAndClauses, |v| {
            v.similarity >= config.copy_similarity || judge(model, config, v).is_some()
        });
    let copies: Vec<(ClaimRef, ClaimRef)> = verified
        .iter()
        .filter(|v| v.similarity >= config.copy_similarity)
        .map(|v| (claims[v.x].at(), claims[v.y].at()))
        .collect();
    let sizes: Vec<usize> = articles.iter().map(|a| a.claims.len()).collect();
    let syndicated = syndication::find(&copies, &sizes, config.syndication_share);
    let mut judged: Vec<(usize, usize, f64, f64, Relation)> = verified
        .iter()
        .filter(|v| !syndicated[claims[v.x].at().article].contains(&claims[v.y].at().article))
        .filter_map(|v| {
            let relation = judge(model, config, v)?;
            Some((v.x, v.y, v.similarity, relation.1, relation.0))
        })
        .collect();
    // One match per pair of claims: the best of their clauses' matches.
    judged.sort_by(|a, b| {
        let key = |j: &(usize, usize, f64, f64, Relation)| {
            let (p, q) = (claims[j.0].at(), claims[j.1].at());
            (p.min(q), p.max(q))
        };
        key(a)
            .cmp(&key(b))
            .then(b.3.total_cmp(&a.3))
            .then(a.4.cmp(&b.4))
    });
    judged.dedup_by(|b, a| {
        let (p, q) = (claims[a.0].at(), claims[a.1].at());
        let (r, s) = (claims[b.0].at(), claims[b.1].at());
        (p.min(q), p.max(q)) == (r.min(s), r.max(s))
    });
    Corroboration {
        matches: both_directions(&judged, &claims),
        syndicated,
        // Prepared claims include each claim's clauses, next to it.
        claims: claims
            .iter()
            .enumerate()
            .filter(|&(i, c)| i == 0 || claims[i - 1].at() != c.at())
            .count(),
        candidates,
    }
}

/// Whether a verified pair corroborates, conflicts or neither, with the
/// confidence behind the answer. A conflict is a pair that states one fact
/// by every feature but its numbers, and whose numbers for the same unit
/// differ; it needs `conflict_confidence`, stricter than a corroboration:
/// two different polls share everything but their figures too.
fn judge(model: &Model, config: &CorroborationConfig, v: &Verified) -> Option<(Relation, f64)> {
    relation(model, config, &v.features, v.numbers_conflict)
}

/// How a candidate with `features` relates (a conflict needs more than a
/// corroboration: see `judge`); `None`: no match.
pub fn relation(
    model: &Model,
    config: &CorroborationConfig,
    features: &Features,
    numbers_conflict: bool,
) -> Option<(Relation, f64)> {
    if numbers_conflict {
        let mut f = *features;
        f[NUMBERS_UNMATCHED] = 0.0;
        let p = model.probability(&f);
        return (p >= config.conflict_confidence.max(config.min_confidence))
            .then_some((Relation::Conflicts, p));
    }
    let p = model.probability(features);
    (p >= config.min_confidence).then_some((Relation::Corroborates, p))
}

/// Index of `numbers_unmatched` in [`same_fact::FEATURES`].
const NUMBERS_UNMATCHED: usize = 3;

/// One candidate pair of claims with its features, for fitting and
/// inspecting the same-fact model.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// One claim.
    pub claim: ClaimRef,
    /// The other (a later claim).
    pub other: ClaimRef,
    /// Their cosine similarity.
    pub similarity: f64,
    /// Their features.
    pub features: Features,
    /// Whether their numbers for one unit differ.
    pub numbers_conflict: bool,
}

/// Every candidate pair of `units` (different outlets, inside the date
/// window) whose cosine reaches `min_similarity`, before the same-fact model
/// and syndication. With [`Units::Claims`], what `eval-corroboration
/// --fit-out` fits the model on; with [`Units::ClaimsAndClauses`], every
/// pair the matcher judges (a claim pair can appear once per pair of its
/// clauses).
pub fn candidate_pairs(
    articles: &[ArticleClaims],
    config: &CorroborationConfig,
    units: Units,
) -> Vec<Candidate> {
    let (claims, verified, _) = candidates(articles, config, units, |_| true);
    verified
        .into_iter()
        .map(|v| Candidate {
            claim: claims[v.x].at(),
            other: claims[v.y].at(),
            similarity: v.similarity,
            features: v.features,
            numbers_conflict: v.numbers_conflict,
        })
        .collect()
}

/// Prepare the claims, find candidates and verify them: the claims, the
/// pairs that pass the cosine floor, and how many candidates were checked.
///
/// Only the verified pairs `keep` accepts are returned: the matcher keeps
/// those the model judges a match and those similar enough to be copies
/// (every pair's features at once would be most of the memory of a large
/// run), the model fitting keeps them all.
fn candidates(
    articles: &[ArticleClaims],
    config: &CorroborationConfig,
    units: Units,
    keep: impl Fn(&Verified) -> bool + Sync,
) -> (Vec<Prepared>, Vec<Verified>, usize) {
    let (vocab, claims, table, lists) = prepare(articles, units);
    let postings = index::Postings::build(&vocab, claims.len(), |c| table.of(c));
    let meta = claim_meta(articles, &claims);
    let window = i64::from(config.window_days);
    let may_match = |x: usize, y: usize| {
        let ((oa, da), (ob, db)) = (meta[x], meta[y]);
        oa != ob
            && match (da, db) {
                (Some(da), Some(db)) => (da - db).abs() <= window,
                (None, None) => config.undated != Undated::None,
                _ => config.undated == Undated::Any,
            }
    };
    let view = |c: usize| ClaimView {
        terms: table.of(c),
        weights: &table.weights,
        names: lists.names.of(c),
        numbers: lists.numbers.of(c),
        bigrams: lists.bigrams.of(c),
        negated: claims[c].negated,
        vector: &claims[c].vector,
    };
    // Each pair that passes the cosine floor is described and judged at
    // once, so only the pairs `keep` accepts are ever held (all pairs over
    // the floor were hundreds of megabytes on a large corpus).
    let judged = |x: usize, y: usize, similarity: f64| {
        let v = Verified {
            x,
            y,
            similarity,
            features: same_fact::features(&view(x), &view(y), similarity),
            numbers_conflict: conflicting(lists.quantities.of(x), lists.quantities.of(y)),
        };
        keep(&v).then_some(v)
    };
    let found = verify(
        &vocab,
        &table,
        &postings,
        may_match,
        config.min_similarity,
        judged,
    );
    let candidates = found.iter().map(|(n, _)| n).sum();
    // `collect` kept the sequential order.
    let verified = found.into_iter().flat_map(|(_, v)| v).collect();
    (claims, verified, candidates)
}

/// Normalise every check-worthy claim and weigh its terms: the vocabulary,
/// each claim's reference and quantities, and the weighted term table.
///
/// Normalising is the costly part and independent per article, so it runs
/// in parallel; the terms are interned chunk by chunk in article order (so
/// term ids are the same on every run), and each chunk's strings are
/// dropped once interned: a corpus's claims as strings would be most of the
/// matcher's memory. Interning is sequential, so it runs on a thread of its
/// own one chunk behind the normalising (on the full AllSides corpus it was
/// 5 of this function's 15 s, with the other core idle); at most three
/// chunks' strings are alive at once.
fn prepare(
    articles: &[ArticleClaims],
    units: Units,
) -> (index::Vocabulary, Vec<Prepared>, TermTable, UnitLists) {
    let normalize_chunk = |c: usize, chunk: &[ArticleClaims]| {
        chunk
            .par_iter()
            .enumerate()
            .map(|(i, art)| {
                art.claims
                    .iter()
                    .flat_map(|&(claim, text)| {
                        let at = ClaimRef {
                            article: c * NORMALIZE_CHUNK + i,
                            claim,
                        };
                        let units = match units {
                            Units::Claims => vec![normalize(text)],
                            Units::ClaimsAndClauses => normalize_with_clauses(text),
                        };
                        units.into_iter().map(move |u| (at, u))
                    })
                    .collect()
            })
            .collect::<Vec<Vec<(ClaimRef, Normalized)>>>()
    };
    let chunks = articles.chunks(NORMALIZE_CHUNK).enumerate();
    if rayon::current_num_threads() == 1 {
        // One worker asked for (`-j1`): no second thread either.
        let mut interner = Interner::default();
        for (c, chunk) in chunks {
            interner.add(normalize_chunk(c, chunk));
        }
        return interner.weigh();
    }
    let (normalized, interned) = std::sync::mpsc::sync_channel(1);
    std::thread::scope(|scope| {
        let interner = scope.spawn(move || {
            let mut interner = Interner::default();
            for chunk in interned {
                interner.add(chunk);
            }
            interner
        });
        for (c, chunk) in chunks {
            if normalized.send(normalize_chunk(c, chunk)).is_err() {
                break; // The interner panicked: `join` below passes it on.
            }
        }
        drop(normalized);
        interner
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            .weigh()
    })
}

/// What [`prepare`] builds from the normalised units, chunk by chunk.
#[derive(Default)]
struct Interner {
    vocab: index::Vocabulary,
    // Each unit's term ids go straight into the term table (weighed there
    // once every document frequency is known), and the unit itself keeps its
    // names and numbers as ids: no unit's strings outlive its chunk.
    table: TermTable,
    claims: Vec<Prepared>,
    lists: UnitLists,
    unit_ids: UnitIds,
}

impl Interner {
    /// Intern one chunk's units, in order.
    fn add(&mut self, normalized: Vec<Vec<(ClaimRef, Normalized)>>) {
        let Interner {
            vocab,
            table,
            claims,
            lists,
            unit_ids,
        } = self;
        // Room for this chunk's units in every array (see `grow`).
        let units = normalized.iter().map(Vec::len).sum::<usize>();
        let items = |f: fn(&Normalized) -> usize| -> usize {
            normalized.iter().flatten().map(|(_, n)| f(n)).sum()
        };
        grow(claims, units);
        table.terms.grow(units, items(|n| n.terms.len()));
        lists.names.grow(units, items(|n| n.names.len()));
        lists.numbers.grow(units, items(|n| n.quantities.len()));
        lists.bigrams.grow(units, items(|n| n.bigrams.len()));
        lists.quantities.grow(units, items(|n| n.quantities.len()));
        for (at, n) in normalized.into_iter().flatten() {
            table.terms.push(vocab.intern(&n));
            let sorted_ids = |words: &mut dyn Iterator<Item = String>| {
                let mut v: Vec<u32> = words.filter_map(|w| vocab.id(&w)).collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            lists.names.push(sorted_ids(&mut n.names.into_iter()));
            lists.numbers.push(sorted_ids(
                &mut n.quantities.iter().map(|q| format!("#{}", q.value)),
            ));
            lists.bigrams.push(n.bigrams);
            lists
                .quantities
                .push(n.quantities.into_iter().map(|q| unit_ids.count(q)));
            claims.push(Prepared {
                article: u32::try_from(at.article).expect("fewer than 2^32 articles"),
                claim: u32::try_from(at.claim).expect("fewer than 2^32 claims in an article"),
                negated: n.negated,
                vector: n.vector,
            });
        }
    }

    /// Weigh every term now that all document frequencies are known, and
    /// each unit's norm.
    fn weigh(self) -> (index::Vocabulary, Vec<Prepared>, TermTable, UnitLists) {
        let Interner {
            vocab,
            mut table,
            claims,
            lists,
            ..
        } = self;
        table.weights = vocab.weights();
        let weights = &table.weights;
        table.norms = table
            .terms
            .each_mut()
            .map(|terms| {
                terms.sort_unstable();
                terms
                    .iter()
                    .map(|&t| weights[t as usize] * weights[t as usize])
                    .sum::<f32>()
                    .sqrt()
            })
            .collect();
        (vocab, claims, table, lists)
    }
}

/// What is matched: whole claims only (what the same-fact model is fitted
/// on: a clause of a pair labelled "different" may well state one fact of
/// it, so clause candidates would teach the model noise), or claims and
/// their clauses (what the matcher runs on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    /// Whole claims only.
    Claims,
    /// Whole claims and their clauses.
    ClaimsAndClauses,
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
            let a = &articles[c.article as usize];
            (
                outlet_ids[c.article as usize],
                a.date.map(|d| i64::from(d.num_days_from_ce())),
            )
        })
        .collect()
}

/// For each claim, the number of candidates the index proposed (after the
/// `may_match` filter), and what `judged` makes of those whose cosine
/// similarity reaches `min_similarity` (in candidate order).
fn verify<T: Send>(
    vocab: &index::Vocabulary,
    table: &TermTable,
    postings: &index::Postings,
    may_match: impl Fn(usize, usize) -> bool + Sync,
    min_similarity: f64,
    judged: impl Fn(usize, usize, f64) -> Option<T> + Sync,
) -> Vec<(usize, Vec<T>)> {
    (0..table.norms.len())
        .into_par_iter()
        .map_init(
            || (Vec::new(), vec![0.0f32; vocab.len()]),
            |(ys, dense), x| {
                let keep = |y: u32| may_match(x, y as usize);
                postings.candidates_after(vocab, table.of(x), x, keep, ys);
                for &t in table.of(x) {
                    dense[t as usize] = table.weights[t as usize];
                }
                let verified = ys
                    .iter()
                    .filter_map(|&y| {
                        let y = y as usize;
                        let sim = cosine(table, x, dense, y);
                        (sim >= min_similarity).then(|| judged(x, y, sim)).flatten()
                    })
                    .collect();
                for &t in table.of(x) {
                    dense[t as usize] = 0.0;
                }
                (ys.len(), verified)
            },
        )
        .collect()
}

/// Every judged pair as two matches, one from each claim, sorted.
fn both_directions(
    pairs: &[(usize, usize, f64, f64, Relation)],
    claims: &[Prepared],
) -> Vec<ClaimMatch> {
    let mut matches: Vec<ClaimMatch> = Vec::with_capacity(pairs.len() * 2);
    for &(x, y, similarity, confidence, relation) in pairs {
        let (a, b) = (claims[x].at(), claims[y].at());
        matches.push(ClaimMatch {
            claim: a,
            other: b,
            similarity,
            confidence,
            relation,
        });
        matches.push(ClaimMatch {
            claim: b,
            other: a,
            similarity,
            confidence,
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
    for &t in table.of(y) {
        let (wx, wy) = (x_dense[t as usize], table.weights[t as usize]);
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
///
/// Two counts agree when they are equal to the precision the less precise
/// one is written to: "3.9 percent" and "3.85 percent" agree, "4.5 million"
/// and "4,512,000" agree, "eight" and "seven" do not.
fn conflicting(a: &[Count], b: &[Count]) -> bool {
    let agree = |x: &Count, y: &Count| {
        (x.value - y.value).abs() <= x.tolerance.max(y.tolerance) + f64::EPSILON * x.value.abs()
    };
    a.iter().filter(|q| q.unit != 0).any(|qa| {
        let same_unit_b: Vec<&Count> = b.iter().filter(|q| q.unit == qa.unit).collect();
        !same_unit_b.is_empty()
            && !a
                .iter()
                .filter(|q| q.unit == qa.unit)
                .any(|q| same_unit_b.iter().any(|qb| agree(q, qb)))
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
    fn numbers_agree_to_the_precision_they_are_written_to() {
        let mut units = UnitIds::default();
        let mut q = |t: &str| -> Vec<Count> {
            let quantities = normalize(t).quantities;
            quantities.into_iter().map(|q| units.count(q)).collect()
        };
        assert!(!conflicting(
            &q("Students borrow at 3.85 percent interest."),
            &q("Students borrow at 3.9 percent interest.")
        ));
        assert!(conflicting(
            &q("Students borrow at 3.4 percent interest."),
            &q("Students borrow at 3.9 percent interest.")
        ));
        assert!(!conflicting(
            &q("It cost 4.5 million dollars."),
            &q("It cost 4,512,000 dollars.")
        ));
        assert!(conflicting(
            &q("eight phone calls"),
            &q("seven phone calls")
        ));
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
        // An undated article matches undated ones only, unless told otherwise.
        let unknown = [art("A", None, &[claim]), art("B", d(20), &[claim])];
        assert!(corroborate(&unknown, &CorroborationConfig::default())
            .matches
            .is_empty());
        let any = CorroborationConfig {
            undated: Undated::Any,
            ..CorroborationConfig::default()
        };
        assert_eq!(corroborate(&unknown, &any).matches.len(), 2);
        let both_unknown = [art("A", None, &[claim]), art("B", None, &[claim])];
        assert_eq!(
            corroborate(&both_unknown, &CorroborationConfig::default())
                .matches
                .len(),
            2
        );
        let none = CorroborationConfig {
            undated: Undated::None,
            ..CorroborationConfig::default()
        };
        assert!(corroborate(&both_unknown, &none).matches.is_empty());
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
