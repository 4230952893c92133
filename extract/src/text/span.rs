//! Spans into an article's text, in one of two units: UTF-8 bytes inside
//! the pipeline (cheap to slice) and Unicode characters in every output (the
//! brat/Python convention, so `text[start:end]` gives the span back). The
//! unit is part of the type, [`ByteSpan`] or [`CharSpan`], so the two cannot
//! be mixed up; [`CharIndex`] converts between them.

use serde::{Deserialize, Serialize};
use std::marker::PhantomData;

/// The unit of a [`ByteSpan`]: UTF-8 byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Bytes;

/// The unit of a [`CharSpan`]: Unicode scalar value offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Chars;

/// A half-open range `[start, end)` into an article's text, in unit `U`
/// ([`Bytes`] or [`Chars`]). Serialised as `{"start": …, "end": …}`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(bound = "")]
pub struct Span<U> {
    /// First offset inside the span.
    pub start: usize,
    /// First offset after the span.
    pub end: usize,
    #[serde(skip)]
    unit: PhantomData<U>,
}

/// A span in UTF-8 bytes: what the pipeline works in.
pub type ByteSpan = Span<Bytes>;

/// A span in characters: what every output holds.
pub type CharSpan = Span<Chars>;

impl<U: Copy> Span<U> {
    /// A span from `start` to `end` (end exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Self {
            start,
            end,
            unit: PhantomData,
        }
    }

    /// Length in offsets.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Length of the intersection of two spans.
    pub fn overlap(&self, other: Self) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// Intersection over union, in `[0, 1]`.
    pub fn iou(&self, other: Self) -> f64 {
        let inter = self.overlap(other);
        let union = self.len() + other.len() - inter;
        if union == 0 {
            1.0
        } else {
            inter as f64 / union as f64
        }
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Self) -> Self {
        Self::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl ByteSpan {
    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Maps byte offsets of one text to character offsets and back.
///
/// Stores only the text's multibyte characters (most news text is ASCII but
/// for curly quotes and dashes), so an index costs a few bytes per such
/// character instead of eight per character: the whole corpus's indexes are
/// alive while it is scored.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte length of the text.
    len: usize,
    /// Number of characters in the text.
    chars: usize,
    /// For each multibyte character, in text order: its byte offset, its
    /// character offset, and the extra bytes (beyond one per character) of
    /// all multibyte characters up to and including it.
    multibyte: Vec<(usize, usize, usize)>,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> Self {
        let mut multibyte = Vec::new();
        let mut extra = 0;
        let mut chars = 0;
        for (ch, (byte, c)) in text.char_indices().enumerate() {
            chars = ch + 1;
            if c.len_utf8() > 1 {
                extra += c.len_utf8() - 1;
                multibyte.push((byte, ch, extra));
            }
        }
        Self {
            len: text.len(),
            chars,
            multibyte,
        }
    }

    /// Character offset of byte offset `byte` (a char boundary; inside a
    /// character it rounds down to that character; past the end it is the
    /// character count).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        // Multibyte characters starting before `byte`.
        let before = self.multibyte.partition_point(|&(b, _, _)| b < byte);
        match before.checked_sub(1).map(|i| self.multibyte[i]) {
            None => byte,
            Some((_, ch, extra)) => {
                // The bytes after that character start at `ch + 1 + extra`.
                if byte < ch + 1 + extra {
                    ch
                } else {
                    byte - extra
                }
            }
        }
    }

    /// Byte offset of character offset `ch` (clamped to the text length).
    pub fn to_byte(&self, ch: usize) -> usize {
        let ch = ch.min(self.chars);
        let before = self.multibyte.partition_point(|&(_, c, _)| c < ch);
        match before.checked_sub(1) {
            None => ch,
            Some(i) => ch + self.multibyte[i].2,
        }
    }

    /// Convert a byte span to a character span.
    pub fn span_to_chars(&self, span: ByteSpan) -> CharSpan {
        Span::new(self.to_char(span.start), self.to_char(span.end))
    }

    /// Convert a character span to a byte span.
    pub fn span_to_bytes(&self, span: CharSpan) -> ByteSpan {
        Span::new(self.to_byte(span.start), self.to_byte(span.end))
    }

    /// Number of characters in the text.
    pub fn chars(&self) -> usize {
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_round_trip_through_multibyte_text() {
        let text = "O’Malley said “yes”.";
        let idx = CharIndex::new(text);
        let byte = text.find("said").unwrap();
        assert_eq!(idx.to_char(byte), 9);
        assert_eq!(idx.to_byte(9), byte);
        let chars: Vec<char> = text.chars().collect();
        let s: String = chars[9..13].iter().collect();
        assert_eq!(s, "said");
        assert_eq!(idx.chars(), chars.len());
    }

    /// The straightforward index (every character's byte offset), as the
    /// reference the compact one must agree with.
    fn reference(text: &str, byte: usize) -> usize {
        let starts: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        match starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    #[test]
    fn compact_index_agrees_with_every_offset() {
        for text in [
            "",
            "plain ascii",
            "é",
            "“Quoted,” she said — twice… 日本語 and 😀 end",
            "€€€",
            "a😀b",
        ] {
            let idx = CharIndex::new(text);
            let starts: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            assert_eq!(idx.chars(), starts.len() - 1, "{text}");
            for byte in 0..text.len() + 3 {
                assert_eq!(idx.to_char(byte), reference(text, byte), "{text} @ {byte}");
            }
            for ch in 0..starts.len() + 3 {
                assert_eq!(
                    idx.to_byte(ch),
                    starts[ch.min(starts.len() - 1)],
                    "{text} # {ch}"
                );
            }
        }
    }

    #[test]
    fn iou_of_disjoint_and_equal_spans() {
        let a = ByteSpan::new(0, 10);
        assert_eq!(a.iou(a), 1.0);
        assert_eq!(a.iou(ByteSpan::new(10, 20)), 0.0);
        assert!((a.iou(ByteSpan::new(5, 15)) - 5.0 / 15.0).abs() < 1e-12);
    }
}
