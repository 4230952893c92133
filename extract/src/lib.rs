//! credence-extract: from raw news text to quotes, attributions, sources and claims.

pub mod brat;
pub mod clean;
pub mod corpus;
pub mod doc;
pub mod error;
pub mod eval;
pub mod extract;
pub mod model;
pub mod quotes;
pub mod sentences;
pub mod span;
pub mod tokens;

pub use error::ExtractError;
