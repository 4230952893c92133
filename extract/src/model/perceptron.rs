//! An averaged perceptron over hashed sparse features.
//!
//! Written here rather than taken from a crate: the perceptron is ~100 lines,
//! and owning it lets the model file be a small, sorted, deterministic binary
//! that is embedded in the executable (no crate on crates.io offers an
//! averaged multiclass perceptron with a stable serialised form).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Feature keys are already FNV hashes; re-hashing them would only cost time.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// A trained linear model: one weight per (feature, label).
#[derive(Debug, Clone, Default)]
pub struct Perceptron {
    labels: usize,
    index: FeatureMap<u32>,
    weights: Vec<f32>,
}

impl Perceptron {
    /// Number of labels.
    pub fn labels(&self) -> usize {
        self.labels
    }

    /// Add each active feature's weights to `scores` (length = labels).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(&row) = self.index.get(f) {
                let row = row as usize * self.labels;
                for (s, w) in scores.iter_mut().zip(&self.weights[row..row + self.labels]) {
                    *s += w;
                }
            }
        }
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.index.len()
    }

    /// Serialise: label count, feature count, then (hash, weights) sorted by hash.
    pub fn write(&self, out: &mut Vec<u8>) {
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &v)| (k, v)).collect();
        keys.sort_unstable();
        out.extend_from_slice(&(self.labels as u32).to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (k, row) in keys {
            out.extend_from_slice(&k.to_le_bytes());
            let row = row as usize * self.labels;
            for w in &self.weights[row..row + self.labels] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    /// Deserialise what [`Perceptron::write`] wrote; returns the model and the bytes after it.
    pub fn read(bytes: &[u8]) -> Option<(Self, &[u8])> {
        let u32_at = |b: &[u8], at: usize| {
            b.get(at..at + 4)
                .map(|x| u32::from_le_bytes(x.try_into().unwrap()))
        };
        let labels = u32_at(bytes, 0)? as usize;
        let n = u32_at(bytes, 4)? as usize;
        let row = 8 + 4 * labels;
        let body = bytes.get(8..8 + n * row)?;
        let mut index = FeatureMap::default();
        index.reserve(n);
        let mut weights = Vec::with_capacity(n * labels);
        for (i, chunk) in body.chunks_exact(row).enumerate() {
            index.insert(u64::from_le_bytes(chunk[..8].try_into().unwrap()), i as u32);
            weights.extend(
                chunk[8..]
                    .chunks_exact(4)
                    .map(|w| f32::from_le_bytes(w.try_into().unwrap())),
            );
        }
        Some((
            Perceptron {
                labels,
                index,
                weights,
            },
            &bytes[8 + n * row..],
        ))
    }
}

#[derive(Clone)]
struct Param {
    weight: Vec<f64>,
    total: Vec<f64>,
    stamp: Vec<u64>,
}

/// Trains a [`Perceptron`] with weight averaging (Collins 2002; the lazy
/// averaging trick keeps each update O(active features)).
pub struct Trainer {
    labels: usize,
    params: FeatureMap<Param>,
    tick: u64,
}

impl Trainer {
    /// A trainer for `labels` classes.
    pub fn new(labels: usize) -> Self {
        Self {
            labels,
            params: FeatureMap::default(),
            tick: 0,
        }
    }

    /// Current (unaveraged) scores.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(p) = self.params.get(f) {
                for (s, w) in scores.iter_mut().zip(&p.weight) {
                    *s += *w as f32;
                }
            }
        }
    }

    /// One example seen: reward `truth`, penalise `guess` when they differ.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        self.tick += 1;
        if truth == guess {
            return;
        }
        let labels = self.labels;
        let tick = self.tick;
        for f in features {
            let p = self.params.entry(*f).or_insert_with(|| Param {
                weight: vec![0.0; labels],
                total: vec![0.0; labels],
                stamp: vec![0; labels],
            });
            for (label, delta) in [(truth, 1.0), (guess, -1.0)] {
                p.total[label] += (tick - p.stamp[label]) as f64 * p.weight[label];
                p.stamp[label] = tick;
                p.weight[label] += delta;
            }
        }
    }

    /// The averaged model; features whose averaged weights are all ~0 are dropped.
    pub fn finish(self) -> Perceptron {
        let mut keys: Vec<&u64> = self.params.keys().collect();
        keys.sort_unstable();
        let mut index = FeatureMap::default();
        let mut weights = Vec::new();
        for k in keys {
            let p = &self.params[k];
            let avg: Vec<f32> = (0..self.labels)
                .map(|l| {
                    let total = p.total[l] + (self.tick - p.stamp[l]) as f64 * p.weight[l];
                    (total / self.tick.max(1) as f64) as f32
                })
                .collect();
            if avg.iter().all(|w| w.abs() < 1e-3) {
                continue;
            }
            index.insert(*k, (weights.len() / self.labels) as u32);
            weights.extend(avg);
        }
        Perceptron {
            labels: self.labels,
            index,
            weights,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let mut t = Trainer::new(2);
        let data = [
            (vec![1u64, 10], 0usize),
            (vec![2, 10], 1),
            (vec![1, 11], 0),
            (vec![2, 11], 1),
        ];
        let mut scores = [0.0f32; 2];
        for _ in 0..5 {
            for (f, y) in &data {
                t.score(f, &mut scores);
                let guess = usize::from(scores[1] > scores[0]);
                t.update(f, *y, guess);
            }
        }
        let model = t.finish();
        let mut bytes = Vec::new();
        model.write(&mut bytes);
        let (back, rest) = Perceptron::read(&bytes).unwrap();
        assert!(rest.is_empty());
        for (f, y) in &data {
            back.score(f, &mut scores);
            assert_eq!(usize::from(scores[1] > scores[0]), *y);
        }
    }
}
