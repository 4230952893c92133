//! [`SpanIndex`]: the spans near a query span, found by binary search.
//!
//! Several steps ask, for each of many spans (quotes, sentences), which of
//! many others (attribution contents, quotes) overlap it. Scanning them all
//! is quadratic in an article's size; a long article has thousands of each.
//! Written here rather than taken from an interval-tree crate: the spans of
//! one article are bounded in length (sentences and role windows are), so a
//! sorted vector and the longest length answer the question exactly.

use super::ByteSpan;

/// Items (any `usize` id) with a byte span, ordered by where the span starts.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    /// `(span start, id)`, sorted.
    starts: Vec<(usize, usize)>,
    /// The longest span: one that overlaps a query starts less than this
    /// far before it.
    longest: usize,
}

impl SpanIndex {
    /// Index `(span, id)` pairs, in any order.
    pub fn new(items: impl IntoIterator<Item = (ByteSpan, usize)>) -> Self {
        let mut index = SpanIndex::default();
        for (span, id) in items {
            index.starts.push((span.start, id));
            index.longest = index.longest.max(span.len());
        }
        index.starts.sort_unstable();
        index
    }

    /// Add an item whose span starts no earlier than any indexed one.
    pub fn push(&mut self, span: ByteSpan, id: usize) {
        debug_assert!(self.starts.last() <= Some(&(span.start, id)));
        self.starts.push((span.start, id));
        self.longest = self.longest.max(span.len());
    }

    /// Ids, by span start then id, of a superset of the items whose span
    /// overlaps or touches `query` (starts at most at its end and ends at
    /// least at its start); callers test each for what they need.
    pub fn near(&self, query: ByteSpan) -> impl Iterator<Item = usize> + '_ {
        let end = self.starts.partition_point(|&(s, _)| s <= query.end);
        let reach = query.start.saturating_sub(self.longest);
        let begin = self.starts[..end].partition_point(|&(s, _)| s < reach);
        self.starts[begin..end].iter().map(|&(_, id)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_overlapping_span() {
        let spans = [(0, 10), (5, 6), (20, 40), (12, 13), (39, 50), (60, 61)];
        let index = SpanIndex::new(
            spans
                .iter()
                .enumerate()
                .map(|(i, &(s, e))| (ByteSpan::new(s, e), i)),
        );
        for q in 0..70 {
            for len in 0..15 {
                let query = ByteSpan::new(q, q + len);
                let near: Vec<usize> = index.near(query).collect();
                for (i, &(s, e)) in spans.iter().enumerate() {
                    if s <= query.end && e >= query.start {
                        assert!(near.contains(&i), "{query:?} misses {i}");
                    }
                }
            }
        }
    }
}
