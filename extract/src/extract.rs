//! The extraction pipeline: one article in, one [`Extraction`] out.

use crate::doc::Doc;
use crate::model::Model;
use crate::span::Span;

/// An attribution as spans (byte offsets), before sources are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanAttribution {
    /// Who is credited.
    pub source: Option<Span>,
    /// The words that credit them ("said", "according to").
    pub cue: Option<Span>,
    /// What is credited to them.
    pub content: Option<Span>,
}

/// Every attribution in `doc`: the learned tagger's, completed by rules.
pub fn attribution_spans(doc: &Doc, model: &Model) -> Vec<SpanAttribution> {
    model
        .attributions(doc)
        .into_iter()
        .map(|a| SpanAttribution {
            source: a.source,
            cue: Some(a.cue),
            content: a.content,
        })
        .collect()
}
