//! Feature templates of the two taggers.
//!
//! A feature is a template name and a few string parts. Each string is hashed
//! with FNV-1a, and the template's hash and its parts' hashes are combined
//! into one `u64` key (stable across platforms and runs, so the shipped model
//! file means the same everywhere). Word and shape hashes are computed once
//! per token ([`TokenView`]) and combined per feature with two multiplies,
//! rather than rehashing the strings for every template, cue and token.

use crate::lexicon::cues::is_cue_word;
use crate::lexicon::pronouns;
use crate::text::Doc;
use crate::text::TokenKind;
use std::collections::HashSet;

/// Accumulates hashed features for one token.
#[derive(Default)]
pub struct Features {
    /// The active feature hashes.
    pub keys: Vec<u64>,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a hash of a string (a `const fn`, so template names hash at compile
/// time: see the `name!` macro).
pub const fn hash_str(s: &str) -> u64 {
    let bytes = s.as_bytes();
    let mut h = FNV_OFFSET;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// The hash of a template name, computed at compile time (the taggers add
/// some 70 features per token and cue; hashing their names each time was
/// measurable).
macro_rules! name {
    ($s:literal) => {{
        const H: u64 = hash_str($s);
        H
    }};
}

/// Fold the hash of one more part into a feature key (order matters).
fn combine(h: u64, part: u64) -> u64 {
    (h.rotate_left(23) ^ part).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (h >> 29)
}

impl Features {
    /// Remove every feature.
    pub fn clear(&mut self) {
        self.keys.clear();
    }

    /// Add the feature `name=parts[0]|parts[1]|…`.
    pub fn add(&mut self, name: &str, parts: &[&str]) {
        let mut h = hash_str(name);
        for p in parts {
            h = combine(h, hash_str(p));
        }
        self.keys.push(h);
    }

    /// [`Features::add`] with the name and parts already hashed by
    /// [`hash_str`] (same key for the same strings).
    pub fn add_hashed(&mut self, name: u64, parts: &[u64]) {
        let mut h = name;
        for &p in parts {
            h = combine(h, p);
        }
        self.keys.push(h);
    }
}

/// Per-token strings and facts the templates use, computed once per document
/// (the role tagger visits each token once per nearby cue).
pub struct TokenView {
    /// Lowercased token text (digits collapsed to `0`).
    pub norm: Vec<String>,
    /// Word shape (`Xx`, `x`, `X.X.`, `0`, …).
    pub shape: Vec<String>,
    /// [`hash_str`] of each `norm`.
    norm_h: Vec<u64>,
    /// [`hash_str`] of each `shape`.
    shape_h: Vec<u64>,
    /// [`hash_str`] of the last three and last two characters of each `norm`.
    suffix_h: Vec<(u64, u64)>,
    /// [`COMMA`] and [`QUOTE_MARK`] bits of each token.
    punct: Vec<u8>,
    /// For tokens inside a quote: the first quote (in `doc.quotes` order)
    /// whose outer span holds the token.
    quote_of: Vec<Option<u32>>,
    /// Number of cue tokens before each token (set by [`TokenView::set_cues`]),
    /// one entry more than there are tokens.
    cues_before: Vec<u32>,
}

const COMMA: u8 = 1;
const QUOTE_MARK: u8 = 2;

impl TokenView {
    /// Compute the view of `doc`'s tokens.
    pub fn new(doc: &Doc) -> Self {
        let mut norm = Vec::with_capacity(doc.tokens.len());
        let mut shape = Vec::with_capacity(doc.tokens.len());
        let mut norm_h = Vec::with_capacity(doc.tokens.len());
        let mut shape_h = Vec::with_capacity(doc.tokens.len());
        let mut suffix_h = Vec::with_capacity(doc.tokens.len());
        let mut punct = Vec::with_capacity(doc.tokens.len());
        let mut quote_of = Vec::with_capacity(doc.tokens.len());
        // Quotes are disjoint and in text order, as tokens are.
        let mut qi = 0;
        for (i, t) in doc.tokens.iter().enumerate() {
            let s = t.span.slice(doc.text);
            let n = if t.kind == TokenKind::Number {
                "0".to_string()
            } else if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                s.to_string()
            } else {
                s.to_lowercase().replace('’', "'")
            };
            punct.push(match n.as_str() {
                "," => COMMA,
                "\"" | "“" | "”" | "'" | "‘" => QUOTE_MARK,
                _ => 0,
            });
            norm_h.push(hash_str(&n));
            suffix_h.push((hash_str(suffix(&n, 3)), hash_str(suffix(&n, 2))));
            norm.push(n);
            let sh = word_shape(s);
            shape_h.push(hash_str(&sh));
            shape.push(sh);
            while qi < doc.quotes.len() && doc.quotes[qi].outer.end < t.span.end {
                qi += 1;
            }
            quote_of.push(
                (doc.token_in_quote[i]
                    && qi < doc.quotes.len()
                    && doc.quotes[qi].outer.start <= t.span.start)
                    .then_some(qi as u32),
            );
        }
        TokenView {
            norm,
            shape,
            norm_h,
            shape_h,
            suffix_h,
            punct,
            quote_of,
            cues_before: vec![0; doc.tokens.len() + 1],
        }
    }

    /// Record which tokens are cues (`[start, end)` ranges), so the role
    /// tagger knows when another cue stands between a token and its own.
    pub fn set_cues(&mut self, cues: &[(usize, usize)]) {
        let mut is_cue = vec![false; self.norm.len()];
        for &(s, e) in cues {
            is_cue[s..e].iter_mut().for_each(|c| *c = true);
        }
        let mut n = 0;
        for (i, c) in is_cue.into_iter().enumerate() {
            self.cues_before[i] = n;
            n += u32::from(c);
        }
        self.cues_before[self.norm.len()] = n;
    }

    fn norm_at(&self, i: isize) -> &str {
        if i < 0 {
            "<s>"
        } else {
            self.norm.get(i as usize).map_or("</s>", String::as_str)
        }
    }

    /// [`hash_str`] of [`TokenView::norm_at`].
    fn norm_h_at(&self, i: isize) -> u64 {
        hash_at(&self.norm_h, i)
    }

    /// [`hash_str`] of the shape of token `i`, `<s>`/`</s>` outside the text.
    fn shape_h_at(&self, i: isize) -> u64 {
        hash_at(&self.shape_h, i)
    }
}

/// Entry `i` of per-token hashes, or the hash of `<s>`/`</s>` before and after the text.
fn hash_at(hashes: &[u64], i: isize) -> u64 {
    match usize::try_from(i) {
        Err(_) => name!("<s>"),
        Ok(i) => hashes.get(i).copied().unwrap_or_else(|| name!("</s>")),
    }
}

fn word_shape(s: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in s.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            '0'
        } else {
            c
        };
        if last != Some(k) {
            out.push(k);
            if out.len() >= 6 {
                break;
            }
        }
        last = Some(k);
    }
    out
}

