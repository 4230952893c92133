//! Page chrome: lines of a scraped page that are not the article.

/// Whole lines (lowercased, trimmed, trailing punctuation ignored) that are chrome.
pub const CHROME_LINES: &[&str] = &[
    "connect with us",
    "hi, what are you looking for",
    "advertisement",
    "advertisement. scroll to continue reading",
    "scroll to continue reading",
    "click to comment",
    "leave a reply",
    "leave a comment",
    "you may also like",
    "related sources",
    "related sources:",
    "related",
    "related articles",
    "read more",
    "share this",
    "share this article",
    "follow us",
    "subscribe",
    "sign up",
    "comments",
    "print",
    "email",
    // Politico's mid-article ad slot: 2,297 lines in the AllSides corpus.
    "story continued below",
    // Other lines repeated across hundreds of AllSides pages (counted per
    // article): mastheads, slots and widgets, never the story.
    "more on this",
    "photo",
    "close",
    "ad",
    "[pullquote]",
    "support vox’s explanatory journalism",
];

/// Line prefixes (lowercased) that mark chrome.
pub const CHROME_PREFIXES: &[&str] = &[
    "copyright",
    "©",
    "your email address will not be published",
    "sign up for",
    "subscribe to",
    "click here to",
    "follow us on",
    "related sources:",
    "related coverage",
    "read more:",
    "advertisement",
    "all rights reserved",
    "follow @",
    "image copyright",
    "slideshow (",
    "share this article",
    // CNN's video widget: "JUST WATCHED <title> Replay More Videos ... MUST
    // WATCH <title> 01:49" (its title read as a sentence became a source).
    "just watched ",
    "must watch ",
];

/// Phrases (lowercased) of an opinion page's disclaimer, which makes its
/// line an editor's note about the author, not the story: "The opinions
/// expressed in this commentary are his own." (CNN, after the author's
/// bio), "The opinions expressed by columnists are their own…" (Townhall):
/// 405 lines in the AllSides corpus, where "The opinions" became a source and
/// the antecedent of a later "They".
pub const DISCLAIMERS: &[&str] = &[
    "the opinions expressed in this",
    "the opinions expressed in these",
    "the opinions expressed by",
    "the views expressed in this",
    "the views expressed by",
    "views expressed here are",
];

/// Line endings (lowercased, trailing punctuation ignored) of a short credit
/// line: "The Associated Press contributed to this report."
pub const CREDIT_ENDINGS: &[&str] = &[
    "contributed to this report",
    "contributed to this story",
    "contributed to this article",
    "contributed reporting",
    "was used in this report",
];
