//! Syndicated copies: the same wire story under two mastheads.
//!
//! Two articles are copies of each other when a large share of the shorter
//! one's check-worthy claims have a near-identical claim (similarity at least
//! `copy_similarity`) in the other. Verbatim claims alone are not enough —
//! two outlets quoting the same statement share that sentence and rightly
//! corroborate each other — so the test is at article level: at least
//! `syndication_share` of the shorter article's claims, and at least
//! [`MIN_COPIES`] of them.

use super::ClaimRef;
use std::collections::{BTreeMap, BTreeSet};

/// Fewest copied claims that make two articles syndicated.
pub const MIN_COPIES: usize = 2;

/// For each article, the articles it is a syndicated copy of.
///
/// `copies` are pairs of near-identical claims; `sizes` the number of
/// check-worthy claims of each article.
pub fn find(copies: &[(ClaimRef, ClaimRef)], sizes: &[usize], share: f64) -> Vec<Vec<usize>> {
    // (article, other article) → claims of `article` with a copy in `other`.
    let mut copied: BTreeMap<(usize, usize), BTreeSet<usize>> = BTreeMap::new();
    for &(x, y) in copies {
        copied
            .entry((x.article, y.article))
            .or_default()
            .insert(x.claim);
        copied
            .entry((y.article, x.article))
            .or_default()
            .insert(y.claim);
    }
    let mut out = vec![Vec::new(); sizes.len()];
    for (&(a, b), claims) in &copied {
        let back = copied.get(&(b, a)).map_or(0, BTreeSet::len);
        let shared = claims.len().min(back);
        let shorter = sizes[a].min(sizes[b]);
        if shared >= MIN_COPIES && shared as f64 >= share * shorter as f64 {
            out[a].push(b);
        }
    }
    // BTreeMap order: each list is already sorted.
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(article: usize, claim: usize) -> ClaimRef {
        ClaimRef { article, claim }
    }

    #[test]
    fn most_claims_copied_is_syndication() {
        let copies = [(c(0, 0), c(1, 0)), (c(0, 1), c(1, 1)), (c(0, 2), c(1, 2))];
        assert_eq!(find(&copies, &[4, 3], 0.5), vec![vec![1], vec![0]]);
    }

    #[test]
    fn one_shared_quotation_is_not() {
        let copies = [(c(0, 0), c(1, 5))];
        assert_eq!(
            find(&copies, &[4, 30], 0.5),
            vec![Vec::<usize>::new(), vec![]]
        );
        let copies = [(c(0, 0), c(1, 0)), (c(0, 1), c(1, 1))];
        assert_eq!(
            find(&copies, &[10, 12], 0.5),
            vec![Vec::<usize>::new(), vec![]]
        );
    }
}
