//! The learned attribution tagger: which tokens are cues ("said", "according
//! to", "told reporters"), and for each cue, which tokens are its source and
//! its content.
//!
//! Two taggers, each an averaged perceptron over label features plus a small
//! one over transition features (see [`perceptron`]), decoded by Viterbi and
//! trained as a structured perceptron (see [`viterbi`]):
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
pub mod viterbi;

use crate::text::ByteSpan;
use crate::text::Doc;
use features::{
    cue_features, cue_transition_features, role_features, role_transition_features, CueContext,
    CueToken, Features, RoleToken, TokenView,
};
use perceptron::Perceptron;
use std::collections::HashSet;
use viterbi::{Buffers, Sequence, LABELS, TRANSITIONS};

/// The model file shipped with credence (trained on PolNeAR train).
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../model/attribution.model");

const MAGIC: &[u8] = b"credence-attribution-v2\n";

/// Cue labels.
pub const CUE_LABELS: [&str; 3] = ["O", "B", "I"];
/// Role labels: outside, source, content. IO rather than BIO: a span is a
/// maximal run, so the tagger never has to commit to where a long content
/// begins far from its cue (greedy BIO did, and fit even its training data poorly).
pub const ROLE_LABELS: [&str; 3] = ["O", "S", "C"];

// Both taggers decode through `viterbi`, which is built for this many labels.
const _: () = assert!(CUE_LABELS.len() == LABELS && ROLE_LABELS.len() == LABELS);

/// A cue with the source and content the role tagger found for it (byte spans).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaggedAttribution {
    /// The cue.
    pub cue: ByteSpan,
    /// The source, when one was found.
    pub source: Option<ByteSpan>,
    /// The content, when one was found (covering all its pieces).
    pub content: Option<ByteSpan>,
}

/// The attribution tagger: the cue tagger, the role tagger and the cue
/// lexicon mined from training data.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    /// Cue tagger: label weights.
    pub cue: Perceptron,
    /// Cue tagger: transition weights (see [`viterbi::TRANSITIONS`]).
    pub cue_transitions: Perceptron,
    /// Source/content tagger: label weights.
    pub role: Perceptron,
    /// Source/content tagger: transition weights.
    pub role_transitions: Perceptron,
    /// Words that were cues often in training.
    pub lexicon: HashSet<String>,
}

impl Tagger {
    /// The model embedded in the binary.
    pub fn embedded() -> &'static Tagger {
        static MODEL: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| {
            Tagger::from_bytes(EMBEDDED_MODEL).expect("the embedded model file is valid")
        })
    }

    /// Parse a model file.
    pub fn from_bytes(bytes: &[u8]) -> Option<Tagger> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (cue, rest) = Perceptron::read(rest)?;
        let (cue_transitions, rest) = Perceptron::read(rest)?;
        let (role, rest) = Perceptron::read(rest)?;
        let (role_transitions, rest) = Perceptron::read(rest)?;
        let lexicon = std::str::from_utf8(rest)
            .ok()?
            .lines()
            .map(str::to_string)
            .collect();
        let shapes = [
            (&cue, LABELS),
            (&cue_transitions, TRANSITIONS),
            (&role, LABELS),
            (&role_transitions, TRANSITIONS),
        ];
        shapes
            .iter()
            .all(|(p, n)| p.labels() == *n)
            .then_some(Tagger {
                cue,
                cue_transitions,
                role,
                role_transitions,
                lexicon,
            })
    }

    /// Serialise to the model file format (deterministic bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.cue.write(&mut out);
        self.cue_transitions.write(&mut out);
        self.role.write(&mut out);
        self.role_transitions.write(&mut out);
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
        let mut view = TokenView::new(doc);
        let mut bufs = Buffers::default();
        let cues = decode_cues(doc, &view, self, &mut bufs);
        view.set_cues(&cues);
        cues.into_iter()
            .map(|(cs, ce)| {
                let (lo, hi) = role_window(doc, cs, ce);
                let cue_text = cue_text(&view, cs, ce);
                let ctx = CueContext::new(cs, ce, &cue_text);
                let seq = RoleSequence {
                    doc,
                    view: &view,
                    cue: &ctx,
                    lo,
                    hi,
                };
                let labels = viterbi::decode(
                    &seq,
                    &mut bufs,
                    |f, e, s| self.role.score_all(f, e, s),
                    |f, e, s| self.role_transitions.score_all(f, e, s),
                );
                roles_to_attribution(doc, &view, cs, ce, lo, &labels)
            })
            .collect()
    }
}

/// The normalised cue text used as a feature (up to three tokens).
pub(crate) fn cue_text(view: &TokenView, cs: usize, ce: usize) -> String {
    view.norm[cs..ce.min(cs + 3)].join(" ")
}

