//! Deciding whether two claims state the same fact, not just the same topic.
//!
//! Two claims about one story share names and rare words whatever they say;
//! two statements of one fact also share *most* of their content on both
//! sides, in the same order, with the same numbers, participants and
//! polarity. Each candidate pair that passes the cosine floor
//! (`min_similarity`) is described by [`FEATURES`] and scored by a logistic
//! model ([`Model`]); the pair matches when its probability reaches
//! `min_confidence`.
//!
//! The model is 14 numbers (a bias and one weight per feature), fitted by
//! `credence eval-corroboration --pairs --fit-out score/model/same_fact.json`
//! on MRPC's labelled pairs (see the README) and embedded at build time; a user can refit it on their own
//! labelled pairs and evaluate the file with `eval-corroboration --model`. Written
//! here rather than taken from a crate: a 14-number logistic regression fitted
//! by Newton's method is 60 lines, deterministic, and needs no linear-algebra
//! dependency.

use serde::{Deserialize, Serialize};

/// Number of features.
pub const K: usize = 13;

/// What each feature measures, in order (also the keys of the model file).
pub const FEATURES: [&str; K] = [
    // IDF-weighted cosine of the two term sets.
    "cosine",
    // IDF mass of the shared terms over the claim's own mass, the smaller of
    // the two: low when one claim says much the other does not.
    "coverage_min",
    // The same, the larger of the two.
    "coverage_max",
    // Numbers in either claim missing from the other (0, 1, 2, 3 or more).
    "numbers_unmatched",
    // Share of the IDF mass of the two claims' names that only one has.
    "names_unmatched",
    // 1 when one claim is negated and the other is not.
    "negation_differs",
    // Dice overlap of adjacent-term pairs (word order).
    "bigram_dice",
    // Fewer terms over more terms.
    "length_ratio",
    // ln(1 + shared terms).
    "shared_terms",
    // IDF mass of the terms only one claim has, over 10, the larger side:
    // what one claim says that the other does not.
    "unshared_mass_max",
    // The same, the smaller side.
    "unshared_mass_min",
    // Cosine of the two claims' static word vectors (meaning, not words).
    "vector_cosine",
    // Numbers (and days of dates) both claims give (0, 1, 2, 3 or more).
    "numbers_shared",
];

/// Feature values of one candidate pair.
pub type Features = [f64; K];

/// A logistic model over [`FEATURES`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// What the model was fitted on, and how (free text).
    pub fitted_on: String,
    /// Intercept.
    pub bias: f64,
    /// One weight per feature, in [`FEATURES`] order.
    pub weights: Vec<f64>,
}

impl Model {
    /// The model built into credence (`score/model/same_fact.json`).
    pub fn embedded() -> &'static Model {
        static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| {
            serde_json::from_str(include_str!("../../model/same_fact.json"))
                .expect("the embedded same-fact model is valid (checked by a test)")
        })
    }

    /// Check the model's shape.
    pub fn validate(&self) -> Result<(), String> {
        if self.weights.len() != K {
            return Err(format!(
                "the same-fact model has {} weights, expected {K} ({})",
                self.weights.len(),
                FEATURES.join(", ")
            ));
        }
        if !self.bias.is_finite() || self.weights.iter().any(|w| !w.is_finite()) {
            return Err("the same-fact model has a weight that is not a finite number".into());
        }
        Ok(())
    }

    /// Probability (0..1) that a pair with features `f` states one fact,
    /// rounded to 4 decimals so that thresholds do not depend on float noise.
    pub fn probability(&self, f: &Features) -> f64 {
        let z = self.bias + self.weights.iter().zip(f).map(|(w, x)| w * x).sum::<f64>();
        ((1.0 / (1.0 + (-z).exp())) * 1e4).round() / 1e4
    }
}

/// Fit a logistic model to labelled feature vectors by Newton's method with
/// a small L2 penalty (not on the bias); deterministic for a given sample
/// order.
pub fn fit(samples: &[(Features, bool)], fitted_on: &str) -> Model {
    const N: usize = K + 1;
    const L2: f64 = 1e-3;
    let mut beta = [0.0f64; N];
    let row = |f: &Features| {
        let mut x = [1.0f64; N];
        x[1..].copy_from_slice(f);
        x
    };
    for _ in 0..50 {
        let mut grad = [0.0f64; N];
        let mut hess = [[0.0f64; N]; N];
        for (f, y) in samples {
            let x = row(f);
            let z: f64 = beta.iter().zip(&x).map(|(b, v)| b * v).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let r = p - f64::from(u8::from(*y));
            let w = (p * (1.0 - p)).max(1e-9);
            for i in 0..N {
                grad[i] += r * x[i];
                for j in 0..N {
                    hess[i][j] += w * x[i] * x[j];
                }
            }
        }
        let n = samples.len().max(1) as f64;
        for i in 1..N {
            grad[i] += L2 * n * beta[i];
            hess[i][i] += L2 * n;
        }
        let step = solve(hess, grad);
        let mut moved = 0.0f64;
        for i in 0..N {
            beta[i] -= step[i];
            moved = moved.max(step[i].abs());
        }
        if moved < 1e-10 {
            break;
        }
    }
    let round = |v: f64| (v * 1e6).round() / 1e6;
    Model {
        fitted_on: fitted_on.to_string(),
        bias: round(beta[0]),
        weights: beta[1..].iter().map(|&b| round(b)).collect(),
    }
}

