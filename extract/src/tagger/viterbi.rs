//! First-order Viterbi decoding and structured-perceptron updates, shared by
//! both taggers.
//!
//! Greedy left-to-right decoding commits to each token before seeing the
//! next, which cut names and contents short ("Rep. G.K." for "Rep. G.K.
//! Butterfield", "that the Commission" for a whole reported clause). Viterbi
//! finds the best label sequence of the whole window under the model's
//! transition templates; training decodes the same way and moves weight from
//! the decoded sequence's features to the truth's (Collins 2002), so training
//! and extraction see the same decoder.

use super::features::Features;
use super::perceptron::Trainer;

/// Number of labels of both taggers (cue: O/B/I; role: O/S/C).
pub const LABELS: usize = 3;

/// Outputs of a transition model: one weight per (previous label or start,
/// label), at `prev * LABELS + label` with the start as previous label `LABELS`.
/// One lookup of a transition feature gives its weights for every previous
/// label, so Viterbi costs a lookup per template, not one per template and
/// previous label.
pub const TRANSITIONS: usize = (LABELS + 1) * LABELS;

fn transition_index(prev: Option<usize>, label: usize) -> usize {
    prev.unwrap_or(LABELS) * LABELS + label
}

/// A sequence one of the taggers labels.
pub trait Sequence {
    /// What the transition templates need about one position.
    type Token;
    /// Number of positions.
    fn positions(&self) -> usize;
    /// A label the position must take, if any (cue tokens in a role window are `O`).
    fn forced(&self, _k: usize) -> Option<usize> {
        None
    }
    /// Whether `label` may follow `prev` (`None` at the start).
    fn allowed(&self, _prev: Option<usize>, _label: usize) -> bool {
        true
    }
    /// The label-independent features of position `k` into `f` (cleared first).
    fn features(&self, k: usize, f: &mut Features) -> Self::Token;
    /// The features weighed per (previous label, label) pair (see
    /// [`TRANSITIONS`]) of `token` into `f` (cleared first).
    fn transition(&self, token: &Self::Token, f: &mut Features);
}

/// Feature buffers reused across positions and sequences.
#[derive(Default)]
pub struct Buffers {
    emit: Features,
    trans: Features,
    /// Every position's label features, end to end, and where each ends.
    all_emit: Vec<u64>,
    emit_ends: Vec<usize>,
    /// Every position's transition features, end to end, and where each ends.
    all_trans: Vec<u64>,
    trans_ends: Vec<usize>,
    emit_scores: Vec<f32>,
    trans_scores: Vec<f32>,
}

/// A scorer of every position at once, as [`decode`] takes, from a function
/// that scores one position (`outputs` scores).
pub fn each_position(
    outputs: usize,
    mut score: impl FnMut(&[u64], &mut [f32]),
) -> impl FnMut(&[u64], &[usize], &mut [f32]) {
    move |features, ends, scores| {
        let mut from = 0;
        for (&end, out) in ends.iter().zip(scores.chunks_exact_mut(outputs)) {
            score(&features[from..end], out);
            from = end;
        }
    }
}

