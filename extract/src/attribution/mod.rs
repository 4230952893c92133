//! Steps 2 and 3 of the pipeline: the tagger's attributions, tidied and
//! completed by rules ([`find`]), then each direct quote linked to the
//! attribution that credits it ([`link_quotes`]).
//!
//! Everything here is in byte spans ([`FoundAttribution`]); sources are not
//! resolved yet (see [`crate::sources`]).

mod names;
mod speakers;

use crate::extraction::{AttributionKind, SourceType};
use crate::lexicon::pronouns::is_speaker;
use crate::sources::typing::{classify, Mention};
use crate::tagger::Tagger;
use crate::text::{ByteSpan, Doc, ParagraphKind, SpanIndex};
use names::{complete_name, is_name_token};
pub(crate) use speakers::link_quotes;
use speakers::{fallback_source, quote_rule};

/// An attribution as found in the text (byte spans), before its source is
/// resolved: the tagger's, tidied, or a speaker rule's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundAttribution {
    /// Who is credited.
    pub source: Option<ByteSpan>,
    /// The words that credit them ("said", "according to").
    pub cue: Option<ByteSpan>,
    /// What is credited to them.
    pub content: Option<ByteSpan>,
    /// Found by a rule rather than the tagger.
    pub by_rule: bool,
}

/// Every attribution in `doc`: the tagger's, completed by the quote rules.
pub fn find(doc: &Doc, tagger: &Tagger) -> Vec<FoundAttribution> {
    let mut atts: Vec<FoundAttribution> = tagger
        .attributions(doc)
        .into_iter()
        .filter_map(|a| {
            tidy(
                doc,
                FoundAttribution {
                    source: a.source,
                    cue: Some(a.cue),
                    content: a.content,
                    by_rule: false,
                },
            )
        })
        .collect();
    // The tagger's attributions by content, and apart, the rules' added
    // below (one per quote, in text order).
    let tagged = SpanIndex::new(
        atts.iter()
            .enumerate()
            .filter_map(|(i, a)| Some((a.content?, i))),
    );
    let mut added = SpanIndex::default();
    for q in &doc.quotes {
        let Some(rule) = quote_rule(doc, q.outer) else {
            continue;
        };
        let covering: Vec<&FoundAttribution> = tagged
            .near(q.inner)
            .chain(added.near(q.inner))
            .map(|i| &atts[i])
            .filter(|a| {
                a.content
                    .is_some_and(|c| c.overlap(q.inner) * 2 >= q.inner.len())
            })
            .collect();
        // Keep the rule's reading when nothing covers the quote, or when its cue
        // lies inside the covering content (nested speech: "the call shows
        // Witkoff assuring Ushakov that … “…”").
        let nested = covering.iter().all(|a| {
            rule.cue
                .zip(a.content)
                .is_some_and(|(cue, c)| c.contains(cue))
        });
        if covering.is_empty() || nested {
            if let Some(content) = rule.content {
                added.push(content, atts.len());
            }
            atts.push(rule);
        }
    }
    atts.sort_by_key(|a| {
        (
            a.cue.or(a.content).or(a.source).unwrap_or_default(),
            a.content,
            a.source,
        )
    });
    atts
}

/// Clean what the tagger proposed: a cue must hold a lowercase word or be
/// punctuation (capitalised-only "cues" such as "EB-5" are names the tagger
/// mistook); capitalised words at the start of a cue belong to the source
/// before it; a source must hold a letter and a capital or a pronoun.
fn tidy(doc: &Doc, mut a: FoundAttribution) -> Option<FoundAttribution> {
    let cue = a.cue?;
    let (mut cs, ce) = doc.tokens_in(cue)?;
    // Headings are not speech ("A Determined Push for a Deal").
    if doc.paragraph_kind(doc.token_sentence[cs]) != ParagraphKind::Body {
        return None;
    }
    let words: Vec<&str> = (cs..ce).map(|t| doc.token_text(t)).collect();
    let has_lower = words
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase));
    let punct = words.iter().all(|w| !w.chars().any(char::is_alphanumeric));
    if !has_lower && !punct {
        return None;
    }
    let sentence_start = doc.sentence_tokens[doc.token_sentence[cs]].0;
    while cs + 1 < ce && cs > sentence_start && is_name_token(doc, cs) {
        cs += 1;
    }
    if cs != doc.tokens_in(cue)?.0 {
        let moved = doc.token_span(doc.tokens_in(cue)?.0, cs);
        a.source = Some(a.source.map_or(moved, |s| {
            if s.end <= moved.start {
                s.cover(moved)
            } else {
                moved
            }
        }));
        a.cue = Some(doc.token_span(cs, ce));
    }
    if let Some(src) = a.source {
        let t = src.slice(doc.text);
        let letters = t.chars().any(char::is_alphabetic);
        let named = t.chars().any(char::is_uppercase)
            || t.split_whitespace()
                .any(|w| is_speaker(w) || matches!(w.to_lowercase().as_str(), "who" | "which"));
        let anonymous = matches!(
            classify(t),
            Mention::Named {
                kind: SourceType::Anonymous
                    | SourceType::Document
                    | SourceType::Outlet
                    | SourceType::Organization,
                ..
            }
        );
        if !letters || (!named && !anonymous) {
            a.source = None;
        }
    }
    if a.source.is_none() {
        a.source = a.cue.and_then(|c| fallback_source(doc, c));
    }
    a.source = a.source.map(|s| complete_name(doc, s, cue));
    Some(a)
}

/// What kind of attribution `a` is: "according to", or by how much of its
/// content lies inside quote marks.
pub fn kind(doc: &Doc, a: &FoundAttribution) -> AttributionKind {
    let cue_text = a
        .cue
        .map(|c| c.slice(doc.text).to_lowercase())
        .unwrap_or_default();
    if cue_text.starts_with("according") {
        return AttributionKind::AccordingTo;
    }
    let Some(content) = a.content else {
        return AttributionKind::Indirect;
    };
    // Quotes are disjoint and in text order: those overlapping the content
    // are a run found by binary search.
    let first = doc.quotes.partition_point(|q| q.outer.end <= content.start);
    let quoted: usize = doc.quotes[first..]
        .iter()
        .take_while(|q| q.outer.start < content.end)
        .map(|q| q.outer.overlap(content))
        .sum();
    if quoted * 10 >= content.len() * 8 {
        AttributionKind::DirectQuote
    } else if quoted > 0 {
        AttributionKind::Mixed
    } else {
        AttributionKind::Indirect
    }
}
