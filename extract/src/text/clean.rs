//! Paragraphs, and which of them are page chrome rather than article text.
//!
//! Scraped pages carry navigation, ads and comment widgets ("Connect with us",
//! "Advertisement. Scroll to continue reading.", "Related Sources: • Source 1").
//! Such paragraphs are marked [`ParagraphKind::Boilerplate`]: they are neither
//! words nor claims, but they stay in the text so every offset still points
//! into the article exactly as read.

use super::span::ByteSpan;
use crate::lexicon::chrome::{CHROME_LINES, CHROME_PREFIXES, CREDIT_ENDINGS, DISCLAIMERS};
use serde::Serialize;

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Article prose.
    Body,
    /// A short line without closing punctuation: a title or section heading.
    Heading,
    /// Page chrome: navigation, ads, comment widgets, copyright lines.
    Boilerplate,
}

/// One line-delimited paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// Byte span of the paragraph, trimmed of surrounding whitespace.
    pub span: ByteSpan,
    /// Body, heading or boilerplate.
    pub kind: ParagraphKind,
}

/// Split `text` into line paragraphs and classify each.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset + (line.len() - line.trim_start().len());
        let end = offset + line.trim_end().len();
        offset += line.len();
        if start >= end {
            continue;
        }
        let span = ByteSpan::new(start, end);
        out.push(Paragraph {
            span,
            kind: classify(span.slice(text)),
        });
    }
    out
}

fn classify(line: &str) -> ParagraphKind {
    if is_chrome(line) {
        return ParagraphKind::Boilerplate;
    }
    let words = line.split_whitespace().count();
    let last = line.chars().last().unwrap_or(' ');
    let closed = matches!(
        last,
        '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ':' | '…'
    );
    if !closed && words <= 20 {
        ParagraphKind::Heading
    } else {
        ParagraphKind::Body
    }
}

fn is_chrome(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let bare = lower.trim_end_matches(['.', '?', '!', ':', ' ']);
    if CHROME_LINES.contains(&bare) || CHROME_LINES.contains(&lower.as_str()) {
        return true;
    }
    if CHROME_PREFIXES.iter().any(|p| lower.starts_with(p)) || lower.contains("all rights reserved")
    {
        return true;
    }
    // Credit lines are about the article, not the news; every wire story has one.
    if CREDIT_ENDINGS.iter().any(|e| bare.ends_with(e)) && bare.split_whitespace().count() <= 30 {
        return true;
    }
    // An editor's note ending in a disclaimer (not a long paragraph that
    // quotes one).
    if DISCLAIMERS.iter().any(|d| lower.contains(d)) && bare.split_whitespace().count() <= 80 {
        return true;
    }
    // Bullet lists of links: "• Source 1 • Source 2".
    if lower.starts_with('•') || lower.starts_with('·') {
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, ParagraphKind)> {
        paragraphs(text)
            .into_iter()
            .map(|p| (p.span.slice(text).to_string(), p.kind))
            .collect()
    }

    #[test]
    fn marks_page_chrome() {
        let text = "Connect with us\n\nTrump said it was fine.\nAdvertisement. Scroll to continue reading.\nRelated Sources:\n• Source 1 • Source 2\nCopyright © 2023 Hard News";
        let k = kinds(text);
        assert_eq!(k[0].1, ParagraphKind::Boilerplate);
        assert_eq!(k[1].1, ParagraphKind::Body);
        assert!(
            k[2..]
                .iter()
                .all(|(_, kind)| *kind == ParagraphKind::Boilerplate),
            "{k:?}"
        );
    }

    #[test]
    fn an_ad_slot_line_is_chrome_not_a_heading() {
        // Politico's ad slot, between two paragraphs of one story: read as a
        // heading it became the "speaker" of the quote after it.
        let k = kinds(
            "Jindal spoke in Iowa.\n\nStory Continued Below\n\n\u{201c}Fake news,\u{201d} he added.",
        );
        assert_eq!(k[1].1, ParagraphKind::Boilerplate, "{k:?}");
        assert_eq!(k[2].1, ParagraphKind::Body, "{k:?}");
        // A picture's credit and caption (BBC pages) restate the story; its
        // "says North Korea" is not the article's attribution.
        assert!(is_chrome(
            "Image copyright Reuters Image caption Mike Pence is a \"political dummy\", says North Korea"
        ));
        assert!(is_chrome("AD") && is_chrome("More On This..."));
        // CNN's video widget names the video, not a source.
        assert!(is_chrome(
            "JUST WATCHED Missouri Gov Nixon on the investigation Replay More Videos ... MUST WATCH Missouri Gov Nixon on the investigation 01:49"
        ));
        assert!(!is_chrome("Ad spending rose."));
    }

    #[test]
    fn short_unpunctuated_lines_are_headings() {
        let k =
            kinds("White House Response and Russian Reaction\nThe White House did not respond.");
        assert_eq!(k[0].1, ParagraphKind::Heading);
        assert_eq!(k[1].1, ParagraphKind::Body);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "  indented line.  \r\nnext.";
        let p = paragraphs(text);
        assert_eq!(p[0].span.slice(text), "indented line.");
        assert_eq!(p[1].span.slice(text), "next.");
    }

    #[test]
    fn credit_lines_are_chrome() {
        assert!(is_chrome(
            "The Associated Press contributed to this report."
        ));
        assert!(is_chrome(
            "Associated Press writer Beth Fouhy in Charlotte, N.C., contributed to this report."
        ));
        assert!(is_chrome(
            "Information from The Associated Press was used in this report."
        ));
        assert!(!is_chrome(
            "Officials said the Associated Press contributed to the confusion."
        ));
    }

    #[test]
    fn an_opinion_disclaimer_makes_its_line_an_editors_note() {
        assert!(is_chrome(
            "The opinions expressed by columnists are their own and do not represent the views of Townhall.com."
        ));
        assert!(is_chrome(
            "Bill Carter, a media analyst for CNN, covered television for The New York Times for 25 years. The opinions expressed in this commentary are his own."
        ));
        assert!(!is_chrome(
            "Senators said the opinions of voters had shifted since the spring."
        ));
    }
}
