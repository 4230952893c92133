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
    /// The features pairing `token` with the previous label (`None` at the
    /// start) into `f` (cleared first).
    fn transition(&self, token: &Self::Token, prev: Option<usize>, f: &mut Features);
}

/// Feature buffers reused across positions and sequences.
#[derive(Default)]
pub struct Buffers {
    emit: Features,
    trans: Features,
}

/// The best label sequence of `seq` under `score` (a model's weights).
/// Ties go to the lower label index, so the result is deterministic.
pub fn decode<S: Sequence>(
    seq: &S,
    bufs: &mut Buffers,
    mut score: impl FnMut(&[u64], &mut [f32]),
) -> Vec<usize> {
    let len = seq.positions();
    let mut back = vec![[0u8; LABELS]; len];
    let mut best = [f32::NEG_INFINITY; LABELS];
    let mut emit = [0.0f32; LABELS];
    let mut trans = [0.0f32; LABELS];
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
            let token = seq.features(k, &mut bufs.emit);
            score(&bufs.emit.keys, &mut emit);
            for &p in prevs {
                let from = p.map_or(0.0, |p| best[p]);
                if from == f32::NEG_INFINITY {
                    continue;
                }
                seq.transition(&token, p, &mut bufs.trans);
                score(&bufs.trans.keys, &mut trans);
                for l in 0..LABELS {
                    let v = from + emit[l] + trans[l];
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

/// One structured-perceptron step on `seq`: decode with the trainer's current
/// weights, then reward the features of `gold` and penalise those of the
/// decoded sequence wherever the two differ.
pub fn train_step<S: Sequence>(seq: &S, gold: &[usize], trainer: &mut Trainer, bufs: &mut Buffers) {
    let guess = decode(seq, bufs, |f, s| trainer.score(f, s));
    trainer.next_example();
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
        seq.transition(&token, gp, &mut bufs.trans);
        trainer.adjust(&bufs.trans.keys, gold[k], 1.0);
        seq.transition(&token, pp, &mut bufs.trans);
        trainer.adjust(&bufs.trans.keys, guess[k], -1.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Positions whose emission prefers label 1 weakly, but whose transition
    /// weights make 1 → 1 strongly better than 0 → 1: greedy decoding would
    /// take each position alone, Viterbi takes the run.
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
        fn transition(&self, _: &(), prev: Option<usize>, f: &mut Features) {
            f.clear();
            f.keys.push(prev.map_or(1, |p| 2 + p as u64));
        }
    }

    fn toy_score(keys: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|s| *s = 0.0);
        for &k in keys {
            let w: [f32; 3] = match k {
                100 => [1.0, 0.0, 0.0], // position 0 leans to 0
                101 => [0.0, 0.5, 0.0], // position 1 leans to 1
                102 => [0.0, 0.0, 3.0], // position 2 wants 2
                3 => [0.0, 0.0, -5.0],  // 1 → 2 is bad
                2 => [0.0, 0.0, 0.0],   // from 0: neutral
                4 => [0.0, 0.0, 0.0],   // from 2: neutral
                _ => [0.0; 3],
            };
            out.iter_mut().zip(w).for_each(|(o, w)| *o += w);
        }
    }

    #[test]
    fn viterbi_weighs_the_whole_sequence() {
        let labels = decode(&Toy { len: 3 }, &mut Buffers::default(), toy_score);
        // Greedy takes 1 at position 1 and then cannot afford 2 (0, 1, 0
        // scores 1.5); the best path avoids the 1 → 2 penalty: 0, 0, 2 scores 4.
        assert_eq!(labels, vec![0, 0, 2]);
    }

    #[test]
    fn constraints_hold_at_the_start() {
        let labels = decode(&Toy { len: 1 }, &mut Buffers::default(), |_, s| {
            s.copy_from_slice(&[0.0, 0.0, 9.0]);
        });
        assert_eq!(labels, vec![0]);
    }

    #[test]
    fn training_learns_the_gold_sequence() {
        let mut trainer = Trainer::new(LABELS);
        let seq = Toy { len: 3 };
        let gold = [1, 2, 0];
        let mut bufs = Buffers::default();
        for _ in 0..10 {
            train_step(&seq, &gold, &mut trainer, &mut bufs);
        }
        let model = trainer.finish();
        assert_eq!(decode(&seq, &mut bufs, |f, s| model.score(f, s)), gold);
    }
}
