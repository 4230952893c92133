//! An averaged perceptron over hashed sparse features.
//!
//! Written here rather than taken from a crate: the learning rule is a few
//! lines, and owning the rest (a weight table placed by a perfect hash and
//! read ahead of use in the extraction hot loop, and the file format) lets
//! the model file be a sorted, deterministic binary embedded in the
//! executable. No crate on crates.io offers an averaged multiclass
//! perceptron with a stable serialised form.

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
/// Stored as one table whose rows hold a key and its weights side by side,
/// placed by a perfect hash of the model's keys (see `PerfectHash`): a
/// lookup reads a pilot from a small array that stays in cache, then exactly
/// one row, and adds that row's weights masked by whether its key is the
/// feature's, so the scoring loop has no data-dependent branch. Scoring is
/// most of extraction's time; the open-addressing table this replaced (load
/// ≤ ½, linear probing) was three times the size and branched on every probe.
/// The table (19 MB for the shipped model) still does not fit the cache, so
/// [`Perceptron::score_all`] requests each row well before it adds it.
#[derive(Debug, Clone, Default)]
pub struct Perceptron {
    labels: usize,
    /// Rows of `2 + labels` words: key low, key high, then the weights as f32 bits.
    /// Key 0 marks an unused row (its weights are 0).
    slots: Vec<u32>,
    /// Where each key's row is.
    hash: PerfectHash,
    /// Weights of the key 0, which cannot live in the table.
    zero: Option<Vec<f32>>,
    len: usize,
}

/// The most labels a [`Perceptron`] scores into a fixed-size local array;
/// the transition models have 12 outputs.
const MAX_LABELS: usize = 12;

/// A perfect hash of a fixed set of `u64` keys into `rows` rows (PTHash:
/// Pibiri and Trani, SIGIR 2021): each key falls into a bucket of two or
/// three, and each bucket has a 16-bit pilot chosen at build time so that its
/// keys land in rows no other key took. Rows are an eighth more than keys.
///
/// Written here rather than taken from a crate: the keys are already hashes,
/// the rows must hold the weights beside the key (one cache line per
/// lookup), and the lookup is the two multiplies below, inlined into the
/// scoring loop; the crates that build PTHash functions (`ptr_hash`,
/// `pthash`) bring their own hashing, rayon or a C++ build for the same few
/// lines.
#[derive(Debug, Clone, Default)]
struct PerfectHash {
    pilots: Vec<u16>,
    rows: usize,
}

/// How many features ahead [`Perceptron::score_all`] requests rows.
const PREFETCH: usize = 64;

/// Buckets per key: 2 for every 5 keys (2.5 keys a bucket, so pilots are
/// found in few tries and the model loads in a tenth of a second).
const BUCKETS_PER_KEY: (usize, usize) = (2, 5);

impl PerfectHash {
    /// Place `keys` (distinct) into rows; `None` if some bucket finds no pilot.
    fn build(keys: &[u64], rows: usize) -> Option<(Self, Vec<usize>)> {
        let (num, den) = BUCKETS_PER_KEY;
        let buckets = (keys.len() * num).div_ceil(den).max(1);
        let mut h = PerfectHash {
            pilots: vec![0; buckets],
            rows,
        };
        // Keys grouped by bucket (a counting sort: the model loads at every
        // start, and comparison sorts of its million keys were most of that).
        let bucket_of: Vec<usize> = keys.iter().map(|&k| h.bucket(k)).collect();
        let mut starts = vec![0usize; buckets + 1];
        for &b in &bucket_of {
            starts[b + 1] += 1;
        }
        for b in 0..buckets {
            starts[b + 1] += starts[b];
        }
        let mut members = vec![0usize; keys.len()];
        let mut next = starts.clone();
        for (i, &b) in bucket_of.iter().enumerate() {
            members[next[b]] = i;
            next[b] += 1;
        }
        let group = |b: usize| &members[starts[b]..starts[b + 1]];
        // Largest buckets first, while most rows are free; in bucket order
        // within a size.
        let largest = (0..buckets).map(|b| group(b).len()).max().unwrap_or(0);
        let mut by_size: Vec<Vec<usize>> = vec![Vec::new(); largest + 1];
        for b in 0..buckets {
            by_size[group(b).len()].push(b);
        }
        let groups = by_size.iter().rev().flatten().map(|&b| (b, group(b)));
        let mut taken = vec![false; rows];
        let mut row_of = vec![0usize; keys.len()];
        let mut at = Vec::new();
        for (b, g) in groups {
            let found = (0..=u16::MAX).find(|&pilot| {
                at.clear();
                for &i in g {
                    let r = h.row_with(keys[i], pilot);
                    if taken[r] || at.contains(&r) {
                        return false;
                    }
                    at.push(r);
                }
                true
            })?;
            h.pilots[b] = found;
            for (&i, &r) in g.iter().zip(&at) {
                taken[r] = true;
                row_of[i] = r;
            }
        }
        Some((h, row_of))
    }

