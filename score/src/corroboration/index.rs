//! Candidate generation without comparing every pair of claims.
//!
//! Each claim is indexed under its few rarest terms (lowest document
//! frequency, a "prefix filter"), and looked up under all of its terms: two
//! claims become candidates when one shares a term with the other's rarest
//! terms. Claims that report the same event share rare words — names,
//! numbers, places — so they meet; claims that share only common words do
//! not, and are never compared. Terms found in more than [`MAX_DF`] claims
//! are not indexed at all, which bounds the work per claim and keeps the
//! total cost about linear in the number of claims.
//!
//! Hand-written rather than MinHash LSH (e.g. `gaoya`): claims are single
//! sentences of ten to thirty terms, where MinHash estimates of Jaccard
//! similarity are noisy, and an exact index over rare terms is both simpler
//! and deterministic.

use super::normalize::Normalized;
use rustc_hash::FxHashMap;

/// How many of a claim's rarest terms it is indexed under.
pub const PREFIX: usize = 4;
/// Terms in more claims than this are too common to find candidates with.
pub const MAX_DF: u32 = 1000;

/// Interned terms with their document frequency over claims.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
    /// Claims containing each term.
    df: Vec<u32>,
    /// Claims in all.
    claims: u32,
}

impl Vocabulary {
    /// Count one more claim and intern its terms (new terms get the next
    /// ids, so interning claims in a fixed order gives fixed ids); returns
    /// the claim's term ids.
    pub fn intern(&mut self, n: &Normalized) -> Vec<u32> {
        self.claims += 1;
        n.terms
            .iter()
            .map(|t| {
                let id = match self.ids.get(t) {
                    Some(&id) => id,
                    None => {
                        let id = self.ids.len() as u32;
                        self.ids.insert(t.clone(), id);
                        self.df.push(0);
                        id
                    }
                };
                self.df[id as usize] += 1;
                id
            })
            .collect()
    }

    /// The id of an interned term.
    pub fn id(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }

    /// Distinct terms.
    pub fn len(&self) -> usize {
        self.df.len()
    }

    /// Whether no claim had a term.
    pub fn is_empty(&self) -> bool {
        self.df.is_empty()
    }

    /// Claims containing term `id`.
    pub fn df(&self, id: u32) -> u32 {
        self.df[id as usize]
    }

    /// Every term's weight, by id: ln(1 + N/df). A term weighs the same in
    /// every claim, so claims keep term ids only and look weights up here.
    pub fn weights(&self) -> Vec<f32> {
        self.df
            .iter()
            .map(|&df| (1.0 + self.claims as f32 / df as f32).ln())
            .collect()
    }
}

/// Term → the claims indexed under it, as one array: term `t`'s claims are
/// `claims[starts[t]..starts[t + 1]]`, in claim order. (A vector per term
/// cost a header and an allocation for each of a corpus's million terms,
/// most of which index nothing.)
#[derive(Debug)]
pub struct Postings {
    starts: Vec<u32>,
    claims: Vec<u32>,
}

impl Postings {
    /// Index each of `n` claims (`terms_of(c)`: claim `c`'s term ids) under
    /// its [`PREFIX`] rarest terms that another claim also has.
    pub fn build<'a>(
        vocab: &Vocabulary,
        n: usize,
        terms_of: impl Fn(usize) -> &'a [u32],
    ) -> Postings {
        let mut rare: Vec<u32> = Vec::new();
        let mut each_indexed = |visit: &mut dyn FnMut(u32, u32)| {
            for c in 0..n {
                rare.clear();
                rare.extend(
                    terms_of(c)
                        .iter()
                        .copied()
                        .filter(|&id| (2..=MAX_DF).contains(&vocab.df(id))),
                );
                rare.sort_by_key(|&id| (vocab.df(id), id));
                for &id in rare.iter().take(PREFIX) {
                    visit(id, c as u32);
                }
            }
        };
        // Count, then fill: two passes over the claims, no list ever grows.
        let mut starts = vec![0u32; vocab.df.len() + 1];
        each_indexed(&mut |id, _| starts[id as usize + 1] += 1);
        for t in 1..starts.len() {
            starts[t] += starts[t - 1];
        }
        let mut next = starts.clone();
        let mut claims = vec![0u32; starts.last().map_or(0, |&s| s as usize)];
        each_indexed(&mut |id, c| {
            claims[next[id as usize] as usize] = c;
            next[id as usize] += 1;
        });
        Postings { starts, claims }
    }

    fn list(&self, id: u32) -> &[u32] {
        let t = id as usize;
        &self.claims[self.starts[t] as usize..self.starts[t + 1] as usize]
    }

    /// Claims after `me` (each pair is proposed once, from its first claim)
    /// indexed under any of `terms` and passing `keep`; sorted, distinct, in
    /// `out` (cleared first: the caller reuses one buffer for every claim).
    /// Filtering before sorting keeps the sort to the pairs that can match.
    pub fn candidates_after(
        &self,
        vocab: &Vocabulary,
        terms: &[u32],
        me: usize,
        keep: impl Fn(u32) -> bool,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        for &id in terms {
            if (2..=MAX_DF).contains(&vocab.df(id)) {
                let list = self.list(id);
                // Posting lists are in claim order: skip to the claims after `me`.
                let from = list.partition_point(|&c| c as usize <= me);
                out.extend(list[from..].iter().copied().filter(|&c| keep(c)));
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corroboration::normalize::normalize;

    #[test]
    fn claims_meet_through_rare_terms_only() {
        let texts = [
            "Witkoff met Ushakov in Moscow at the Kremlin.",
            "Ushakov and Witkoff met in Moscow on Tuesday at the Kremlin.",
            "The officials met on Tuesday.",
            "Officials met in Paris.",
        ];
        let normalized: Vec<Normalized> = texts.iter().map(|t| normalize(t)).collect();
        let mut vocab = Vocabulary::default();
        let ids: Vec<Vec<u32>> = normalized.iter().map(|n| vocab.intern(n)).collect();
        let weighted: Vec<Vec<u32>> = ids
            .iter()
            .map(|i| {
                let mut terms = i.clone();
                terms.sort_unstable();
                terms
            })
            .collect();
        let postings = Postings::build(&vocab, weighted.len(), |c| &weighted[c]);
        let mut found = Vec::new();
        postings.candidates_after(&vocab, &weighted[0], 0, |_| true, &mut found);
        assert!(found.contains(&1));
        // Claim 3 has few terms, so "met" is among its rarest and it is
        // indexed under it: claim 2, which has "met" too, finds it...
        postings.candidates_after(&vocab, &weighted[2], 2, |_| true, &mut found);
        assert!(found.contains(&3), "{found:?}");
        // ...while claims 0 and 1 are indexed under their rare names, not
        // under "met": a claim sharing only "met" with them never finds them.
        let mut later = Vec::new();
        postings.candidates_after(&vocab, &weighted[3], 0, |_| true, &mut later);
        assert!(!later.contains(&1), "{later:?}");
    }
}
