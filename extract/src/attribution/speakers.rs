//! Rules for the speakers of direct quotes, where rules do better than the
//! tagger: `"…," X said`, `"…," said X`, `X said: "…"`, `"…" — X`, a
//! participle's subject (`…, telling Ushakov: "…"`), and a quote paragraph
//! that continues the previous speaker.

use super::names::{described_name_forward, is_name_token, name_backward, name_forward, name_in};
use super::FoundAttribution;
use crate::lexicon::cues;
use crate::text::{ByteSpan, Doc, ParagraphKind, SpanIndex, TokenKind};

/// Whether `w` (any case) is a cue word.
pub(crate) fn is_cue_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    cues::is_cue_word(&lower)
}

/// Is the cue a speech verb, a colon/dash, or "according to" (rather than a noun the tagger read as a cue)?
pub(crate) fn speech_cue(doc: &Doc, cue: Option<ByteSpan>) -> bool {
    let Some((s, e)) = cue.and_then(|c| doc.tokens_in(c)) else {
        return false;
    };
    (s..e).any(|t| {
        let w = doc.token_text(t);
        is_cue_word(w)
            || w.eq_ignore_ascii_case("according")
            || !w.chars().any(char::is_alphanumeric)
    })
}

/// Who a cue without a source credits: a name right before it ("Witkoff
/// assuring"), the sentence's subject for a participle ("…, telling Ushakov"),
/// else the nearest name before it in the sentence, else the first after it.
pub(crate) fn fallback_source(doc: &Doc, cue: ByteSpan) -> Option<ByteSpan> {
    let (cs, ce) = doc.tokens_in(cue)?;
    let (ss, se) = doc.sentence_tokens[doc.token_sentence[cs]];
    if cs > ss && is_name_token(doc, cs - 1) {
        return name_backward(doc, cs, ss);
    }
    let participle = doc.token_text(cs).ends_with("ing");
    let before = if participle {
        name_in(doc, ss, cs, false)
    } else {
        name_in(doc, ss, cs, true)
    };
    before.or_else(|| name_in(doc, ce, se, false))
}

/// The speaker of a quote that the tagger did not attribute, by pattern.
pub(crate) fn quote_rule(doc: &Doc, outer: ByteSpan) -> Option<FoundAttribution> {
    let (qs, qe) = doc.tokens_in(outer)?;
    let para_end = doc.paragraph_tokens(qs).1.max(qe);
    let quote = |cue: ByteSpan, source: Option<ByteSpan>| FoundAttribution {
        source,
        cue: Some(cue),
        content: Some(outer),
        by_rule: true,
    };
    // After the quote: `,” X said` / `,” said X` / `” — X`.
    let mut t = qe;
    while t < para_end
        && doc.tokens[t].kind == TokenKind::Punct
        && matches!(doc.token_text(t), "," | ".")
    {
        t += 1;
    }
    if t < para_end {
        let w = doc.token_text(t);
        if matches!(w, "—" | "–" | "-" | "--") {
            if let Some(src) = name_forward(doc, t + 1, para_end) {
                return Some(quote(doc.tokens[t].span, Some(src)));
            }
        }
        if is_cue_word(w) {
            if let Some(src) = described_name_forward(doc, t + 1, para_end) {
                return Some(quote(doc.tokens[t].span, Some(src)));
            }
        }
        if let Some(src) = name_forward(doc, t, para_end) {
            let after = doc.tokens_in(src).map_or(t, |(_, e)| e);
            if after < para_end && is_cue_word(doc.token_text(after)) {
                return Some(quote(doc.tokens[after].span, Some(src)));
            }
        }
    }
    // A quote block signed by a byline: `“…” SCOTUS Blog` on the same line,
    // or a next line `Marcus Maldonado, Washington Examiner`.
    if let Some(src) = byline_after(doc, qe, para_end) {
        return Some(FoundAttribution {
            source: Some(src),
            cue: None,
            content: Some(outer),
            by_rule: true,
        });
    }
    // Before the quote: `X said: “…”`, `X explained the strategy: “…”`,
    // `…, telling Y: “…”`: the nearest cue word before it in the sentence.
    // A capitalised cue word inside the sentence is part of a name ("said
    // the United States should “…”"), not a verb.
    let (sent_start, _) = doc.sentence_tokens[doc.token_sentence[qs]];
    let cue = (sent_start..qs).rev().find(|&c| {
        let w = doc.token_text(c);
        is_cue_word(w) && (c == sent_start || !w.chars().next().is_some_and(char::is_uppercase))
    })?;
    let cue = doc.tokens[cue].span;
    Some(quote(cue, fallback_source(doc, cue)))
}