    fn bucket(&self, key: u64) -> usize {
        fast_range(key.wrapping_mul(0x9E37_79B9_7F4A_7C15), self.pilots.len())
    }

    fn row_with(&self, key: u64, pilot: u16) -> usize {
        let mixed = (key ^ u64::from(pilot).wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
            .wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        fast_range(mixed, self.rows)
    }

    /// The row of `key` if it is one of the keys built with; some row otherwise.
    #[inline]
    fn row(&self, key: u64) -> usize {
        self.row_with(key, self.pilots[self.bucket(key)])
    }
}

/// Ask the CPU to bring `x`'s cache line in, without waiting for it.
///
/// The workspace's one `unsafe` block: Rust has no stable safe prefetch, and
/// `_mm_prefetch` is `unsafe` only because it is a target-feature intrinsic;
/// a prefetch is a hint that reads nothing into the program and cannot fault,
/// whatever the address. It is given a reference, so the address is valid
/// anyway. SSE, which provides it, is part of every x86-64 CPU. Elsewhere
/// this does nothing.
#[inline(always)]
#[allow(unsafe_code)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: see above; SSE is in the x86-64 baseline.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>((x as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// `x` mapped onto `0..n` by its high bits (Lemire's multiply-shift).
#[inline]
fn fast_range(x: u64, n: usize) -> usize {
    ((u128::from(x) * n as u128) >> 64) as usize
}

impl Perceptron {
    /// Build from `(key, weights)` rows; each weight list has `labels` entries.
    fn from_rows(labels: usize, rows: &[(u64, Vec<f32>)]) -> Self {
        let keys = rows.iter().map(|r| r.0).collect();
        let weights: Vec<f32> = rows.iter().flat_map(|r| r.1.iter().copied()).collect();
        Self::from_flat(labels, keys, &weights)
    }

    /// Build from distinct keys and their weights end to end (`labels` per key).
    fn from_flat(labels: usize, mut keys: Vec<u64>, weights: &[f32]) -> Self {
        assert!(labels <= MAX_LABELS, "at most {MAX_LABELS} labels");
        assert_eq!(weights.len(), keys.len() * labels);
        let len = keys.len();
        let zero = keys
            .iter()
            .position(|&k| k == 0)
            .map(|i| weights[i * labels..(i + 1) * labels].to_vec());
        let weights: Vec<&[f32]> = keys
            .iter()
            .zip(weights.chunks_exact(labels.max(1)))
            .filter(|(&k, _)| k != 0)
            .map(|(_, w)| w)
            .collect();
        keys.retain(|&k| k != 0);
        // An eighth spare rows; more if some bucket finds no pilot (never seen).
        let mut count = keys.len() + keys.len() / 8 + 1;
        let (hash, row_of) = loop {
            if let Some(built) = PerfectHash::build(&keys, count) {
                break built;
            }
            count += count / 16 + 1;
        };
        let stride = 2 + labels;
        let mut slots = vec![0; count * stride];
        for ((key, weights), r) in keys.iter().zip(weights).zip(row_of) {
            let at = r * stride;
            slots[at] = *key as u32;
            slots[at + 1] = (key >> 32) as u32;
            for (dst, w) in slots[at + 2..at + stride].iter_mut().zip(weights) {
                *dst = w.to_bits();
            }
        }
        Perceptron {
            labels,
            slots,
            hash,
            zero,
            len,
        }
    }

