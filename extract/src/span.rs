//! Byte spans used inside the pipeline, and their conversion to the character
//! offsets that every output uses.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` into an article's text.
///
/// Inside the pipeline the offsets are UTF-8 byte offsets (cheap to slice);
/// every public output converts them to Unicode scalar value offsets with
/// [`CharIndex`], the brat/Python convention promised in `DESIGN.md`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    /// First offset inside the span.
    pub start: usize,
    /// First offset after the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Self { start, end }
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
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Length of the intersection of two spans.
    pub fn overlap(&self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// Intersection over union, in `[0, 1]`.
    pub fn iou(&self, other: Span) -> f64 {
        let inter = self.overlap(other);
        let union = self.len() + other.len() - inter;
        if union == 0 {
            1.0
        } else {
            inter as f64 / union as f64
        }
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Maps byte offsets of one text to character offsets and back.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every char, plus the text length at the end.
    char_starts: Vec<usize>,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> Self {
        let mut char_starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        char_starts.push(text.len());
        Self { char_starts }
    }

    /// Character offset of byte offset `byte` (which must be a char boundary).
    pub fn to_char(&self, byte: usize) -> usize {
        match self.char_starts.binary_search(&byte) {
            Ok(i) => i,
            // Not on a boundary: round down to the char that contains it.
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of character offset `ch` (clamped to the text length).
    pub fn to_byte(&self, ch: usize) -> usize {
        self.char_starts[ch.min(self.char_starts.len() - 1)]
    }

    /// Convert a byte span to a character span.
    pub fn span_to_chars(&self, span: Span) -> Span {
        Span::new(self.to_char(span.start), self.to_char(span.end))
    }

    /// Convert a character span to a byte span.
    pub fn span_to_bytes(&self, span: Span) -> Span {
        Span::new(self.to_byte(span.start), self.to_byte(span.end))
    }

    /// Number of characters in the text.
    pub fn chars(&self) -> usize {
        self.char_starts.len() - 1
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

    #[test]
    fn iou_of_disjoint_and_equal_spans() {
        let a = Span::new(0, 10);
        assert_eq!(a.iou(a), 1.0);
        assert_eq!(a.iou(Span::new(10, 20)), 0.0);
        assert!((a.iou(Span::new(5, 15)) - 5.0 / 15.0).abs() < 1e-12);
    }
}