/// What the cue tagger's label-transition templates need about one token.
#[derive(Debug, Clone, Copy)]
pub struct CueToken {
    word: u64,
    inq: u64,
}

/// Templates for the cue tagger at token `i` that do not depend on the
/// previous label (see [`cue_transition_features`]).
pub fn cue_features(
    doc: &Doc,
    view: &TokenView,
    lexicon: &HashSet<String>,
    i: usize,
    f: &mut Features,
) -> CueToken {
    f.clear();
    let ii = i as isize;
    let w = view.norm_at(ii);
    let wh = view.norm_h_at(ii);
    let (p1, p2, n1, n2) = (
        view.norm_h_at(ii - 1),
        view.norm_h_at(ii - 2),
        view.norm_h_at(ii + 1),
        view.norm_h_at(ii + 2),
    );
    let shape = view.shape_h[i];
    let inq = if doc.token_in_quote[i] {
        name!("q")
    } else {
        name!("-")
    };
    let sent_start = doc.sentence_tokens[doc.token_sentence[i]].0 == i;
    f.add("b", &[]);
    f.add_hashed(name!("w"), &[wh]);
    f.add_hashed(name!("p1"), &[p1]);
    f.add_hashed(name!("p2"), &[p2]);
    f.add_hashed(name!("n1"), &[n1]);
    f.add_hashed(name!("n2"), &[n2]);
    f.add_hashed(name!("p1w"), &[p1, wh]);
    f.add_hashed(name!("wn1"), &[wh, n1]);
    f.add_hashed(name!("p2p1"), &[p2, p1]);
    f.add_hashed(name!("n1n2"), &[n1, n2]);
    f.add_hashed(name!("sh"), &[shape]);
    f.add_hashed(name!("suf3"), &[view.suffix_h[i].0]);
    f.add_hashed(name!("suf2"), &[view.suffix_h[i].1]);
    f.add_hashed(name!("q"), &[inq]);
    f.add_hashed(name!("qw"), &[inq, wh]);
    let lex = lexicon.contains(w) || is_cue_word(w);
    if lex {
        f.add_hashed(name!("lex"), &[inq]);
        f.add_hashed(name!("lexp1"), &[p1]);
        f.add_hashed(name!("lexn1"), &[n1]);
    }
    f.add("ss", &[if sent_start { "1" } else { "0" }]);
    let sh_p1 = view.shape_h_at(ii - 1);
    let sh_n1 = view.shape_h_at(ii + 1);
    f.add_hashed(name!("shn1"), &[shape, sh_n1]);
    f.add_hashed(name!("wshn1"), &[wh, sh_n1]);
    f.add_hashed(name!("shp1w"), &[sh_p1, wh]);
    let has_quote = doc.sentence_has_quote[doc.token_sentence[i]];
    f.add_hashed(
        name!("sq"),
        &[if has_quote { name!("1") } else { name!("0") }, wh],
    );
    CueToken { word: wh, inq }
}