/// The best label sequence of `seq` under `score` (the weights of the
/// label model) and `trans_score` (those of the transition model, with
/// [`TRANSITIONS`] outputs). Ties go to the lower label index, so the result
/// is deterministic.
///
/// Both score every position at once: position `i`'s features are
/// `features[ends[i - 1]..ends[i]]` (from 0 for the first), its scores go to
/// `scores[i * outputs..][..outputs]` (as
/// [`super::perceptron::Perceptron::score_all`] does; [`each_position`]
/// makes one from a per-position scorer).
///
/// Every position's features are built first and scored in one call each
/// (scores do not depend on the path), so the models can overlap their
/// lookups across positions; then the recurrence runs over the scores.
pub fn decode<S: Sequence>(
    seq: &S,
    bufs: &mut Buffers,
    mut score: impl FnMut(&[u64], &[usize], &mut [f32]),
    mut trans_score: impl FnMut(&[u64], &[usize], &mut [f32]),
) -> Vec<usize> {
    let len = seq.positions();
    bufs.all_emit.clear();
    bufs.emit_ends.clear();
    bufs.all_trans.clear();
    bufs.trans_ends.clear();
    for k in 0..len {
        // Forced positions are not scored: they keep an empty feature list.
        if seq.forced(k).is_none() {
            let token = seq.features(k, &mut bufs.emit);
            seq.transition(&token, &mut bufs.trans);
            bufs.all_emit.extend_from_slice(&bufs.emit.keys);
            bufs.all_trans.extend_from_slice(&bufs.trans.keys);
        }
        bufs.emit_ends.push(bufs.all_emit.len());
        bufs.trans_ends.push(bufs.all_trans.len());
    }
    bufs.emit_scores.clear();
    bufs.emit_scores.resize(len * LABELS, 0.0);
    bufs.trans_scores.clear();
    bufs.trans_scores.resize(len * TRANSITIONS, 0.0);
    score(&bufs.all_emit, &bufs.emit_ends, &mut bufs.emit_scores);
    trans_score(&bufs.all_trans, &bufs.trans_ends, &mut bufs.trans_scores);

    let mut back = vec![[0u8; LABELS]; len];
    let mut best = [f32::NEG_INFINITY; LABELS];
    for (k, back_k) in back.iter_mut().enumerate() {
        let mut next = [f32::NEG_INFINITY; LABELS];
        let prevs: &[Option<usize>] = if k == 0 {
            &[None]
        } else {
            &[Some(0), Some(1), Some(2)]
        };
        if let Some(label) = seq.forced(k) {
            for &p in prevs {
                let from = p.map_or(0.0, |p| best[p]);
                if from > next[label] && seq.allowed(p, label) {
                    next[label] = from;
                    back_k[label] = p.unwrap_or(0) as u8;
                }
            }
        } else {
            let emit = &bufs.emit_scores[k * LABELS..(k + 1) * LABELS];
            let trans = &bufs.trans_scores[k * TRANSITIONS..(k + 1) * TRANSITIONS];
            for &p in prevs {
                let from = p.map_or(0.0, |p| best[p]);
                if from == f32::NEG_INFINITY {
                    continue;
                }
                for l in 0..LABELS {
                    let v = from + emit[l] + trans[transition_index(p, l)];
                    if v > next[l] && seq.allowed(p, l) {
                        next[l] = v;
                        back_k[l] = p.unwrap_or(0) as u8;
                    }
                }
            }
        }
        best = next;
    }
    let mut labels = vec![0; len];
    if len > 0 {
        let mut l = (0..LABELS).fold(0, |a, l| if best[l] > best[a] { l } else { a });
        for k in (0..len).rev() {
            labels[k] = l;
            l = usize::from(back[k][l]);
        }
    }
    labels
}

/// The label and transition models of one tagger, in training.
pub struct Trainers {
    /// Label model ([`LABELS`] outputs).
    pub labels: Trainer,
    /// Transition model ([`TRANSITIONS`] outputs).
    pub transitions: Trainer,
}

impl Default for Trainers {
    fn default() -> Self {
        Trainers {
            labels: Trainer::new(LABELS),
            transitions: Trainer::new(TRANSITIONS),
        }
    }
}

