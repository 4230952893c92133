//! Claims: the asserting sentences of an article's body, and whether each is
//! check-worthy (it carries a number, a date or a named entity that another
//! outlet could confirm or contradict).

use crate::attribution::FoundAttribution;
use crate::extraction::SentenceKind;
use crate::lexicon::dates::{
    is_checkworthy_number, MONTHS, MONTH_ABBREVIATIONS, RELATIVE_DAYS, WEEKDAYS,
};
use crate::lexicon::formulas::{
    CAPTIONS, CAPTION_OPENINGS, CREDITS, CREDIT_MAX_WORDS, METHODOLOGY, NO_COMMENT, PROMOTION,
};
use crate::text::{ByteSpan, Doc, ParagraphKind, SpanIndex, Token, TokenKind};

/// Does the sentence made of `tokens` carry a number, a date or a named entity?
pub fn is_checkworthy(text: &str, tokens: &[Token]) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        let s = t.span.slice(text);
        if t.kind == TokenKind::Number {
            return true;
        }
        let lower = s.to_lowercase();
        let lower = lower.as_str();
        if is_checkworthy_number(lower)
            || MONTHS.contains(&lower)
            || MONTH_ABBREVIATIONS.contains(&lower)
            || WEEKDAYS.contains(&lower)
            || RELATIVE_DAYS.contains(&lower)
        {
            return true;
        }
        // A capitalised word that is not the sentence's first word, nor "I".
        t.kind == TokenKind::Word
            && i > 0
            && s != "I"
            && s.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Is the sentence a newsroom formula rather than a fact: a reply to a
/// request for comment, poll methodology, a photo credit, an appeal to
/// readers (see
/// [`crate::lexicon::formulas`])? Such a claim is not check-worthy.
pub fn is_formula(sentence: &str) -> bool {
    // Every list in one Aho-Corasick automaton, so a sentence is scanned once
    // rather than once per phrase (a `contains` per phrase was 6% of
    // extraction's instructions).
    const LISTS: [&[&str]; 5] = [NO_COMMENT, METHODOLOGY, PROMOTION, CAPTIONS, CREDITS];
    static MATCHER: std::sync::OnceLock<(aho_corasick::AhoCorasick, Vec<usize>)> =
        std::sync::OnceLock::new();
    let (matcher, list_of) = MATCHER.get_or_init(|| {
        let phrases: Vec<&str> = LISTS.iter().flat_map(|l| l.iter().copied()).collect();
        let list_of = LISTS
            .iter()
            .enumerate()
            .flat_map(|(i, l)| std::iter::repeat_n(i, l.len()))
            .collect();
        (
            aho_corasick::AhoCorasick::new(phrases).expect("the formula phrases build a matcher"),
            list_of,
        )
    });
    let lower = sentence.to_lowercase();
    let mut found = [false; 5];
    for m in matcher.find_overlapping_iter(&lower) {
        found[list_of[m.pattern().as_usize()]] = true;
    }
    let [no_comment, methodology, promotion, captions, credits] = found;
    let opening = lower.trim_start();
    // "X declined to comment, but ..." goes on to say something.
    (no_comment && !lower.contains(" but "))
        || CAPTION_OPENINGS.iter().any(|o| opening.starts_with(o))
        || methodology
        || promotion
        || captions
        || (credits && sentence.split_whitespace().count() <= CREDIT_MAX_WORDS)
}

/// Is the sentence a question (ends with `?`, possibly before closing quotes)?
pub fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(['"', '”', '’', '\'', ')', ' '])
        .ends_with('?')
}

/// The kind of sentence `s` of `doc`: its paragraph's kind, with body
/// sentences split into statements and questions.
pub fn sentence_kind(doc: &Doc, s: usize) -> SentenceKind {
    match doc.paragraph_kind(s) {
        ParagraphKind::Boilerplate => SentenceKind::Boilerplate,
        ParagraphKind::Heading => SentenceKind::Heading,
        ParagraphKind::Body if is_question(doc.sentences[s].slice(doc.text)) => {
            SentenceKind::Question
        }
        ParagraphKind::Body => SentenceKind::Statement,
    }
}