/// The most tokens the role tagger looks at on either side of a cue: with
/// [`crate::text::sentences::MAX_SENTENCE_BYTES`], it keeps the tagger's
/// work per cue bounded, so text dense with cues stays linear. Sources and
/// contents lie well within it (PolNeAR's figures are the same with it).
pub(crate) const ROLE_REACH: usize = 250;

/// Token window `[lo, hi)` in which the role tagger looks for a cue's
/// source and content: its sentence, three before and two after, within its
/// paragraph and [`ROLE_REACH`] tokens of the cue.
pub(crate) fn role_window(doc: &Doc, cs: usize, ce: usize) -> (usize, usize) {
    let sent = doc.token_sentence[cs];
    let first = sent.saturating_sub(3);
    let last = (doc.token_sentence[ce - 1] + 2).min(doc.sentences.len() - 1);
    let (para_lo, para_hi) = doc.paragraph_tokens(cs);
    let lo = doc.sentence_tokens[first]
        .0
        .max(para_lo)
        .max(cs.saturating_sub(ROLE_REACH));
    let hi = doc.sentence_tokens[last]
        .1
        .min(para_hi)
        .min(ce + ROLE_REACH);
    (lo, hi)
}

/// One sentence as the cue tagger sees it.
pub(crate) struct CueSequence<'a> {
    pub doc: &'a Doc<'a>,
    pub view: &'a TokenView,
    pub lexicon: &'a HashSet<String>,
    /// First token of the sentence.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
}

impl Sequence for CueSequence<'_> {
    type Token = CueToken;
    fn positions(&self) -> usize {
        self.end - self.start
    }
    /// `I` only continues a cue.
    fn allowed(&self, prev: Option<usize>, label: usize) -> bool {
        label != 2 || matches!(prev, Some(1 | 2))
    }
    fn features(&self, k: usize, f: &mut Features) -> CueToken {
        cue_features(self.doc, self.view, self.lexicon, self.start + k, f)
    }
    fn transition(&self, token: &CueToken, f: &mut Features) {
        cue_transition_features(token, f);
    }
}

/// One cue's role window as the role tagger sees it.
pub(crate) struct RoleSequence<'a> {
    pub doc: &'a Doc<'a>,
    pub view: &'a TokenView,
    pub cue: &'a CueContext<'a>,
    /// First token of the window.
    pub lo: usize,
    /// One past its last token.
    pub hi: usize,
}

impl Sequence for RoleSequence<'_> {
    type Token = RoleToken;
    fn positions(&self) -> usize {
        self.hi - self.lo
    }
    /// The cue's own tokens are neither its source nor its content.
    fn forced(&self, k: usize) -> Option<usize> {
        (self.cue.start..self.cue.end)
            .contains(&(self.lo + k))
            .then_some(0)
    }
    fn features(&self, k: usize, f: &mut Features) -> RoleToken {
        role_features(self.doc, self.view, self.cue, self.lo + k, f)
    }
    fn transition(&self, token: &RoleToken, f: &mut Features) {
        role_transition_features(token, f);
    }
}

/// Cue decoding, one sentence at a time; returns token ranges of cues.
fn decode_cues(
    doc: &Doc,
    view: &TokenView,
    model: &Tagger,
    bufs: &mut Buffers,
) -> Vec<(usize, usize)> {
    let mut cues = Vec::new();
    for &(start, end) in &doc.sentence_tokens {
        let seq = CueSequence {
            doc,
            view,
            lexicon: &model.lexicon,
            start,
            end,
        };
        let labels = viterbi::decode(
            &seq,
            bufs,
            |f, e, s| model.cue.score_all(f, e, s),
            |f, e, s| model.cue_transitions.score_all(f, e, s),
        );
        let mut open: Option<usize> = None;
        for (k, &label) in labels.iter().enumerate() {
            if label != 2 {
                if let Some(o) = open.take() {
                    cues.push((o, seq.start + k));
                }
            }
            if label == 1 {
                open = Some(seq.start + k);
            }
        }
        if let Some(o) = open {
            cues.push((o, seq.end));
        }
    }
    cues
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_role_window_is_bounded_however_long_the_sentence() {
        // No sentence end for 30,000 words: capped sentences, and a cue in
        // the middle looks at most ROLE_REACH tokens either side.
        let text = "Smith said ".repeat(15_000);
        let doc = Doc::new(&text);
        for cs in [0, 7_001, doc.tokens.len() - 1] {
            let (lo, hi) = role_window(&doc, cs, cs + 1);
            assert!(lo <= cs && cs < hi, "{lo}..{hi} around {cs}");
            assert!(hi - lo <= 2 * ROLE_REACH + 1, "{lo}..{hi}");
        }
    }
}
