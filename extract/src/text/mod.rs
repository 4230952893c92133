//! Step 1 of the pipeline: an article's text, segmented into a [`Doc`].
//!
//! - [`clean`]: line paragraphs, each marked body, heading or page chrome
//!   (chrome stays in the text, so offsets stay true);
//! - [`sentences`]: sentence boundaries within each paragraph;
//! - [`tokens`]: words, numbers, quote marks and punctuation, as the tagger
//!   was trained to see them;
//! - [`quotes`]: direct quotations found by their quote marks;
//! - [`span`]: byte and character spans, and the index converting them.
//!
//! Everything here is a [`ByteSpan`] into the article text; outputs convert
//! to [`CharSpan`]s with a [`CharIndex`].

pub mod clean;
mod doc;
pub mod quotes;
pub mod sentences;
pub mod span;
pub mod span_index;
pub mod tokens;

pub use clean::{Paragraph, ParagraphKind};
pub use doc::{count_words, Doc};
pub use quotes::QuoteSpan;
pub use span::{ByteSpan, CharIndex, CharSpan, Span};
pub use span_index::SpanIndex;
pub use tokens::{Token, TokenKind};