/// A claim is a statement of four or more words.
pub fn is_claim(kind: SentenceKind, words: usize) -> bool {
    kind == SentenceKind::Statement && words >= 4
}

/// The attribution that credits the sentence at `span`: the one whose
/// content covers most of it (at least a third), or whose cue is in it; on a
/// tie, the first.
/// `index` holds each attribution's [`extent`].
pub fn crediting(found: &[FoundAttribution], index: &SpanIndex, span: ByteSpan) -> Option<usize> {
    index
        .near(span)
        .map(|i| {
            let a = &found[i];
            let content = a.content.map_or(0, |c| c.overlap(span));
            let cue = a.cue.is_some_and(|c| span.contains(c));
            (i, content, cue)
        })
        .filter(|&(_, content, cue)| content * 3 >= span.len() || cue)
        .max_by_key(|&(i, content, _)| (content, std::cmp::Reverse(i)))
        .map(|(i, _, _)| i)
}

/// The span from an attribution's cue or content, whichever starts first,
/// to whichever ends last: what [`crediting`] looks for near a sentence.
/// `None` for an attribution that names no source (its mention was a
/// pronoun with no antecedent, a place, a possessive): it credits no claim,
/// so the claim stays unsourced.
pub fn extent(a: &FoundAttribution) -> Option<ByteSpan> {
    a.source?;
    let spans = a.content.into_iter().chain(a.cue);
    let start = spans.clone().map(|s| s.start).min()?;
    let end = spans.map(|s| s.end).max()?;
    Some(ByteSpan::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;
    use crate::text::ByteSpan;

    fn checkworthy(s: &str) -> bool {
        let mut toks = Vec::new();
        tokenize(s, ByteSpan::new(0, s.len()), &mut toks);
        is_checkworthy(s, &toks)
    }

    #[test]
    fn numbers_dates_and_names_are_checkworthy() {
        assert!(checkworthy("The president held eight phone calls."));
        assert!(checkworthy("It happened on October 17."));
        assert!(checkworthy("They met in Moscow."));
        assert!(!checkworthy(
            "This has led to debate about the effectiveness of such approaches."
        ));
        assert!(is_question("Is this right?”"));
    }

    #[test]
    fn formulas_are_not_facts() {
        for s in [
            "Representatives for Tesla did not immediately respond to a request for comment.",
            "The White House declined to comment.",
            "It has a margin of sampling error of plus or minus 3 percentage points.",
            "The AP-GfK Poll was conducted July 24-28, 2014, using KnowledgePanel.",
            "Jeff Roberson/St. Louis Post-Dispatch via AP",
            "Enlarge this image toggle caption Saul Loeb/AFP/Getty Images",
            "If you enjoyed this article, we have a proposition for you: Join NRPLUS.",
            "Hide Caption 8 of 29 Photos: The second presidential debate – Romney and Obama debate.",
            "FILE - In this Tuesday, March 3, 2020 file photo, Federal Reserve Chair Jerome Powell \
             pauses during a news conference to discuss an announcement from the Federal Reserve.",
            "FILE PHOTO: Special Counsel Robert Mueller departs after briefing the U.S. House \
             Intelligence Committee on his investigation of potential collusion.",
        ] {
            assert!(is_formula(s), "{s}");
        }
        for s in [
            "Ready for Hillary declined to comment on the projects, but Clinton could use the data.",
            "A Gallup poll found that 80 percent supported voter ID laws.",
            "Witkoff met Ushakov in Moscow on Tuesday.",
            "The campaign released a file photo of the senator that reporters had seen before in 2019.",
        ] {
            assert!(!is_formula(s), "{s}");
        }
    }

    #[test]
    fn an_attribution_without_a_source_credits_no_claim() {
        let mut a = FoundAttribution {
            source: None,
            cue: Some(ByteSpan::new(10, 14)),
            content: Some(ByteSpan::new(15, 40)),
            by_rule: false,
        };
        assert_eq!(extent(&a), None);
        a.source = Some(ByteSpan::new(0, 9));
        assert_eq!(extent(&a), Some(ByteSpan::new(10, 40)));
    }
}