/// Solve `a x = b` by Gaussian elimination with partial pivoting.
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> [f64; N] {
    for col in 0..N {
        let pivot = (col..N)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let d = a[col][col];
        if d.abs() < 1e-12 {
            continue;
        }
        let pivot_row = a[col];
        for r in col + 1..N {
            let f = a[r][col] / d;
            for (x, p) in a[r][col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= f * p;
            }
            b[r] -= f * b[col];
        }
    }
    let mut x = [0.0f64; N];
    for r in (0..N).rev() {
        let s: f64 = (r + 1..N).map(|c| a[r][c] * x[c]).sum();
        x[r] = if a[r][r].abs() < 1e-12 {
            0.0
        } else {
            (b[r] - s) / a[r][r]
        };
    }
    x
}

/// What the features need of one claim.
pub struct ClaimView<'a> {
    /// Term ids, sorted.
    pub terms: &'a [u32],
    /// Every term's IDF weight, by id.
    pub weights: &'a [f32],
    /// Term ids of its names, sorted.
    pub names: &'a [u32],
    /// Term ids of its numbers, sorted.
    pub numbers: &'a [u32],
    /// Bigram hashes, sorted.
    pub bigrams: &'a [u32],
    /// Negated.
    pub negated: bool,
    /// Its static vector.
    pub vector: &'a super::vectors::Quantised,
}

/// Sorted-list intersection size.
fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The features of a pair whose cosine is `cosine`.
pub fn features(x: &ClaimView, y: &ClaimView, cosine: f64) -> Features {
    // Shared IDF mass, and each side's own.
    let (mut both, mut n_shared) = (0.0f64, 0usize);
    let (mut i, mut j) = (0, 0);
    // Both sides look weights up in one table.
    let weight = |id: u32| f64::from(x.weights[id as usize]);
    let weight_of = |terms: &[u32], id: u32| terms.binary_search(&id).map_or(0.0, |_| weight(id));
    while i < x.terms.len() && j < y.terms.len() {
        match x.terms[i].cmp(&y.terms[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += weight(x.terms[i]);
                n_shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let mass = |v: &ClaimView| v.terms.iter().map(|&t| weight(t)).sum::<f64>();
    let (mx, my) = (mass(x), mass(y));
    let cov = |m: f64| if m == 0.0 { 0.0 } else { both / m };
    let (cx, cy) = (cov(mx), cov(my));
    let numbers_unmatched =
        (x.numbers.len() + y.numbers.len() - 2 * shared(x.numbers, y.numbers)).min(3) as f64;
    let name_mass = |v: &ClaimView| v.names.iter().map(|&t| weight_of(v.terms, t)).sum::<f64>();
    let names_total = name_mass(x) + name_mass(y);
    let names_shared: f64 = x
        .names
        .iter()
        .filter(|t| y.names.binary_search(t).is_ok())
        .map(|&t| 2.0 * weight_of(x.terms, t))
        .sum();
    let names_unmatched = if names_total == 0.0 {
        0.0
    } else {
        (names_total - names_shared) / names_total
    };
    let bigrams = x.bigrams.len() + y.bigrams.len();
    let bigram_dice = if bigrams == 0 {
        0.0
    } else {
        2.0 * shared(x.bigrams, y.bigrams) as f64 / bigrams as f64
    };
    let (lx, ly) = (x.terms.len() as f64, y.terms.len() as f64);
    let length_ratio = if lx.max(ly) == 0.0 {
        0.0
    } else {
        lx.min(ly) / lx.max(ly)
    };
    let round = |v: f64| (v * 1e4).round() / 1e4;
    [
        cosine,
        round(cx.min(cy)),
        round(cx.max(cy)),
        numbers_unmatched,
        round(names_unmatched),
        f64::from(u8::from(x.negated != y.negated)),
        round(bigram_dice),
        round(length_ratio),
        round((1.0 + n_shared as f64).ln()),
        round((mx - both).max(my - both) / 10.0),
        round((mx - both).min(my - both) / 10.0),
        super::vectors::cosine(x.vector, y.vector),
        shared(x.numbers, y.numbers).min(3) as f64,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_is_valid() {
        Model::embedded().validate().unwrap();
    }

    #[test]
    fn fit_separates_separable_data_in_the_right_direction() {
        let mut samples = Vec::new();
        for i in 0..200 {
            let mut f = [0.0; K];
            f[0] = f64::from(i) / 200.0;
            // Noisy labels: mostly "same" above 0.5.
            samples.push((f, (i > 100) != (i % 17 == 0)));
        }
        let m = fit(&samples, "test");
        assert!(m.weights[0] > 1.0, "{m:?}");
        let mut hi = [0.0; K];
        hi[0] = 0.9;
        assert!(m.probability(&hi) > 0.8);
        assert!(m.probability(&[0.0; K]) < 0.2);
        // Deterministic.
        assert_eq!(m, fit(&samples, "test"));
    }

    #[test]
    fn solve_is_right() {
        let x = solve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0]);
        assert!((x[0] - 0.8).abs() < 1e-12 && (x[1] - 1.4).abs() < 1e-12);
    }
}
