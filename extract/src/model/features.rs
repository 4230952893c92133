//! Feature templates of the two taggers.
//!
//! Features are strings hashed with FNV-1a into `u64` keys (stable across
//! platforms and runs, so the shipped model file means the same everywhere).

use crate::doc::Doc;
use crate::tokens::TokenKind;
use std::collections::HashSet;

/// Accumulates hashed features for one token.
#[derive(Default)]
pub struct Features {
    /// The active feature hashes.
    pub keys: Vec<u64>,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

impl Features {
    fn clear(&mut self) {
        self.keys.clear();
    }

    /// Add the feature `name=parts[0]|parts[1]|…`.
    pub fn add(&mut self, name: &str, parts: &[&str]) {
        let mut h = fnv(FNV_OFFSET, name.as_bytes());
        for p in parts {
            h = fnv(h, &[0x1f]);
            h = fnv(h, p.as_bytes());
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
    /// [`COMMA`] and [`QUOTE_MARK`] bits of each token.
    punct: Vec<u8>,
    /// For tokens inside a quote: the first quote (in `doc.quotes` order)
    /// whose outer span holds the token.
    quote_of: Vec<Option<u32>>,
}

const COMMA: u8 = 1;
const QUOTE_MARK: u8 = 2;

impl TokenView {
    /// Compute the view of `doc`'s tokens.
    pub fn new(doc: &Doc) -> Self {
        let mut norm = Vec::with_capacity(doc.tokens.len());
        let mut shape = Vec::with_capacity(doc.tokens.len());
        let mut punct = Vec::with_capacity(doc.tokens.len());
        let mut quote_of = Vec::with_capacity(doc.tokens.len());
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
            norm.push(n);
            shape.push(word_shape(s));
            quote_of.push(if doc.token_in_quote[i] {
                doc.quotes
                    .iter()
                    .position(|q| q.outer.start <= t.span.start && t.span.end <= q.outer.end)
                    .map(|q| q as u32)
            } else {
                None
            });
        }
        TokenView {
            norm,
            shape,
            punct,
            quote_of,
        }
    }

    fn norm_at(&self, i: isize) -> &str {
        if i < 0 {
            "<s>"
        } else {
            self.norm.get(i as usize).map_or("</s>", String::as_str)
        }
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

/// Speech and cognition verbs that introduce attributions, beyond what the
/// training data mined (`extra`) holds. Inflected forms are listed, not
/// stemmed, so "state" (the noun) does not fire as often as "stated".
pub const CUE_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tell",
    "tells",
    "telling",
    "stated",
    "states",
    "stating",
    "argued",
    "argues",
    "arguing",
    "warned",
    "warns",
    "warning",
    "remarked",
    "remarks",
    "acknowledged",
    "acknowledges",
    "explained",
    "explains",
    "announced",
    "announces",
    "commented",
    "comments",
    "insisted",
    "insists",
    "urged",
    "urges",
    "believed",
    "believes",
    "believe",
    "recounted",
    "recounts",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "added",
    "adds",
    "adding",
    "noted",
    "notes",
    "noting",
    "claimed",
    "claims",
    "claiming",
    "asserted",
    "asserts",
    "suggested",
    "suggests",
    "reported",
    "reports",
    "according",
    "declared",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "predicted",
    "estimated",
    "contended",
    "maintained",
    "emphasized",
    "emphasizing",
    "stressed",
    "observed",
    "complained",
    "admitted",
    "conceded",
    "recalled",
    "responded",
    "replied",
    "asked",
    "expressed",
    "indicated",
    "revealed",
    "disclosed",
    "concluded",
    "testified",
    "posted",
    "alleged",
    "alleges",
    "agreed",
    "criticized",
    "described",
    "think",
    "thinks",
    "hopes",
    "fears",
    "questioned",
    "cautioned",
    "lamented",
    "boasted",
    "vowed",
    "pledged",
    "promised",
    "joked",
    "quipped",
    "mused",
    "countered",
    "retorted",
    "charged",
    "accused",
    "blasted",
    "slammed",
    "praised",
    "defended",
    "told",
    "informed",
    "assured",
    "signaled",
    "signalled",
    "hinted",
    "announcing",
    "indicating",
    "indicated",
    "assuring",
    "calling",
    "emphasizing",
    "explaining",
    "suggesting",
    "insisting",
    "urging",
    "warning",
    "acknowledging",
    "recounting",
    "commenting",
    "stressing",
    "declaring",
    "writing",
    "tweeting",
    "posting",
    "remarking",
    "believing",
];

/// Whether `w` (lowercase) is one of [`CUE_WORDS`].
pub fn is_cue_word(w: &str) -> bool {
    static SET: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| CUE_WORDS.iter().copied().collect())
        .contains(w)
}

/// Templates for the cue tagger at token `i`; `prev` is the previous label.
pub fn cue_features(
    doc: &Doc,
    view: &TokenView,
    lexicon: &HashSet<String>,
    i: usize,
    prev: &str,
    f: &mut Features,
) {
    f.clear();
    let ii = i as isize;
    let w = view.norm_at(ii);
    let (p1, p2, n1, n2) = (
        view.norm_at(ii - 1),
        view.norm_at(ii - 2),
        view.norm_at(ii + 1),
        view.norm_at(ii + 2),
    );
    let shape = view.shape[i].as_str();
    let inq = if doc.token_in_quote[i] { "q" } else { "-" };
    let sent_start = doc.sentence_tokens[doc.token_sentence[i]].0 == i;
    f.add("b", &[]);
    f.add("w", &[w]);
    f.add("p1", &[p1]);
    f.add("p2", &[p2]);
    f.add("n1", &[n1]);
    f.add("n2", &[n2]);
    f.add("p1w", &[p1, w]);
    f.add("wn1", &[w, n1]);
    f.add("p2p1", &[p2, p1]);
    f.add("n1n2", &[n1, n2]);
    f.add("sh", &[shape]);
    f.add("suf3", &[suffix(w, 3)]);
    f.add("suf2", &[suffix(w, 2)]);
    f.add("q", &[inq]);
    f.add("qw", &[inq, w]);
    let lex = lexicon.contains(w) || is_cue_word(w);
    if lex {
        f.add("lex", &[inq]);
        f.add("lexp1", &[p1]);
        f.add("lexn1", &[n1]);
    }
    f.add("ss", &[if sent_start { "1" } else { "0" }]);
    let sh_p1 = if i > 0 {
        view.shape[i - 1].as_str()
    } else {
        "<s>"
    };
    let sh_n1 = view.shape.get(i + 1).map_or("</s>", String::as_str);
    f.add("shn1", &[shape, sh_n1]);
    f.add("wshn1", &[w, sh_n1]);
    f.add("shp1w", &[sh_p1, w]);
    let (ss, se) = doc.sentence_tokens[doc.token_sentence[i]];
    let has_quote = (ss..se).any(|t| doc.token_in_quote[t]);
    f.add("sq", &[if has_quote { "1" } else { "0" }, w]);
    f.add("pt", &[prev]);
    f.add("ptw", &[prev, w]);
    f.add("ptq", &[prev, inq]);
}

/// Where token `i` stands relative to the cue tokens `[cs, ce)`.
pub struct CueContext<'a> {
    /// First cue token.
    pub start: usize,
    /// One past the last cue token.
    pub end: usize,
    /// The cue's normalised text (its tokens joined by spaces, at most three).
    pub text: &'a str,
}

/// Templates for the source/content tagger at token `i` for one cue.
pub fn role_features(
    doc: &Doc,
    view: &TokenView,
    cue: &CueContext,
    i: usize,
    prev: &str,
    f: &mut Features,
) {
    f.clear();
    let ii = i as isize;
    let w = view.norm_at(ii);
    let (p1, n1) = (view.norm_at(ii - 1), view.norm_at(ii + 1));
    let shape = view.shape[i].as_str();
    let rel = if i < cue.start {
        "B"
    } else if i >= cue.end {
        "A"
    } else {
        "C"
    };
    let dist = if i < cue.start {
        cue.start - i
    } else {
        i.saturating_sub(cue.end - 1)
    };
    let dist = bucket(dist);
    let sent_off = doc.token_sentence[i] as isize - doc.token_sentence[cue.start] as isize;
    let sent_off = match sent_off {
        x if x < -2 => "-3",
        -2 => "-2",
        -1 => "-1",
        0 => "0",
        1 => "1",
        _ => "2",
    };
    let inq = if doc.token_in_quote[i] { "q" } else { "-" };
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
    let between = match (comma, quote) {
        (true, true) => "cq",
        (true, false) => "c",
        (false, true) => "q",
        (false, false) => "-",
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
        "first"
    } else if i + 1 == se {
        "last"
    } else {
        "mid"
    };
    let pron = matches!(
        w,
        "he" | "she" | "they" | "i" | "we" | "it" | "who" | "you" | "which"
    );
    f.add("b", &[]);
    f.add("rel", &[rel]);
    f.add("rd", &[rel, dist]);
    f.add("so", &[sent_off]);
    f.add("sor", &[sent_off, rel]);
    f.add("w", &[w]);
    f.add("rw", &[rel, w]);
    f.add("p1", &[p1]);
    f.add("n1", &[n1]);
    f.add("rp1", &[rel, p1]);
    f.add("rn1", &[rel, n1]);
    f.add("sh", &[shape]);
    f.add("rsh", &[rel, shape]);
    f.add("cue", &[rel, cue.text]);
    f.add("cued", &[rel, dist, cue.text]);
    f.add("q", &[inq, rel]);
    f.add("qd", &[inq, rel, dist]);
    f.add("bt", &[between, rel]);
    f.add("btd", &[between, rel, dist]);
    f.add("pron", &[if pron { "1" } else { "0" }, rel, dist]);
    f.add("adjq", &[if adjacent_quote { "1" } else { "0" }, rel]);
    f.add("edge", &[edge, rel, sent_off]);
    f.add("edgew", &[edge, w]);
    f.add("pt", &[prev]);
    f.add("ptr", &[prev, rel]);
    f.add("ptw", &[prev, w]);
    f.add("ptrd", &[prev, rel, dist]);
    f.add("ptq", &[prev, inq, rel]);
    f.add("ptsh", &[prev, shape]);
}

fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "5",
        6..=10 => "10",
        11..=20 => "20",
        _ => "far",
    }
}

fn suffix(w: &str, n: usize) -> &str {
    let start = w.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &w[start..]
}