    /// Number of labels.
    pub fn labels(&self) -> usize {
        self.labels
    }

    /// Add each active feature's weights to `scores` (length = labels), in
    /// the order of `features` (so the f32 sums are the same on every path).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        self.score_all(features, &[features.len()], scores);
    }

    /// [`Perceptron::score`] for many positions at once: position `i`'s
    /// features are `features[ends[i - 1]..ends[i]]` (from 0 for the first)
    /// and its scores go to `scores[i * labels..][..labels]`. Each position's
    /// sum is taken in the order of its features, as [`Perceptron::score`]
    /// does, so both give the same bits.
    ///
    /// Rows are requested `PREFETCH` (64) features ahead of the one being
    /// added: the weights do not fit the cache, and a position's own ~30
    /// lookups are too few to hide the wait for memory.
    pub fn score_all(&self, features: &[u64], ends: &[usize], scores: &mut [f32]) {
        match self.labels {
            3 => self.score_all_n::<3>(features, ends, scores),
            12 => self.score_all_n::<12>(features, ends, scores),
            _ => self.score_all_n::<MAX_LABELS>(features, ends, scores),
        }
    }

    /// [`Perceptron::score_all`] with the label count known to the compiler
    /// (`N ≥ labels`); each position is summed in a local array, so no add
    /// waits on a store to `scores`.
    #[inline]
    fn score_all_n<const N: usize>(&self, features: &[u64], ends: &[usize], scores: &mut [f32]) {
        let labels = self.labels;
        let stride = 2 + labels;
        let row_at = |j: usize| {
            let at = self.hash.row(features[j]) * stride;
            prefetch(&self.slots[at]);
            prefetch(&self.slots[at + stride - 1]);
            at
        };
        // Rows of features `j..j + PREFETCH`, at `j % PREFETCH`.
        let mut ahead = [0usize; PREFETCH];
        for (j, a) in ahead.iter_mut().enumerate().take(features.len()) {
            *a = row_at(j);
        }
        let mut from = 0;
        for (&end, out) in ends.iter().zip(scores.chunks_exact_mut(labels)) {
            let mut acc = [0.0f32; N];
            for (j, &f) in (from..end).zip(&features[from..end]) {
                let slot = j % PREFETCH;
                let at = ahead[slot];
                if j + PREFETCH < features.len() {
                    ahead[slot] = row_at(j + PREFETCH);
                }
                let (key, weights) = self.slots[at..at + stride].split_at(2);
                let hit = (u64::from(key[0]) | (u64::from(key[1]) << 32)) == f;
                // A feature the model lacks adds 0.0, which leaves the sum as it was.
                let weight = |w: &u32| if hit { f32::from_bits(*w) } else { 0.0 };
                match <&[u32; N]>::try_from(weights) {
                    // As many weights as `N`: a loop the compiler unrolls.
                    Ok(weights) => {
                        for (s, w) in acc.iter_mut().zip(weights) {
                            *s += weight(w);
                        }
                    }
                    Err(_) => {
                        for (s, w) in acc.iter_mut().zip(weights) {
                            *s += weight(w);
                        }
                    }
                }
                if f == 0 {
                    if let Some(w) = &self.zero {
                        for (s, w) in acc.iter_mut().zip(w) {
                            *s += w;
                        }
                    }
                }
            }
            from = end;
            out.copy_from_slice(&acc[..labels]);
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
        if !(1..=MAX_LABELS).contains(&labels) {
            return None;
        }
        let n = u32_at(bytes, 4)? as usize;
        let row = 8 + 4 * labels;
        let body = bytes.get(8..8 + n.checked_mul(row)?)?;
        let mut keys: Vec<u64> = Vec::with_capacity(n);
        let mut weights = Vec::with_capacity(n * labels);
        for chunk in body.chunks_exact(row) {
            let (key, w) = chunk.split_at(8);
            let key = u64::from_le_bytes(key.try_into().ok()?);
            // `write` sorts the keys, and the perfect hash needs them
            // distinct (a repeated key finds no row of its own).
            if keys.last().is_some_and(|&last| last >= key) {
                return None;
            }
            keys.push(key);
            weights.extend(
                w.chunks_exact(4)
                    .map(|w| f32::from_le_bytes([w[0], w[1], w[2], w[3]])),
            );
        }
        Some((
            Self::from_flat(labels, keys, &weights),
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

    /// A deterministic stream of pseudo-random `u64`s (splitmix64).
    fn keys(seed: u64, n: usize) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
                let mut z = x;
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                z ^ (z >> 31)
            })
            .collect()
    }

    #[test]
    fn the_perfect_hash_gives_every_key_its_own_row() {
        let keys = keys(7, 50_000);
        let (hash, row_of) = PerfectHash::build(&keys, keys.len() + keys.len() / 8).unwrap();
        let mut seen = vec![false; hash.rows];
        for (k, r) in keys.iter().zip(&row_of) {
            assert_eq!(hash.row(*k), *r);
            assert!(!seen[*r], "two keys in row {r}");
            seen[*r] = true;
        }
    }

    /// `score_all` gives the bits of a plain map summed in feature order, for
    /// known, unknown, repeated and zero keys, whatever the positions' sizes.
    #[test]
    fn scores_are_the_sums_of_a_plain_map_in_feature_order() {
        for labels in [2, 3, 12] {
            let known = keys(labels as u64, 3_000);
            let mut rows: Vec<(u64, Vec<f32>)> = known
                .iter()
                .zip(keys(99, 3_000 * labels).chunks(labels))
                .map(|(&k, w)| {
                    let w = w.iter().map(|&x| (x % 2001) as f32 / 97.0 - 10.0);
                    (k, w.collect())
                })
                .collect();
            rows.push((0, vec![0.125; labels]));
            let model = Perceptron::from_rows(labels, &rows);
            let map: HashMap<u64, &Vec<f32>> = rows.iter().map(|(k, w)| (*k, w)).collect();
            // Positions of 0 to 40 features: known keys, unknown ones, repeats and 0.
            let unknown = keys(5, 500);
            let mut features = Vec::new();
            let mut ends = Vec::new();
            for (i, r) in keys(11, 400).iter().enumerate() {
                for j in 0..(r % 41) as usize {
                    features.push(match (i + j) % 5 {
                        0 | 1 => known[((r >> 8) as usize + j % 3) % known.len()],
                        2 => unknown[(i * 7 + j) % unknown.len()],
                        3 => known[(i + j) % known.len()],
                        _ => [0, known[0]][j % 2],
                    });
                }
                ends.push(features.len());
            }
            let mut all = vec![f32::NAN; ends.len() * labels];
            model.score_all(&features, &ends, &mut all);
            let mut from = 0;
            for (i, &end) in ends.iter().enumerate() {
                let mut want = vec![0.0f32; labels];
                for f in &features[from..end] {
                    if let Some(w) = map.get(f) {
                        want.iter_mut().zip(w.iter()).for_each(|(s, w)| *s += w);
                    }
                }
                let mut one = vec![f32::NAN; labels];
                model.score(&features[from..end], &mut one);
                let got = &all[i * labels..(i + 1) * labels];
                let bits = |v: &[f32]| v.iter().map(|x| (*x + 0.0).to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(got), bits(&want), "position {i}, {labels} labels");
                assert_eq!(bits(&one), bits(&want), "position {i}, {labels} labels");
                from = end;
            }
        }
    }

    /// A model file with a repeated or unsorted key is refused: the perfect
    /// hash cannot give a repeated key a row of its own (it would search forever).
    #[test]
    fn a_model_with_a_repeated_key_is_refused() {
        let file = |keys: [u64; 2]| {
            let mut bytes = [3u32.to_le_bytes(), 2u32.to_le_bytes()].concat();
            for k in keys {
                bytes.extend_from_slice(&k.to_le_bytes());
                bytes.extend_from_slice(&[0u8; 12]);
            }
            bytes
        };
        assert!(Perceptron::read(&file([5, 9])).is_some());
        assert!(Perceptron::read(&file([9, 9])).is_none());
        assert!(Perceptron::read(&file([9, 5])).is_none());
    }
}