/// The cue tagger's templates weighed per (previous label, label) pair,
/// into `keys` (cleared first).
pub fn cue_transition_features(t: &CueToken, keys: &mut Features) {
    keys.clear();
    keys.add("pt", &[]);
    keys.add_hashed(name!("ptw"), &[t.word]);
    keys.add_hashed(name!("ptq"), &[t.inq]);
}

/// Where token `i` stands relative to the cue tokens `[cs, ce)`.
pub struct CueContext<'a> {
    /// First cue token.
    pub start: usize,
    /// One past the last cue token.
    pub end: usize,
    /// The cue's normalised text (its tokens joined by spaces, at most three).
    pub text: &'a str,
    /// [`hash_str`] of `text`.
    pub text_h: u64,
}

impl<'a> CueContext<'a> {
    /// The cue `[start, end)` with its normalised text.
    pub fn new(start: usize, end: usize, text: &'a str) -> Self {
        CueContext {
            start,
            end,
            text,
            text_h: hash_str(text),
        }
    }
}

/// What the role tagger's label-transition templates need about one token
/// (hashes of its position relative to the cue, word, quote state and shape).
#[derive(Debug, Clone, Copy)]
pub struct RoleToken {
    rel: u64,
    dist: u64,
    word: u64,
    inq: u64,
    shape: u64,
}