/// One structured-perceptron step on `seq`: decode with the trainers' current
/// weights, then reward the features of `gold` and penalise those of the
/// decoded sequence wherever the two differ.
pub fn train_step<S: Sequence>(
    seq: &S,
    gold: &[usize],
    trainers: &mut Trainers,
    bufs: &mut Buffers,
) {
    let guess = decode(
        seq,
        bufs,
        each_position(LABELS, |f, s| trainers.labels.score(f, s)),
        each_position(TRANSITIONS, |f, s| trainers.transitions.score(f, s)),
    );
    trainers.labels.next_example();
    trainers.transitions.next_example();
    let (trainer, transitions) = (&mut trainers.labels, &mut trainers.transitions);
    for k in 0..seq.positions() {
        let prev = |labels: &[usize]| (k > 0).then(|| labels[k - 1]);
        let (gp, pp) = (prev(gold), prev(&guess));
        if seq.forced(k).is_some() || (gold[k] == guess[k] && gp == pp) {
            continue;
        }
        let token = seq.features(k, &mut bufs.emit);
        if gold[k] != guess[k] {
            trainer.adjust(&bufs.emit.keys, gold[k], 1.0);
            trainer.adjust(&bufs.emit.keys, guess[k], -1.0);
        }
        seq.transition(&token, &mut bufs.trans);
        transitions.adjust(&bufs.trans.keys, transition_index(gp, gold[k]), 1.0);
        transitions.adjust(&bufs.trans.keys, transition_index(pp, guess[k]), -1.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three positions; one transition feature whose weights penalise 1 → 2.
    struct Toy {
        len: usize,
    }

    impl Sequence for Toy {
        type Token = ();
        fn positions(&self) -> usize {
            self.len
        }
        fn allowed(&self, prev: Option<usize>, label: usize) -> bool {
            label != 2 || prev.is_some()
        }
        fn features(&self, k: usize, f: &mut Features) {
            f.clear();
            f.keys.push(100 + k as u64);
        }
        fn transition(&self, _: &(), f: &mut Features) {
            f.clear();
            f.keys.push(1);
        }
    }

    fn toy_score(keys: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|s| *s = 0.0);
        for &k in keys {
            let w: [f32; 3] = match k {
                100 => [1.0, 0.0, 0.0], // position 0 leans to 0
                101 => [0.0, 0.5, 0.0], // position 1 leans to 1
                102 => [0.0, 0.0, 3.0], // position 2 wants 2
                _ => [0.0; 3],
            };
            out.iter_mut().zip(w).for_each(|(o, w)| *o += w);
        }
    }

    fn toy_transitions(_: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|s| *s = 0.0);
        out[transition_index(Some(1), 2)] = -5.0;
    }

    #[test]
    fn viterbi_weighs_the_whole_sequence() {
        let labels = decode(
            &Toy { len: 3 },
            &mut Buffers::default(),
            each_position(LABELS, toy_score),
            each_position(TRANSITIONS, toy_transitions),
        );
        // Greedy takes 1 at position 1 and then cannot afford 2 (0, 1, 0
        // scores 1.5); the best path avoids the 1 → 2 penalty: 0, 0, 2 scores 4.
        assert_eq!(labels, vec![0, 0, 2]);
    }

    #[test]
    fn constraints_hold_at_the_start() {
        let labels = decode(
            &Toy { len: 1 },
            &mut Buffers::default(),
            each_position(LABELS, |_, s| s.copy_from_slice(&[0.0, 0.0, 9.0])),
            each_position(TRANSITIONS, |_, s| s.iter_mut().for_each(|s| *s = 0.0)),
        );
        assert_eq!(labels, vec![0]);
    }

    #[test]
    fn training_learns_the_gold_sequence() {
        let mut trainers = Trainers::default();
        let seq = Toy { len: 3 };
        let gold = [1, 2, 0];
        let mut bufs = Buffers::default();
        for _ in 0..10 {
            train_step(&seq, &gold, &mut trainers, &mut bufs);
        }
        let labels = trainers.labels.finish();
        let transitions = trainers.transitions.finish();
        let decoded = decode(
            &seq,
            &mut bufs,
            |f, e, s| labels.score_all(f, e, s),
            |f, e, s| transitions.score_all(f, e, s),
        );
        assert_eq!(decoded, gold);
    }
}
