//! Static word vectors: what lets "the call was held on Oct. 14" and "the
//! conversation took place on October 14" look alike when they share few
//! words.
//!
//! The table (`score/model/word_vectors.bin`, 50,000 words × 64 dimensions,
//! int8) is built from WordLlama's token embeddings (MIT licence) by
//! `tools/build_word_vectors.py`, which documents how and why; it is
//! embedded at build time, so nothing is downloaded at run time. A claim's
//! vector is the sum of its words' vectors, as WordLlama embeds a text by
//! averaging its tokens; words not in the table add nothing.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Dimensions of a vector.
pub const DIMS: usize = 64;

struct Table {
    index: FxHashMap<&'static str, u32>,
    scales: Vec<f32>,
    values: &'static [u8],
}

const BYTES: &[u8] = include_bytes!("../../model/word_vectors.bin");

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        parse(BYTES).expect("the embedded word vectors are valid (checked by a test)")
    })
}

fn parse(bytes: &'static [u8]) -> Result<Table, String> {
    let rest = bytes
        .strip_prefix(b"CRDWV1\n")
        .ok_or("not a credence word-vector file")?;
    let u32_at = |b: &[u8], at: usize| -> Result<u32, String> {
        b.get(at..at + 4)
            .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
            .ok_or_else(|| "truncated header".to_string())
    };
    let (words, dims) = (u32_at(rest, 0)? as usize, u32_at(rest, 4)? as usize);
    if dims != DIMS {
        return Err(format!("{dims} dimensions, expected {DIMS}"));
    }
    let mut at = 8;
    let mut index = FxHashMap::default();
    index.reserve(words);
    for i in 0..words {
        let end = rest[at..]
            .iter()
            .position(|&b| b == b'\n')
            .ok_or("truncated word list")?;
        let word = std::str::from_utf8(&rest[at..at + end]).map_err(|e| e.to_string())?;
        index.insert(word, i as u32);
        at += end + 1;
    }
    let values = &rest[at..];
    if values.len() != words * (4 + DIMS) {
        return Err("vector block has the wrong length".into());
    }
    let scales = (0..words)
        .map(|i| {
            let s = &values[i * (4 + DIMS)..];
            f32::from_le_bytes([s[0], s[1], s[2], s[3]])
        })
        .collect();
    Ok(Table {
        index,
        scales,
        values,
    })
}

/// The table row of `word` as written, else of `lower` (the word
/// lower-cased, when the caller has it already).
pub fn row_or_lower(word: &str, lower: &str) -> Option<u32> {
    let t = table();
    t.index.get(word).or_else(|| t.index.get(lower)).copied()
}

/// Add the vector in table row `row` to `sum`.
pub fn add_row(row: u32, sum: &mut [f32; DIMS]) {
    let t = table();
    let i = row as usize;
    let values = &t.values[i * (4 + DIMS) + 4..(i + 1) * (4 + DIMS)];
    let scale = t.scales[i];
    for (s, &q) in sum.iter_mut().zip(values) {
        *s += scale * f32::from(q as i8);
    }
}

/// A unit vector quantised to int8 (64 bytes a claim rather than 256).
pub type Quantised = [i8; DIMS];

/// `v` scaled to unit length and quantised; all zeros for a zero vector.
pub fn quantise(v: &[f32; DIMS]) -> Quantised {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    let mut q = [0i8; DIMS];
    if norm > 0.0 {
        for (o, x) in q.iter_mut().zip(v) {
            *o = (x / norm * 127.0).round() as i8;
        }
    }
    q
}

/// Cosine of two quantised vectors (0 when either is zero), 4 decimals.
pub fn cosine(a: &Quantised, b: &Quantised) -> f64 {
    let dot = |x: &Quantised, y: &Quantised| {
        x.iter()
            .zip(y)
            .map(|(&p, &q)| i32::from(p) * i32::from(q))
            .sum::<i32>()
    };
    let (ab, aa, bb) = (dot(a, b), dot(a, a), dot(b, b));
    if aa == 0 || bb == 0 {
        return 0.0;
    }
    ((f64::from(ab) / (f64::from(aa).sqrt() * f64::from(bb).sqrt())) * 1e4).round() / 1e4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(text: &str) -> Quantised {
        let mut sum = [0.0; DIMS];
        for w in text.split_whitespace() {
            if let Some(row) = row_or_lower(w, &w.to_lowercase()) {
                add_row(row, &mut sum);
            }
        }
        quantise(&sum)
    }

    #[test]
    fn the_embedded_table_is_valid() {
        let t = table();
        assert_eq!(t.index.len(), 50_000);
        assert!(t.index.contains_key("Kremlin"));
    }

    #[test]
    fn paraphrases_are_closer_than_unrelated_text() {
        let a = vector("the call was held on October 14");
        let b = vector("the conversation took place on October 14");
        let c = vector("shares of Apple fell after quarterly earnings");
        assert!(
            cosine(&a, &b) > cosine(&a, &c) + 0.1,
            "{} {}",
            cosine(&a, &b),
            cosine(&a, &c)
        );
        assert_eq!(cosine(&a, &[0; DIMS]), 0.0);
    }
}
