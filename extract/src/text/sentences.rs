//! Sentence boundaries, found paragraph by paragraph with the `sentencize`
//! crate (rule-based, handles abbreviations such as `U.S.`, `Rep.`, `Oct. 29`,
//! `Lt. Gen.`), extended with the titles and month names news text uses.

use crate::lexicon::abbreviations::SENTENCE_ABBREVIATIONS;
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

/// The sentences of one paragraph (a span of `text`), trimmed, in order.
pub fn split(text: &str, paragraph: ByteSpan) -> impl Iterator<Item = ByteSpan> {
    segmenter()
        .spans(paragraph.slice(text))
        .into_iter()
        .map(move |(s, e)| ByteSpan::new(paragraph.start + s, paragraph.start + e))
}

#[cfg(test)]
mod tests {
    use crate::text::Doc;

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
    fn paragraphs_bound_sentences() {
        assert_eq!(
            sentences_of("A heading\nFirst line. Second line"),
            ["A heading", "First line.", "Second line"]
        );
    }
}
