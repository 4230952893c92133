//! An averaged perceptron over hashed sparse features.
//!
//! Written here rather than taken from a crate: the learning rule is a few
//! lines, and owning the rest (an open-addressing weight table tuned for the
//! extraction hot loop, and the file format) lets the model file be a
//! sorted, deterministic binary embedded in the executable. No crate on
//! crates.io offers an averaged multiclass perceptron with a stable
//! serialised form.

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
///
/// Stored as one open-addressing table (linear probing, load ≤ 1/2) whose
/// slots hold the key and its weights side by side, so a lookup touches one
/// cache line: scoring is most of extraction's time, and with half a million
/// features a `HashMap<key, row>` plus a separate weight array cost three
/// cache misses per feature instead of one.
#[derive(Debug, Clone, Default)]
pub struct Perceptron {
    labels: usize,
    /// Slots of `2 + labels` words: key low, key high, then the weights as f32 bits.
    /// Key 0 marks an empty slot.
    slots: Vec<u32>,
    /// `log2` of the slot count.
    bits: u32,
    /// Weights of the key 0, which cannot live in the table.
    zero: Option<Vec<f32>>,
    len: usize,
}

impl Perceptron {
    /// Build from `(key, weights)` rows; each weight list has `labels` entries.
    fn from_rows(labels: usize, rows: &[(u64, Vec<f32>)]) -> Self {
        let bits = (rows.len().max(1) * 2).next_power_of_two().trailing_zeros();
        let stride = 2 + labels;
        let mut p = Perceptron {
            labels,
            slots: vec![0; (1usize << bits) * stride],
            bits,
            zero: None,
            len: rows.len(),
        };
        for (key, weights) in rows {
            if *key == 0 {
                p.zero = Some(weights.clone());
                continue;
            }
            let mut slot = p.home(*key);
            while p.key_at(slot) != 0 {
                slot = (slot + 1) & ((1 << bits) - 1);
            }
            let at = slot * stride;
            p.slots[at] = *key as u32;
            p.slots[at + 1] = (*key >> 32) as u32;
            for (dst, w) in p.slots[at + 2..at + stride].iter_mut().zip(weights) {
                *dst = w.to_bits();
            }
        }
        p
    }

    fn home(&self, key: u64) -> usize {
        // Fibonacci hashing of an already-hashed key: spreads the high bits.
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize
    }

    fn key_at(&self, slot: usize) -> u64 {
        let at = slot * (2 + self.labels);
        u64::from(self.slots[at]) | (u64::from(self.slots[at + 1]) << 32)
    }

    /// The weights of `key`, if the model has it.
    fn weights_of(&self, key: u64) -> Option<&[u32]> {
        if key == 0 || self.slots.is_empty() {
            return None;
        }
        let stride = 2 + self.labels;
        let mask = (1usize << self.bits) - 1;
        let mut slot = self.home(key);
        loop {
            let k = self.key_at(slot);
            if k == key {
                let at = slot * stride + 2;
                return Some(&self.slots[at..at + self.labels]);
            }
            if k == 0 {
                return None;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Number of labels.
    pub fn labels(&self) -> usize {
        self.labels
    }

    /// Add each active feature's weights to `scores` (length = labels), in
    /// the order of `features` (so the f32 sums are the same on every path).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in features {
            if let Some(w) = self.weights_of(f) {
                for (s, w) in scores.iter_mut().zip(w) {
                    *s += f32::from_bits(*w);
                }
            } else if f == 0 {
                if let Some(w) = &self.zero {
                    for (s, w) in scores.iter_mut().zip(w) {
                        *s += w;
                    }
                }
            }
        }
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.len
    }

    /// Every `(key, weights)` row, sorted by key.
    fn rows(&self) -> Vec<(u64, Vec<f32>)> {
        let stride = 2 + self.labels;
        let mut rows: Vec<(u64, Vec<f32>)> = self
            .slots
            .chunks_exact(stride)
            .filter(|s| s[0] != 0 || s[1] != 0)
            .map(|s| {
                let key = u64::from(s[0]) | (u64::from(s[1]) << 32);
                (key, s[2..].iter().map(|&w| f32::from_bits(w)).collect())
            })
            .chain(self.zero.iter().map(|w| (0, w.clone())))
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    /// Serialise: label count, feature count, then (hash, weights) sorted by hash.
    pub fn write(&self, out: &mut Vec<u8>) {
        let rows = self.rows();
        out.extend_from_slice(&(self.labels as u32).to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (k, weights) in rows {
            out.extend_from_slice(&k.to_le_bytes());
            for w in weights {
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
        let rows: Vec<(u64, Vec<f32>)> = body
            .chunks_exact(row)
            .map(|chunk| {
                (
                    u64::from_le_bytes(chunk[..8].try_into().unwrap()),
                    chunk[8..]
                        .chunks_exact(4)
                        .map(|w| f32::from_le_bytes(w.try_into().unwrap()))
                        .collect(),
                )
            })
            .collect();
        Some((Self::from_rows(labels, &rows), &bytes[8 + n * row..]))
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

    /// Start a new example (for structured updates through [`Trainer::adjust`]).
    pub fn next_example(&mut self) {
        self.tick += 1;
    }

    /// Add `delta` to the weight of `label` for every feature in `features`
    /// (a structured update: the decoder's whole sequence against the truth).
    pub fn adjust(&mut self, features: &[u64], label: usize, delta: f64) {
        let labels = self.labels;
        let tick = self.tick;
        for f in features {
            let p = self.params.entry(*f).or_insert_with(|| Param {
                weight: vec![0.0; labels],
                total: vec![0.0; labels],
                stamp: vec![0; labels],
            });
            p.total[label] += (tick - p.stamp[label]) as f64 * p.weight[label];
            p.stamp[label] = tick;
            p.weight[label] += delta;
        }
    }

    /// The averaged model; features whose averaged weights are all ~0 are dropped.
    pub fn finish(self) -> Perceptron {
        let mut keys: Vec<&u64> = self.params.keys().collect();
        keys.sort_unstable();
        let mut rows = Vec::new();
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
            rows.push((*k, avg));
        }
        Perceptron::from_rows(self.labels, &rows)
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
                t.next_example();
                if guess != *y {
                    t.adjust(f, *y, 1.0);
                    t.adjust(f, guess, -1.0);
                }
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
