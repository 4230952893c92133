//! The learned attribution tagger: which tokens are cues ("said", "according
//! to", "told reporters"), and for each cue, which tokens are its source and
//! its content.
//!
//! Two averaged perceptrons (see [`perceptron`]) decoded greedily left to
//! right with BIO constraints:
//! 1. the **cue tagger** labels every token `O`/`B`/`I` of a cue;
//! 2. the **role tagger** runs once per found cue over the cue's neighbourhood
//!    (up to three sentences before and two after, inside its paragraph) and
//!    labels tokens as source or content of *that* cue, so one sentence can
//!    hold several attributions and every attribution comes out as a relation.
//!
//! The model is trained from PolNeAR's training split by `credence train`
//! (see the README) and shipped inside the binary.

pub mod features;
pub mod perceptron;
pub mod train;

use crate::doc::Doc;
use crate::span::Span;
use features::{cue_features, role_features, CueContext, Features, TokenView};
use perceptron::Perceptron;
use std::collections::HashSet;

/// The model file shipped with credence (trained on PolNeAR train).
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../model/attribution.model");

const MAGIC: &[u8] = b"credence-attribution-v1\n";

/// Cue labels.
pub const CUE_LABELS: [&str; 3] = ["O", "B", "I"];
/// Role labels: outside, source, content. IO rather than BIO: a span is a
/// maximal run, so the tagger never has to commit to where a long content
/// begins far from its cue (greedy BIO did, and fit even its training data poorly).
pub const ROLE_LABELS: [&str; 3] = ["O", "S", "C"];

/// A cue with the source and content the role tagger found for it (byte spans).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaggedAttribution {
    /// The cue.
    pub cue: Span,
    /// The source, when one was found.
    pub source: Option<Span>,
    /// The content, when one was found (covering all its pieces).
    pub content: Option<Span>,
}

/// The two taggers and the cue lexicon mined from training data.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Cue tagger.
    pub cue: Perceptron,
    /// Source/content tagger.
    pub role: Perceptron,
    /// Words that were cues often in training.
    pub lexicon: HashSet<String>,
}

impl Model {
    /// The model embedded in the binary.
    pub fn embedded() -> &'static Model {
        static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(EMBEDDED_MODEL).expect("the embedded model file is valid")
        })
    }

    /// Parse a model file.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (cue, rest) = Perceptron::read(rest)?;
        let (role, rest) = Perceptron::read(rest)?;
        let lexicon = std::str::from_utf8(rest)
            .ok()?
            .lines()
            .map(str::to_string)
            .collect();
        (cue.labels() == CUE_LABELS.len() && role.labels() == ROLE_LABELS.len()).then_some(Model {
            cue,
            role,
            lexicon,
        })
    }

    /// Serialise to the model file format (deterministic bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.cue.write(&mut out);
        self.role.write(&mut out);
        let mut words: Vec<&String> = self.lexicon.iter().collect();
        words.sort();
        for w in words {
            out.extend_from_slice(w.as_bytes());
            out.push(b'\n');
        }
        out
    }

    /// Find every attribution in `doc`.
    pub fn attributions(&self, doc: &Doc) -> Vec<TaggedAttribution> {
        let view = TokenView::new(doc);
        let mut f = Features::default();
        let cues = decode_cues(doc, &view, &self.lexicon, &mut f, |f, s| {
            self.cue.score(f, s)
        });
        cues.into_iter()
            .map(|(cs, ce)| {
                let (lo, hi) = role_window(doc, cs, ce);
                let cue_text = cue_text(&view, cs, ce);
                let ctx = CueContext::new(cs, ce, &cue_text);
                let labels = decode_roles(doc, &view, &ctx, lo, hi, &mut f, |f, s| {
                    self.role.score(f, s)
                });
                roles_to_attribution(doc, &view, cs, ce, lo, &labels)
            })
            .collect()
    }
}

/// The normalised cue text used as a feature (up to three tokens).
pub(crate) fn cue_text(view: &TokenView, cs: usize, ce: usize) -> String {
    view.norm[cs..ce.min(cs + 3)].join(" ")
}

/// Token window `[lo, hi)` in which the role tagger looks for a cue's source and content.
pub(crate) fn role_window(doc: &Doc, cs: usize, ce: usize) -> (usize, usize) {
    let para = doc.token_paragraph(cs);
    let sent = doc.token_sentence[cs];
    let first = sent.saturating_sub(3);
    let last = (doc.token_sentence[ce - 1] + 2).min(doc.sentences.len() - 1);
    let mut lo = doc.sentence_tokens[first].0;
    let mut hi = doc.sentence_tokens[last].1;
    while doc.token_paragraph(lo) != para {
        lo += 1;
    }
    while doc.token_paragraph(hi - 1) != para {
        hi -= 1;
    }
    (lo, hi)
}

