//! Training the attribution tagger from brat-annotated articles.

use super::features::TokenView;
use super::viterbi::{self, Buffers, Trainers};
use super::{cue_text, role_window, CueContext, CueSequence, RoleSequence, Tagger};
use crate::eval::Annotations;
use crate::text::CharIndex;
use crate::text::Doc;
use std::collections::{BTreeMap, HashSet};

/// One annotated article: its text and its gold annotations (character offsets).
pub struct Annotated {
    /// The article text.
    pub text: String,
    /// The gold annotations.
    pub gold: Annotations,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the per-epoch shuffle (the result is a pure function of data + seed).
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            epochs: 8,
            seed: 0x00c0_ffee,
        }
    }
}

/// (cue tokens, role window, one role label per window token)
type RoleExample = ((usize, usize), (usize, usize), Vec<usize>);

struct Prepared<'a> {
    doc: Doc<'a>,
    view: TokenView,
    cue_labels: Vec<usize>,
    /// (cue tokens, per-token role labels over the role window)
    roles: Vec<RoleExample>,
}

fn prepare(a: &Annotated) -> Prepared<'_> {
    let doc = Doc::new(&a.text);
    let mut view = TokenView::new(&doc);
    let idx = CharIndex::new(&a.text);
    let mut cue_labels = vec![0usize; doc.tokens.len()];
    let mut roles = Vec::new();
    let mut cue_tokens: Vec<(usize, usize)> = a
        .gold
        .cues
        .iter()
        .filter_map(|&c| doc.tokens_in(idx.span_to_bytes(c)))
        .collect();
    cue_tokens.sort();
    let mut last_end = 0;
    for &(s, e) in &cue_tokens {
        if s < last_end || doc.token_sentence[s] != doc.token_sentence[e - 1] {
            continue; // overlapping or sentence-crossing cue: keep the first
        }
        cue_labels[s] = 1;
        for l in &mut cue_labels[s + 1..e] {
            *l = 2;
        }
        last_end = e;
    }
    view.set_cues(&cue_tokens);
    for att in &a.gold.attributions {
        let Some(cue) = att.cue.and_then(|c| doc.tokens_in(idx.span_to_bytes(c))) else {
            continue;
        };
        let (cs, ce) = cue;
        let (lo, hi) = role_window(&doc, cs, ce);
        let mut labels = vec![0usize; hi - lo];
        let mut mark = |span: Option<crate::text::CharSpan>, label: usize| {
            let Some((s, e)) = span.and_then(|x| doc.tokens_in(idx.span_to_bytes(x))) else {
                return;
            };
            for t in s.max(lo)..e.min(hi) {
                // A content split by its cue ("“A,” he said, “B.”") leaves the cue out.
                if !(cs..ce).contains(&t) && labels[t - lo] == 0 {
                    labels[t - lo] = label;
                }
            }
        };
        mark(att.source, 1);
        mark(att.content, 2);
        roles.push(((cs, ce), (lo, hi), labels));
    }
    Prepared {
        doc,
        view,
        cue_labels,
        roles,
    }
}

/// SplitMix64: a tiny, well-known generator; enough for a reproducible shuffle.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn shuffle<T>(items: &mut [T], state: &mut u64) {
    for i in (1..items.len()).rev() {
        let j = (splitmix(state) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// Words that are part of a gold cue at least 3 times and in at least 30% of
/// their occurrences.
fn mine_lexicon(prepared: &[Prepared]) -> HashSet<String> {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for p in prepared {
        for (i, w) in p.view.norm.iter().enumerate() {
            let c = counts.entry(w.as_str()).or_default();
            c.1 += 1;
            if p.cue_labels[i] != 0 {
                c.0 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(w, (cue, all))| {
            *cue >= 3 && *cue * 10 >= *all * 3 && w.chars().any(char::is_alphabetic)
        })
        .map(|(w, _)| w.to_string())
        .collect()
}

/// Train both taggers.
pub fn train(data: &[Annotated], options: TrainOptions) -> Tagger {
    let prepared: Vec<Prepared> = data.iter().map(prepare).collect();
    let lexicon = mine_lexicon(&prepared);
    let mut rng = options.seed;
    let mut bufs = Buffers::default();

    // Cue tagger: sequences are sentences.
    let mut cue_trainers = Trainers::default();
    let mut sentences: Vec<(usize, usize)> = prepared
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| (0..p.doc.sentence_tokens.len()).map(move |si| (pi, si)))
        .collect();
    for _ in 0..options.epochs {
        shuffle(&mut sentences, &mut rng);
        for &(pi, si) in &sentences {
            let p = &prepared[pi];
            let (s, e) = p.doc.sentence_tokens[si];
            let seq = CueSequence {
                doc: &p.doc,
                view: &p.view,
                lexicon: &lexicon,
                start: s,
                end: e,
            };
            viterbi::train_step(&seq, &p.cue_labels[s..e], &mut cue_trainers, &mut bufs);
        }
    }

    // Role tagger: one sequence per gold cue.
    let mut role_trainers = Trainers::default();
    let mut examples: Vec<(usize, usize)> = prepared
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| (0..p.roles.len()).map(move |ri| (pi, ri)))
        .collect();
    for _ in 0..options.epochs {
        shuffle(&mut examples, &mut rng);
        for &(pi, ri) in &examples {
            let p = &prepared[pi];
            let (cue, window, gold) = &p.roles[ri];
            let text = cue_text(&p.view, cue.0, cue.1);
            let ctx = CueContext::new(cue.0, cue.1, &text);
            let seq = RoleSequence {
                doc: &p.doc,
                view: &p.view,
                cue: &ctx,
                lo: window.0,
                hi: window.1,
            };
            viterbi::train_step(&seq, gold, &mut role_trainers, &mut bufs);
        }
    }
    Tagger {
        cue: cue_trainers.labels.finish(),
        cue_transitions: cue_trainers.transitions.finish(),
        role: role_trainers.labels.finish(),
        role_transitions: role_trainers.transitions.finish(),
        lexicon,
    }
}
