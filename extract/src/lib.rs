//! credence-extract: from raw news text to quotes, attributions, sources and
//! claims, every one with character offsets into the article as read.
//!
//! [`read_corpus`] reads articles ([`Article`]) from directories, JSONL and
//! CSV files; [`extract_article`] turns one article into an [`Extraction`]
//! (the output model, in [`extraction`]). The pipeline, one module per step:
//!
//! 1. [`text`] — paragraphs (page chrome marked, never removed, so offsets
//!    stay true), sentences, tokens and direct quotes: a [`Doc`];
//! 2. [`tagger`] — the learned attribution tagger: cues, and each cue's source
//!    and content;
//! 3. [`attribution`] — the tagger's output tidied, completed by rules for
//!    quote speakers, and each quote linked to the attribution crediting it;
//! 4. [`sources`] — each source typed (person, organization, outlet,
//!    document, anonymous, unknown) and resolved to one canonical name;
//! 5. [`hedges`] and [`claims`] — hedged sentences, and the claims: asserting
//!    sentences, whether an attribution credits each, whether each is
//!    check-worthy.
//!
//! [`pipeline`] runs the steps in that order; [`lexicon`] holds every word
//! list they use, once. Inside the pipeline spans are [`ByteSpan`]s; the
//! output holds [`CharSpan`]s ([`text::span`] explains why both exist).
//! [`eval`] scores the tagger and rules against brat annotations.
//!
//! ```
//! use credence_extract::{extract_article, Article, SourceType, Tagger};
//!
//! let article = Article {
//!     id: "a1".into(),
//!     text: "\"We will meet on Monday,\" Steve Witkoff said in Moscow.".into(),
//!     ..Article::default()
//! };
//! let e = extract_article(&article, Tagger::embedded());
//! let quote = &e.quotes[0];
//! let speaker = &e.sources[quote.speaker.unwrap()];
//! assert_eq!((speaker.name.as_str(), speaker.kind), ("Steve Witkoff", SourceType::Person));
//! // Offsets are characters of the text as read.
//! let text: String = e.text.chars().skip(quote.span.start).take(quote.span.len()).collect();
//! assert_eq!(text, "We will meet on Monday,");
//! ```

pub mod attribution;
pub mod claims;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod extraction;
pub mod hedges;
pub mod lexicon;
pub mod pipeline;
pub mod sources;
pub mod tagger;
pub mod text;

pub use corpus::{read_corpus, Article, Corpus, ReadOptions};
pub use error::ExtractError;
pub use extraction::{Extraction, SourceType};
pub use pipeline::extract_article;
pub use tagger::Tagger;
pub use text::{ByteSpan, CharIndex, CharSpan, Doc};