fn allowed(prev: &str, label: &str) -> bool {
    match label {
        "I" => prev == "B" || prev == "I",
        _ => true,
    }
}

pub(crate) fn argmax_allowed(scores: &[f32], labels: &[&str], prev: &str) -> usize {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (l, &s) in scores.iter().enumerate() {
        if allowed(prev, labels[l]) && s > best_score {
            best = l;
            best_score = s;
        }
    }
    best
}

/// Greedy cue decoding; returns token ranges of cues.
pub(crate) fn decode_cues(
    doc: &Doc,
    view: &TokenView,
    lexicon: &HashSet<String>,
    f: &mut Features,
    mut score: impl FnMut(&[u64], &mut [f32]),
) -> Vec<(usize, usize)> {
    let mut scores = [0.0f32; CUE_LABELS.len()];
    let mut cues = Vec::new();
    for &(s, e) in &doc.sentence_tokens {
        let mut prev = "<s>";
        let mut open: Option<usize> = None;
        for i in s..e {
            cue_features(doc, view, lexicon, i, prev, f);
            score(&f.keys, &mut scores);
            let label = CUE_LABELS[argmax_allowed(&scores, &CUE_LABELS, prev)];
            if label != "I" {
                if let Some(o) = open.take() {
                    cues.push((o, i));
                }
            }
            if label == "B" {
                open = Some(i);
            }
            prev = label;
        }
        if let Some(o) = open {
            cues.push((o, e));
        }
    }
    cues
}

/// Greedy role decoding over `[lo, hi)`; returns one label index per token.
pub(crate) fn decode_roles(
    doc: &Doc,
    view: &TokenView,
    cue: &CueContext,
    lo: usize,
    hi: usize,
    f: &mut Features,
    mut score: impl FnMut(&[u64], &mut [f32]),
) -> Vec<usize> {
    let mut scores = [0.0f32; ROLE_LABELS.len()];
    let mut prev = "<s>";
    let mut out = Vec::with_capacity(hi - lo);
    for i in lo..hi {
        if i >= cue.start && i < cue.end {
            out.push(0);
            prev = "O";
            continue;
        }
        role_features(doc, view, cue, i, prev, f);
        score(&f.keys, &mut scores);
        let l = argmax_allowed(&scores, &ROLE_LABELS, prev);
        out.push(l);
        prev = ROLE_LABELS[l];
    }
    out
}

fn roles_to_attribution(
    doc: &Doc,
    view: &TokenView,
    cs: usize,
    ce: usize,
    lo: usize,
    labels: &[usize],
) -> TaggedAttribution {
    let mut runs: [Vec<(usize, usize)>; 3] = Default::default();
    let mut i = 0;
    while i < labels.len() {
        let l = labels[i];
        let mut j = i + 1;
        while j < labels.len() && labels[j] == l {
            j += 1;
        }
        if l != 0 {
            runs[l].push((lo + i, lo + j));
        }
        i = j;
    }
    let distance = |&(a, b): &(usize, usize)| {
        if b <= cs {
            cs - b
        } else {
            a.saturating_sub(ce)
        }
    };
    let source = runs[1].iter().min_by_key(|r| (distance(r), r.0)).copied();
    // Content: the run nearest the cue, joined with neighbouring runs when only
    // the cue, the source or punctuation separate them ("“A,” he said, “B.”").
    let content = runs[2]
        .iter()
        .min_by_key(|r| (distance(r), r.0))
        .map(|&nearest| {
            let mut cover = nearest;
            let joinable = |a: usize, b: usize| {
                (a..b).all(|t| {
                    (cs..ce).contains(&t)
                        || source.is_some_and(|(x, y)| (x..y).contains(&t))
                        || view.shape[t].chars().all(|c| !c.is_alphanumeric())
                })
            };
            for &r in &runs[2] {
                if r.0 >= cover.1 && joinable(cover.1, r.0) {
                    cover.1 = r.1;
                }
            }
            for &r in runs[2].iter().rev() {
                if r.1 <= cover.0 && joinable(r.1, cover.0) {
                    cover.0 = r.0;
                }
            }
            cover
        });
    TaggedAttribution {
        cue: doc.token_span(cs, ce),
        source: source.map(|(a, b)| doc.token_span(a, b)),
        content: content.map(|(a, b)| doc.token_span(a, b)),
    }
}
