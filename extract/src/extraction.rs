//! The output model: what extraction produces for one article, the contract
//! that scoring, the tables and `extraction.jsonl` read.
//!
//! Every span here is a [`CharSpan`]: Unicode character offsets into
//! [`Extraction::text`], end exclusive. Items refer to each other by index
//! (a quote's `speaker` indexes [`Extraction::sources`]) and carry their
//! public id (`<article id>:q<n>`, `:a<n>`, `:c<n>`).

use crate::text::{CharIndex, CharSpan};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kind of a source (the `source_type` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceType {
    /// A named person.
    Person,
    /// A named organisation (White House, Kremlin, a ministry, a company).
    Organization,
    /// A news outlet (Bloomberg, "the news agency").
    Outlet,
    /// A document (a transcript, a recording, a post, a report, a poll).
    Document,
    /// Unnamed people ("officials", "critics", "a former senior official").
    Anonymous,
    /// Could not be typed (an unresolved pronoun, for example).
    Unknown,
}

impl SourceType {
    /// The name used in CSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceType::Person => "person",
            SourceType::Organization => "organization",
            SourceType::Outlet => "outlet",
            SourceType::Document => "document",
            SourceType::Anonymous => "anonymous",
            SourceType::Unknown => "unknown",
        }
    }

    /// Named sources (person, organization, outlet, document) count towards `named_sourcing`.
    pub fn is_named(self) -> bool {
        matches!(
            self,
            SourceType::Person
                | SourceType::Organization
                | SourceType::Outlet
                | SourceType::Document
        )
    }
}

/// What an attribution attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// The content is a direct quotation.
    DirectQuote,
    /// Reported speech without quotation marks ("X said (that) …").
    Indirect,
    /// "according to X".
    AccordingTo,
    /// Reported speech that quotes part of what was said.
    Mixed,
}

impl AttributionKind {
    /// The name used in CSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::DirectQuote => "direct_quote",
            AttributionKind::Indirect => "indirect",
            AttributionKind::AccordingTo => "according_to",
            AttributionKind::Mixed => "mixed",
        }
    }
}

/// What found an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FoundBy {
    /// The learned tagger.
    Model,
    /// A rule for quote speakers.
    Rule,
}

impl FoundBy {
    /// `model` or `rule`.
    pub fn as_str(self) -> &'static str {
        match self {
            FoundBy::Model => "model",
            FoundBy::Rule => "rule",
        }
    }
}

/// The kind of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceKind {
    /// An asserting sentence of the body.
    Statement,
    /// A question.
    Question,
    /// A title or section heading.
    Heading,
    /// Page chrome.
    Boilerplate,
}

/// One sentence (character offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is.
    pub span: CharSpan,
    /// What kind it is.
    pub kind: SentenceKind,
    /// Words in it (0 for boilerplate).
    pub words: usize,
    /// The hedge phrase in it, if any.
    pub hedge: Option<CharSpan>,
}

/// A direct quotation (character offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// `<article id>:q<n>`.
    pub id: String,
    /// The quoted words, without quote marks.
    pub span: CharSpan,
    /// Words in the quote.
    pub words: usize,
    /// Index into [`Extraction::sources`] of the speaker.
    pub speaker: Option<usize>,
    /// The mention of the speaker that this quote is credited to.
    pub speaker_span: Option<CharSpan>,
    /// The cue that credits it.
    pub cue: Option<CharSpan>,
    /// Index into [`Extraction::attributions`].
    pub attribution: Option<usize>,
}

/// An attribution (character offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// `<article id>:a<n>`.
    pub id: String,
    /// What kind of attribution.
    pub kind: AttributionKind,
    /// Index into [`Extraction::sources`].
    pub source: Option<usize>,
    /// The source mention.
    pub source_span: Option<CharSpan>,
    /// The cue.
    pub cue: Option<CharSpan>,
    /// The attributed content.
    pub content: Option<CharSpan>,
    /// What found it.
    pub found_by: FoundBy,
}

/// A source of one article (character offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Canonical name within the article.
    pub name: String,
    /// Type.
    pub kind: SourceType,
    /// Every mention.
    pub mentions: Vec<CharSpan>,
}

