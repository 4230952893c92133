//! Rules for the speakers of direct quotes, where rules do better than the
//! tagger: `"…," X said`, `"…," said X`, `X said: "…"`, `"…" — X`, a
//! participle's subject (`…, telling Ushakov: "…"`), and a quote paragraph
//! that continues the previous speaker.

use super::names::{is_name_token, name_backward, name_forward, name_in};
use super::FoundAttribution;
use crate::lexicon::cues;
use crate::text::{ByteSpan, Doc, SpanIndex, TokenKind};

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
            if let Some(src) = name_forward(doc, t + 1, para_end) {
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
    // Before the quote: `X said: “…”`, `X explained the strategy: “…”`,
    // `…, telling Y: “…”`: the nearest cue word before it in the sentence.
    let (sent_start, _) = doc.sentence_tokens[doc.token_sentence[qs]];
    let cue = (sent_start..qs)
        .rev()
        .find(|&c| is_cue_word(doc.token_text(c)))?;
    let cue = doc.tokens[cue].span;
    Some(quote(cue, fallback_source(doc, cue)))
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
            (q.continues_previous || (opens_paragraph && this_para == prev_para + 1)).then(|| {
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
