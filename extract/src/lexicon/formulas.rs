//! Formulas: sentences that assert something but never a fact another outlet
//! could confirm, so they are not check-worthy and never corroborate. Two
//! outlets both writing "did not respond to a request for comment" share
//! a formula, not a fact; two polls' methodology notes ("margin of sampling
//! error of plus or minus 3 points") share wording, not a finding; a photo
//! credit ("Post-Dispatch via AP") is page furniture.
//!
//! Matched on the lower-cased sentence. Hand lists: no crate carries
//! newsroom formulas, and each entry here was found in the AllSides text.

/// A reply (or its absence) to a request for comment.
pub const NO_COMMENT: &[&str] = &[
    "request for comment",
    "requests for comment",
    "declined to comment",
    "declined comment",
    "declined further comment",
    "declined to elaborate",
    "could not be reached for comment",
    "could not immediately be reached",
    "not immediately available for comment",
    "did not immediately respond",
    "did not immediately return",
    "did not respond to",
    "did not return a message",
    "did not return messages",
    "did not return calls",
    "did not return a call",
    "no immediate response",
    "no immediate comment",
    "had no immediate comment",
    "when asked for comment",
];

/// Poll and survey methodology.
pub const METHODOLOGY: &[&str] = &[
    "margin of error",
    "margin of sampling error",
    "margin of error of",
    "plus or minus",
    "was conducted",
    "were conducted",
    "online interviews",
    "telephone interviews",
    "interviews with",
    "probability-based",
    "weighted to",
    "credibility interval",
];

/// Photo and image credits (only in short sentences: a long one is a claim
/// with a caption glued to it).
pub const CREDITS: &[&str] = &[
    "via ap",
    "via getty",
    "via reuters",
    "getty images",
    "ap photo",
    "file photo",
    "photo by",
    "photo:",
    "photograph:",
    "photo credit",
    "image:",
    "credit:",
    "toggle caption",
    "enlarge this image",
    "illustration by",
    "/afp",
    "/reuters",
    "/ap",
];

/// Photo-gallery captions scraped with the text, whatever their length.
pub const CAPTIONS: &[&str] = &["hide caption", "toggle caption"];

/// How a wire photo's caption opens ("FILE - In this March 26, 2020, file
/// photo President Donald Trump speaks …", "FILE PHOTO: …"), whatever its
/// length: two outlets running one agency's caption share the picture, not a
/// finding. Matched at the start of the sentence only.
pub const CAPTION_OPENINGS: &[&str] = &[
    "file - ",
    "file – ",
    "file photo",
    "in this file photo",
    "in this undated photo",
    "in this undated handout",
    "in this handout photo",
];

/// An outlet's appeal to its readers.
pub const PROMOTION: &[&str] = &[
    "if you enjoyed this article",
    "we have a proposition for you",
    "support our journalism",
    "become a member",
    "sign up for our newsletter",
    "subscribe to our newsletter",
];

/// Sentences of at most this many words can be a credit line.
pub const CREDIT_MAX_WORDS: usize = 15;
