//! Sentence boundaries, found paragraph by paragraph with the `sentencize`
//! crate (rule-based, handles abbreviations such as `U.S.`, `Rep.`, `Oct. 29`,
//! `Lt. Gen.`), extended with the titles and month names news text uses.

use crate::lexicon::abbreviations::SENTENCE_ABBREVIATIONS;
use crate::lexicon::names::SENTENCE_OPENERS;
use crate::lexicon::pronouns::is_speaker;
use crate::text::ByteSpan;
use sentencize::Segmenter;
use std::sync::OnceLock;

fn segmenter() -> &'static Segmenter {
    static SEG: OnceLock<Segmenter> = OnceLock::new();
    SEG.get_or_init(|| {
        let mut seg = Segmenter::default();
        for abbr in SENTENCE_ABBREVIATIONS {
            seg.add_abbreviation(*abbr);
        }
        seg
    })
}

/// The longest sentence, in bytes. Longer runs without a sentence end
/// (scraped text with its punctuation lost, a list, a hostile input) are cut
/// at the last whitespace before the limit. Every later stage looks at a
/// sentence and its neighbours, so this bound keeps extraction linear in an
/// article's size. Real news sentences are far shorter (on the first 5,000
/// AllSides articles the bound cuts none that end in sentence punctuation).
pub const MAX_SENTENCE_BYTES: usize = 3_000;

/// The sentences of one paragraph (a span of `text`), trimmed, in order;
/// none longer than [`MAX_SENTENCE_BYTES`].
pub fn split(text: &str, paragraph: ByteSpan) -> impl Iterator<Item = ByteSpan> + '_ {
    let p = paragraph.slice(text);
    join_initials(p, segmenter().spans(p))
        .into_iter()
        .flat_map(move |(s, e)| {
            unglue(
                text,
                ByteSpan::new(paragraph.start + s, paragraph.start + e),
            )
        })
        .flat_map(move |sentence| cap(text, sentence))
}

/// Segments rejoined where the segmenter ended a sentence inside a name
/// written with two or three initials ("George H.W. Bush", "Rep. G.K.
/// Butterfield", "J.D. Vance": 250 times in the first 5,000 AllSides
/// articles). `sentencize` knows single initials and listed abbreviations
/// only. A segment ending in such initials joins the next when that opens
/// with a capitalised word that is not a sentence opener or a pronoun
/// ("… at the U.N. H.Q. The talks failed" stays two).
fn join_initials(p: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        if let Some(last) = out.last_mut() {
            if ends_in_initials(&p[last.0..last.1]) && opens_with_name(&p[s..e]) {
                last.1 = e;
                continue;
            }
        }
        out.push((s, e));
    }
    out
}

/// Whether `s` ends in "X.Y." or "X.Y.Z." (capital initials) after a space
/// or at its start.
fn ends_in_initials(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = b.len();
    let mut letters = 0;
    while i >= 2 && b[i - 1] == b'.' && b[i - 2].is_ascii_uppercase() {
        letters += 1;
        i -= 2;
    }
    (2..=3).contains(&letters) && (i == 0 || b[i - 1] == b' ')
}

