//! Sentence boundaries, found paragraph by paragraph with the `sentencize`
//! crate (rule-based, handles abbreviations such as `U.S.`, `Rep.`, `Oct. 29`,
//! `Lt. Gen.`), extended with the titles and month names news text uses.

use crate::clean::{Paragraph, ParagraphKind};
use crate::span::Span;
use sentencize::Segmenter;
use std::sync::OnceLock;

/// One sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span, trimmed.
    pub span: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// The kind of the paragraph it belongs to.
    pub kind: ParagraphKind,
}

fn segmenter() -> &'static Segmenter {
    static SEG: OnceLock<Segmenter> = OnceLock::new();
    SEG.get_or_init(|| {
        let mut seg = Segmenter::default();
        for abbr in [
            "adm", "maj", "cmdr", "atty", "ft", "mt", "reps", "sens", "gens", "govs", "ariz",
            "calif", "fla", "ill", "mass", "mich", "minn", "tenn", "tex", "wash", "wis", "conn",
            "colo", "nev", "okla", "n.y", "l.a", "s.c", "n.c", "n.h", "n.j", "d-calif", "r-texas",
            "a.g",
        ] {
            seg.add_abbreviation(abbr);
        }
        seg
    })
}

/// Split every paragraph into sentences.
pub fn sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let seg = segmenter();
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let body = p.span.slice(text);
        for (s, e) in seg.spans(body) {
            out.push(Sentence {
                span: Span::new(p.span.start + s, p.span.start + e),
                paragraph: pi,
                kind: p.kind,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::paragraphs;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &paragraphs(text))
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("The U.S. imposed sanctions in Oct. 29 talks. Rep. Brian Fitzpatrick and Lt. Gen. Smith agreed in Sept. last year. Then it ended."),
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
            split("A heading\nFirst line. Second line"),
            ["A heading", "First line.", "Second line"]
        );
    }
}
