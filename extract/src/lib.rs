//! credence-extract: from raw news text to quotes, attributions, sources and claims.

pub mod brat;
pub mod claims;
pub mod clean;
pub mod corpus;
pub mod doc;
pub mod error;
pub mod eval;
pub mod extract;
pub mod hedges;
pub mod model;
pub mod quotes;
pub mod resolve;
pub mod sentences;
pub mod sources;
pub mod span;
pub mod tokens;

pub use error::ExtractError;
pub use extract::{extract_article, Extraction};