/// Whether `s` opens with a capitalised word that may continue a name.
fn opens_with_name(s: &str) -> bool {
    let word: &str = s
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .next()
        .unwrap_or("");
    word.starts_with(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && !SENTENCE_OPENERS.contains(&word)
        && !is_speaker(&word.to_lowercase())
}

/// `sentence` split where scraped text glued two sentences without a space:
/// `…that way.House Majority Leader…`, `…motives."McCain said…`,
/// `…she said.“We…`. A glue point is a lowercase word of two or more
/// letters, `.`, `!` or `?`, optional closing quotes, then a capital letter
/// or an opening quote (so "U.S.Army", "p.m.The" and "Dr.Smith" stay whole).
fn unglue(text: &str, sentence: ByteSpan) -> Vec<ByteSpan> {
    let s = sentence.slice(text);
    let mut out = Vec::new();
    let mut start = 0;
    // Most sentences have no `.`, `!` or `?` before their last character:
    // nothing is allocated or decoded for them.
    // ASCII punctuation bytes never occur inside a multi-byte character.
    let ends = s
        .bytes()
        .enumerate()
        .filter(|&(_, b)| matches!(b, b'.' | b'!' | b'?'));
    for (k, _) in ends {
        let mut before = s[..k].chars().rev();
        let word_ok = matches!((before.next(), before.next()), (Some(a), Some(b)) if a.is_lowercase() && b.is_lowercase());
        if !word_ok {
            continue;
        }
        let rest = &s[k + 1..];
        let after_quotes = rest.trim_start_matches(['"', '”', '’']);
        let Some(next) = after_quotes.chars().next() else {
            continue;
        };
        let opening = matches!(next, '“' | '"') && after_quotes.len() == rest.len();
        if next.is_uppercase() || opening {
            let cut = s.len() - after_quotes.len();
            if cut > start {
                out.push(ByteSpan::new(sentence.start + start, sentence.start + cut));
                start = cut;
            }
        }
    }
    out.push(ByteSpan::new(sentence.start + start, sentence.end));
    out
}

/// `sentence` cut into pieces of at most [`MAX_SENTENCE_BYTES`], each
/// trimmed, cut at whitespace where there is any, else at a char boundary.
fn cap(text: &str, sentence: ByteSpan) -> Vec<ByteSpan> {
    if sentence.len() <= MAX_SENTENCE_BYTES {
        return vec![sentence];
    }
    let mut out = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let cut = match window.rfind(char::is_whitespace) {
            Some(ws) if ws > 0 => start + ws,
            _ => limit,
        };
        out.push(ByteSpan::new(start, cut));
        start = cut;
        while start < sentence.end && text[start..].starts_with(char::is_whitespace) {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if start < sentence.end {
        out.push(ByteSpan::new(start, sentence.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::split;
    use crate::text::{ByteSpan, Doc};

    fn sentences_of(text: &str) -> Vec<&str> {
        Doc::new(text)
            .sentences
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences_of("The U.S. imposed sanctions in Oct. 29 talks. Rep. Brian Fitzpatrick and Lt. Gen. Smith agreed in Sept. last year. Then it ended."),
            [
                "The U.S. imposed sanctions in Oct. 29 talks.",
                "Rep. Brian Fitzpatrick and Lt. Gen. Smith agreed in Sept. last year.",
                "Then it ended."
            ]
        );
    }

    #[test]
    fn two_initials_do_not_end_sentences() {
        assert_eq!(
            sentences_of("President George H.W. Bush spoke. Rep. G.K. Butterfield agreed. Sen. J.D. Vance left."),
            [
                "President George H.W. Bush spoke.",
                "Rep. G.K. Butterfield agreed.",
                "Sen. J.D. Vance left."
            ]
        );
        // A sentence that ends in initials before a sentence opener stays ended.
        assert_eq!(
            sentences_of("They met at the U.N. H.Q. The talks failed."),
            ["They met at the U.N. H.Q.", "The talks failed."]
        );
    }

    #[test]
    fn glued_sentences_are_split() {
        let text = "It did not start out that way.House Majority Leader Kevin McCarthy spoke. \
                    He cited motives.\"McCain said he agreed. The U.S.Army and Dr.Smith stay.";
        let got: Vec<&str> = split(text, ByteSpan::new(0, text.len()))
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(
            got,
            [
                "It did not start out that way.",
                "House Majority Leader Kevin McCarthy spoke.",
                "He cited motives.\"",
                "McCain said he agreed.",
                "The U.S.Army and Dr.Smith stay."
            ]
        );
    }

    #[test]
    fn long_runs_are_cut_at_whitespace() {
        let text = "word ".repeat(2_000) + "end.";
        let sentences = sentences_of(&text);
        assert!(sentences.len() >= 4, "{}", sentences.len());
        for s in &sentences {
            assert!(s.len() <= super::MAX_SENTENCE_BYTES);
            assert!(s.starts_with("word") || s.starts_with("end"));
            assert_eq!(*s, s.trim());
        }
        assert_eq!(sentences.concat().len() + sentences.len() - 1, text.len());
        // No whitespace at all: cut at a char boundary.
        let text = "é".repeat(4_000);
        let sentences = sentences_of(&text);
        assert_eq!(sentences.concat(), text);
        assert!(sentences
            .iter()
            .all(|s| s.len() <= super::MAX_SENTENCE_BYTES));
    }

    #[test]
    fn paragraphs_bound_sentences() {
        assert_eq!(
            sentences_of("A heading\nFirst line. Second line"),
            ["A heading", "First line.", "Second line"]
        );
    }
}