/// The byline that signs a quote ending at token `qe` of a paragraph ending
/// at `para_end`: the rest of the line when it is only a short name (`”
/// AP News`), else the next line when the quote ends its own and that line
/// is a name, optionally with its outlet after a comma (`Anne Branigin, The
/// Root`). A byline has no verb and no closing punctuation.
fn byline_after(doc: &Doc, qe: usize, para_end: usize) -> Option<ByteSpan> {
    let (from, to) = if qe < para_end {
        (qe, para_end)
    } else {
        let next = doc.token_sentence.get(para_end)?;
        let p = doc.sentence_paragraph[*next];
        let this = doc.sentence_paragraph[doc.token_sentence[qe.checked_sub(1)?]];
        if p != this + 1 || doc.paragraphs[p].kind != ParagraphKind::Heading {
            return None;
        }
        doc.paragraph_tokens(para_end)
    };
    let line: Vec<&str> = (from..to).map(|t| doc.token_text(t)).collect();
    if line.is_empty() || line.len() > 10 || line.iter().any(|w| is_cue_word(w)) {
        return None;
    }
    // The name: capitalised words up to a comma or the end.
    let run = (from..to)
        .take_while(|&t| doc.token_text(t) != ",")
        .collect::<Vec<_>>();
    let named = run.len() <= 5
        && run.iter().all(|&t| {
            let w = doc.token_text(t);
            w.chars().next().is_some_and(char::is_uppercase) || w == "." || w == "of"
        });
    let end = from + run.len();
    (named && end > from && (end == to || doc.token_text(end) == ","))
        .then(|| doc.token_span(from, end))
}

/// Link each quote of `doc` to the attribution that credits it: the
/// innermost attribution whose content covers the quote (speech cues
/// first); else, for a quote that continues the previous one (a new
/// paragraph of the same quotation), a new attribution with the previous
/// quote's source. Returns one entry per quote, indexing `found`.
pub(crate) fn link_quotes(doc: &Doc, found: &mut Vec<FoundAttribution>) -> Vec<Option<usize>> {
    let mut quote_att: Vec<Option<usize>> = Vec::with_capacity(doc.quotes.len());
    // The tagger's and rules' attributions by content, and apart, those
    // added here for continued quotes (in text order, as quotes come).
    let contents = SpanIndex::new(
        found
            .iter()
            .enumerate()
            .filter_map(|(i, a)| Some((a.content?, i))),
    );
    let mut added = SpanIndex::default();
    for (qi, q) in doc.quotes.iter().enumerate() {
        let covering = contents
            .near(q.inner)
            .chain(added.near(q.inner))
            .filter(|&i| {
                found[i]
                    .content
                    .is_some_and(|c| c.overlap(q.inner) * 2 >= q.inner.len())
            })
            .min_by_key(|&i| {
                (
                    !speech_cue(doc, found[i].cue),
                    found[i].content.map_or(usize::MAX, |c| c.len()),
                    i,
                )
            });
        let linked = covering.or_else(|| {
            let prev = qi
                .checked_sub(1)
                .and_then(|p| quote_att[p].map(|a| (p, a)))?;
            let prev_para = paragraph_of(doc, doc.quotes[prev.0].outer)?;
            let this_para = paragraph_of(doc, q.outer)?;
            let opens_paragraph = doc.paragraphs[this_para].span.start == q.outer.start;
            // A byline closes its quote block: the next quote is not its continuation.
            let signed = found[prev.1].cue.is_none()
                && found[prev.1]
                    .source
                    .is_some_and(|s| s.start >= doc.quotes[prev.0].outer.end);
            let continues = q.continues_previous || (opens_paragraph && this_para == prev_para + 1);
            (continues && !signed).then(|| {
                let a = found[prev.1];
                found.push(FoundAttribution {
                    source: a.source,
                    cue: None,
                    content: Some(q.outer),
                    by_rule: true,
                });
                added.push(q.outer, found.len() - 1);
                found.len() - 1
            })
        });
        quote_att.push(linked);
    }
    // A quote block whose byline follows its last paragraph: the earlier
    // paragraphs of the block (each opening with a quote mark, one after the
    // other) have the same speaker.
    for qi in (0..doc.quotes.len().saturating_sub(1)).rev() {
        let Some(next) = quote_att[qi + 1] else {
            continue;
        };
        let (q, n) = (&doc.quotes[qi], &doc.quotes[qi + 1]);
        let (Some(this_para), Some(next_para)) =
            (paragraph_of(doc, q.outer), paragraph_of(doc, n.outer))
        else {
            continue;
        };
        let opens = |p: usize, span: ByteSpan| doc.paragraphs[p].span.start == span.start;
        if quote_att[qi].is_none()
            && next_para == this_para + 1
            && opens(this_para, q.outer)
            && opens(next_para, n.outer)
            && found[next].cue.is_none()
        {
            let a = found[next];
            found.push(FoundAttribution {
                source: a.source,
                cue: None,
                content: Some(q.outer),
                by_rule: true,
            });
            quote_att[qi] = Some(found.len() - 1);
        }
    }
    quote_att
}

/// The paragraph holding `span` (paragraphs are in text order).
fn paragraph_of(doc: &Doc, span: ByteSpan) -> Option<usize> {
    let i = doc
        .paragraphs
        .partition_point(|p| p.span.start <= span.start)
        .checked_sub(1)?;
    doc.paragraphs[i].span.contains(span).then_some(i)
}
