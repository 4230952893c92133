//! Direct quotations: straight and curly double quotes, single-quoted partial
//! quotes, quotes that run across sentences and paragraphs, and unbalanced
//! quote marks (which never crash and never swallow the rest of the article).

use super::clean::{Paragraph, ParagraphKind};
use super::span::ByteSpan;

/// A direct quotation found by its quote marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// ByteSpan including the quote marks (or up to the paragraph end when unclosed).
    pub outer: ByteSpan,
    /// ByteSpan of the quoted words, without the marks.
    pub inner: ByteSpan,
    /// This quote continues an unclosed quote from the previous paragraph
    /// (the convention of opening each paragraph of a long quote with a mark).
    pub continues_previous: bool,
    /// The paragraph ended before a closing mark.
    pub unclosed: bool,
}

fn opens_context(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | ':' | '/'))
}

/// Find quotes in every non-boilerplate paragraph.
pub fn find_quotes(text: &str, paragraphs: &[Paragraph]) -> Vec<QuoteSpan> {
    let mut out: Vec<QuoteSpan> = Vec::new();
    let mut carried_open = false;
    for p in paragraphs {
        if p.kind == ParagraphKind::Boilerplate {
            continue;
        }
        let body = p.span.slice(text);
        let starts_with_open = body.starts_with(['“', '"', '„', '«']);
        let mut continues = carried_open && starts_with_open;
        carried_open = false;
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let abs = |i: usize| p.span.start + chars.get(i).map_or(body.len(), |&(b, _)| b);
        let mut double: Option<usize> = None; // char index of the open mark
        let mut single: Option<usize> = None;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i].1;
            let prev = i.checked_sub(1).map(|j| chars[j].1);
            let next = chars.get(i + 1).map(|&(_, c)| c);
            match c {
                '“' | '„' | '«' => {
                    if let Some(o) = double {
                        // A second opening mark: the first was never closed.
                        push(
                            &mut out,
                            abs(o),
                            abs(o + 1),
                            trim_end(text, abs(o + 1), abs(i)),
                            abs(i),
                            continues,
                            true,
                        );
                        continues = false;
                    }
                    double = Some(i);
                    single = None;
                }
                '”' | '»' => {
                    if let Some(o) = double.take() {
                        push(
                            &mut out,
                            abs(o),
                            abs(o + 1),
                            abs(i),
                            abs(i + 1),
                            continues,
                            false,
                        );
                        continues = false;
                    }
                }
                '"' => {
                    if let Some(o) = double.take() {
                        push(
                            &mut out,
                            abs(o),
                            abs(o + 1),
                            abs(i),
                            abs(i + 1),
                            continues,
                            false,
                        );
                        continues = false;
                    } else if next.is_some_and(|n| !n.is_whitespace()) || opens_context(prev) {
                        double = Some(i);
                        single = None;
                    }
                }
                '‘' | '\''
                    if double.is_none()
                        && single.is_none()
                        && opens_context(prev)
                        && next.is_some_and(char::is_alphanumeric) =>
                {
                    single = Some(i);
                }
                '’' | '\'' if double.is_none() => {
                    if let Some(o) = single {
                        let closes = prev.is_some_and(|p| !p.is_whitespace())
                            && next.is_none_or(|n| !n.is_alphanumeric());
                        // A closing mark after a plural ("officials’ ") is ambiguous;
                        // require at least two words so apostrophes rarely pass.
                        let inner = &text[abs(o + 1)..abs(i)];
                        if closes && inner.split_whitespace().nth(1).is_some() {
                            push(
                                &mut out,
                                abs(o),
                                abs(o + 1),
                                abs(i),
                                abs(i + 1),
                                false,
                                false,
                            );
                            single = None;
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if let Some(o) = double {
            let end = p.span.end;
            push(
                &mut out,
                abs(o),
                abs(o + 1),
                trim_end(text, abs(o + 1), end),
                end,
                continues,
                true,
            );
            carried_open = true;
        }
    }
    out
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

fn push(
    out: &mut Vec<QuoteSpan>,
    open: usize,
    inner_start: usize,
    inner_end: usize,
    close_end: usize,
    continues: bool,
    unclosed: bool,
) {
    if inner_end <= inner_start {
        return;
    }
    out.push(QuoteSpan {
        outer: ByteSpan::new(open, close_end),
        inner: ByteSpan::new(inner_start, inner_end),
        continues_previous: continues,
        unclosed,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::clean::paragraphs;

    fn quotes(text: &str) -> Vec<(String, bool, bool)> {
        find_quotes(text, &paragraphs(text))
            .into_iter()
            .map(|q| {
                (
                    q.inner.slice(text).to_string(),
                    q.continues_previous,
                    q.unclosed,
                )
            })
            .collect()
    }

    #[test]
    fn straight_and_curly_quotes() {
        let q = quotes("He said \"stop it,\" and “go home.” Then left.");
        assert_eq!(
            q,
            [
                ("stop it,".into(), false, false),
                ("go home.".into(), false, false)
            ]
        );
    }

    #[test]
    fn single_quoted_partial_quote_but_not_apostrophes() {
        let q = quotes(
            "Putin would frame Trump as a 'real peace man' when Trump's team's 'talks' ended.",
        );
        assert_eq!(q, [("real peace man".into(), false, false)]);
    }

    #[test]
    fn quote_across_sentences() {
        let q = quotes("“He’s got to sell this. That’s what a dealmaker does.” Trump said.");
        assert_eq!(
            q[0].0,
            "He’s got to sell this. That’s what a dealmaker does."
        );
    }

    #[test]
    fn unclosed_quote_continues_into_next_paragraph() {
        let q = quotes("“First paragraph of the quote.\n“Second paragraph,” she said.\nUnrelated.");
        assert_eq!(
            q,
            [
                ("First paragraph of the quote.".into(), false, true),
                ("Second paragraph,".into(), true, false)
            ]
        );
    }

    #[test]
    fn unbalanced_marks_never_swallow_the_article() {
        let q = quotes("An odd \" mark here.\nNext paragraph is clean.");
        assert!(q.iter().all(|(s, _, _)| !s.contains("Next")));
    }
}