/// A claim: an asserting sentence of the body (character offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `<article id>:c<n>`.
    pub id: String,
    /// Index into [`Extraction::sentences`].
    pub sentence: usize,
    /// The sentence span.
    pub span: CharSpan,
    /// Whether an attribution covers it.
    pub attributed: bool,
    /// Index into [`Extraction::attributions`] of the covering attribution.
    pub attribution: Option<usize>,
    /// Index into [`Extraction::sources`] of who it is credited to.
    pub source: Option<usize>,
    /// Whether the sentence holds a hedge.
    pub hedged: bool,
    /// Whether it carries a number, a date or a named entity.
    pub checkworthy: bool,
}

/// Everything extracted from one article. Offsets are characters into `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Article id.
    pub article_id: String,
    /// Outlet.
    pub outlet: String,
    /// Headline.
    pub title: String,
    /// Publication date as given.
    pub published: String,
    /// URL.
    pub url: String,
    /// Where it was read from.
    pub origin: String,
    /// The article text as read.
    pub text: String,
    /// Words outside boilerplate.
    pub words: usize,
    /// Sentences, boilerplate included (marked).
    pub sentences: Vec<Sentence>,
    /// Direct quotes.
    pub quotes: Vec<Quote>,
    /// Attributions.
    pub attributions: Vec<Attribution>,
    /// Sources.
    pub sources: Vec<Source>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// The input record's other fields (`authors`, `topic`, …), passed
    /// through to articles.csv. Absent from `extraction.jsonl` when empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
}

impl Extraction {
    /// Check what the later stages rely on, for an extraction read back from
    /// a file a user may have edited: every span lies within the text and
    /// starts before it ends, and every index points at an existing item.
    /// The error names the first bad field (`attributions[0].source`).
    pub fn validate(&self) -> Result<(), String> {
        let chars = self.text.chars().count();
        let span = |field: String, s: CharSpan| -> Result<(), String> {
            if s.start > s.end {
                Err(format!(
                    "{field} starts at {} after it ends at {}",
                    s.start, s.end
                ))
            } else if s.end > chars {
                Err(format!(
                    "{field} ends at {}, past the text's {chars} characters",
                    s.end
                ))
            } else {
                Ok(())
            }
        };
        let opt_span = |field: String, s: Option<CharSpan>| s.map_or(Ok(()), |s| span(field, s));
        let index = |field: String, i: Option<usize>, what: &str, len: usize| match i {
            Some(i) if i >= len => Err(format!("{field} = {i}, but the article has {len} {what}")),
            _ => Ok(()),
        };
        let (n_sources, n_attributions) = (self.sources.len(), self.attributions.len());
        for (i, x) in self.sentences.iter().enumerate() {
            span(format!("sentences[{i}].span"), x.span)?;
            opt_span(format!("sentences[{i}].hedge"), x.hedge)?;
        }
        for (i, q) in self.quotes.iter().enumerate() {
            span(format!("quotes[{i}].span"), q.span)?;
            opt_span(format!("quotes[{i}].speaker_span"), q.speaker_span)?;
            opt_span(format!("quotes[{i}].cue"), q.cue)?;
            index(
                format!("quotes[{i}].speaker"),
                q.speaker,
                "sources",
                n_sources,
            )?;
            let a = q.attribution;
            index(
                format!("quotes[{i}].attribution"),
                a,
                "attributions",
                n_attributions,
            )?;
        }
        for (i, a) in self.attributions.iter().enumerate() {
            opt_span(format!("attributions[{i}].source_span"), a.source_span)?;
            opt_span(format!("attributions[{i}].cue"), a.cue)?;
            opt_span(format!("attributions[{i}].content"), a.content)?;
            index(
                format!("attributions[{i}].source"),
                a.source,
                "sources",
                n_sources,
            )?;
        }
        for (i, x) in self.sources.iter().enumerate() {
            for (j, &m) in x.mentions.iter().enumerate() {
                span(format!("sources[{i}].mentions[{j}]"), m)?;
            }
        }
        for (i, c) in self.claims.iter().enumerate() {
            span(format!("claims[{i}].span"), c.span)?;
            let n = self.sentences.len();
            index(
                format!("claims[{i}].sentence"),
                Some(c.sentence),
                "sentences",
                n,
            )?;
            let a = c.attribution;
            index(
                format!("claims[{i}].attribution"),
                a,
                "attributions",
                n_attributions,
            )?;
            index(
                format!("claims[{i}].source"),
                c.source,
                "sources",
                n_sources,
            )?;
        }
        Ok(())
    }

    /// The text of a character span (`index` is [`CharIndex::new`] of `self.text`).
    pub fn slice(&self, index: &CharIndex, span: CharSpan) -> &str {
        index.span_to_bytes(span).slice(&self.text)
    }
}