/// Templates for the source/content tagger at token `i` for one cue that do
/// are weighed per label only (see [`role_transition_features`] for those
/// weighed per previous label too).
pub fn role_features(
    doc: &Doc,
    view: &TokenView,
    cue: &CueContext,
    i: usize,
    f: &mut Features,
) -> RoleToken {
    f.clear();
    let ii = i as isize;
    let w = view.norm_at(ii);
    let rel = if i < cue.start {
        name!("B")
    } else if i >= cue.end {
        name!("A")
    } else {
        name!("C")
    };
    let dist = if i < cue.start {
        cue.start - i
    } else {
        i.saturating_sub(cue.end - 1)
    };
    let dist = bucket(dist);
    let sent_off = doc.token_sentence[i] as isize - doc.token_sentence[cue.start] as isize;
    let sent_off = match sent_off {
        x if x < -2 => name!("-3"),
        -2 => name!("-2"),
        -1 => name!("-1"),
        0 => name!("0"),
        1 => name!("1"),
        _ => name!("2"),
    };
    let inq = if doc.token_in_quote[i] {
        name!("q")
    } else {
        name!("-")
    };
    // Is there a comma or quote mark between this token and the cue?
    let (lo, hi) = if i < cue.start {
        (i + 1, cue.start)
    } else {
        (cue.end, i)
    };
    let bits = view.punct[lo..hi.min(lo + 60).max(lo)]
        .iter()
        .fold(0, |acc, &b| acc | b);
    let (comma, quote) = (bits & COMMA != 0, bits & QUOTE_MARK != 0);
    let other_cue = view.cues_before[hi] > view.cues_before[lo];
    let between = match (comma, quote) {
        (true, true) => name!("cq"),
        (true, false) => name!("c"),
        (false, true) => name!("q"),
        (false, false) => name!("-"),
    };
    // Inside the quote that ends just before the cue or starts just after it.
    let adjacent_quote = doc.token_in_quote[i] && {
        let q = view.quote_of[i].map(|q| &doc.quotes[q as usize]);
        q.is_some_and(|q| {
            let cue_start = doc.tokens[cue.start].span.start;
            let cue_end = doc.tokens[cue.end - 1].span.end;
            let gap = if q.outer.end <= cue_start {
                &doc.text[q.outer.end..cue_start]
            } else if q.outer.start >= cue_end {
                &doc.text[cue_end..q.outer.start]
            } else {
                ""
            };
            gap.split_whitespace().count() <= 4 && !gap.contains(['.', '!', '?'])
        })
    };
    let (ss, se) = doc.sentence_tokens[doc.token_sentence[i]];
    let edge = if i == ss {
        name!("first")
    } else if i + 1 == se {
        name!("last")
    } else {
        name!("mid")
    };
    let pron = pronouns::SPEAKER.contains(&w) || pronouns::TAGGER_EXTRA.contains(&w);
    let (w, p1, n1) = (
        view.norm_h_at(ii),
        view.norm_h_at(ii - 1),
        view.norm_h_at(ii + 1),
    );
    let shape = view.shape_h[i];
    let cue_text = cue.text_h;
    f.add("b", &[]);
    f.add_hashed(name!("rel"), &[rel]);
    f.add_hashed(name!("rd"), &[rel, dist]);
    f.add_hashed(name!("so"), &[sent_off]);
    f.add_hashed(name!("sor"), &[sent_off, rel]);
    f.add_hashed(name!("w"), &[w]);
    f.add_hashed(name!("rw"), &[rel, w]);
    f.add_hashed(name!("p1"), &[p1]);
    f.add_hashed(name!("n1"), &[n1]);
    f.add_hashed(name!("rp1"), &[rel, p1]);
    f.add_hashed(name!("rn1"), &[rel, n1]);
    f.add_hashed(name!("sh"), &[shape]);
    f.add_hashed(name!("rsh"), &[rel, shape]);
    f.add_hashed(name!("cue"), &[rel, cue_text]);
    f.add_hashed(name!("cued"), &[rel, dist, cue_text]);
    f.add_hashed(name!("q"), &[inq, rel]);
    f.add_hashed(name!("qd"), &[inq, rel, dist]);
    let other_cue = if other_cue { name!("1") } else { name!("0") };
    f.add_hashed(name!("oc"), &[other_cue, rel]);
    f.add_hashed(name!("ocd"), &[other_cue, rel, dist]);
    f.add_hashed(name!("bt"), &[between, rel]);
    f.add_hashed(name!("btd"), &[between, rel, dist]);
    f.add_hashed(
        name!("pron"),
        &[if pron { name!("1") } else { name!("0") }, rel, dist],
    );
    f.add_hashed(
        name!("adjq"),
        &[
            if adjacent_quote {
                name!("1")
            } else {
                name!("0")
            },
            rel,
        ],
    );
    f.add_hashed(name!("edge"), &[edge, rel, sent_off]);
    f.add_hashed(name!("edgew"), &[edge, w]);
    f.add_hashed(name!("toend"), &[bucket(se - 1 - i), rel, sent_off]);
    f.add_hashed(name!("p1w"), &[p1, w, rel]);
    f.add_hashed(name!("wn1"), &[w, n1, rel]);
    RoleToken {
        rel,
        dist,
        word: w,
        inq,
        shape,
    }
}

/// The role tagger's templates weighed per (previous label, label) pair,
/// into `keys` (cleared first).
pub fn role_transition_features(t: &RoleToken, keys: &mut Features) {
    keys.clear();
    keys.add("pt", &[]);
    keys.add_hashed(name!("ptr"), &[t.rel]);
    keys.add_hashed(name!("ptw"), &[t.word]);
    keys.add_hashed(name!("ptrd"), &[t.rel, t.dist]);
    keys.add_hashed(name!("ptq"), &[t.inq, t.rel]);
    keys.add_hashed(name!("ptsh"), &[t.shape]);
}

/// [`hash_str`] of a distance's bucket (`0`–`3`, `5`, `10`, `20`, `far`).
fn bucket(d: usize) -> u64 {
    match d {
        0 => name!("0"),
        1 => name!("1"),
        2 => name!("2"),
        3 => name!("3"),
        4..=5 => name!("5"),
        6..=10 => name!("10"),
        11..=20 => name!("20"),
        _ => name!("far"),
    }
}

fn suffix(w: &str, n: usize) -> &str {
    let start = w.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &w[start..]
}
