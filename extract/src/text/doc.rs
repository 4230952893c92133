//! [`Doc`]: the analysed text every later stage reads.

use super::clean::{paragraphs, Paragraph, ParagraphKind};
use super::quotes::{find_quotes, QuoteSpan};
use super::sentences;
use super::span::ByteSpan;
use super::tokens::{tokenize, Token};

/// One article's text, segmented: paragraphs, sentences, tokens and quotes,
/// all as byte spans into its text. Per-sentence and per-token facts are
/// parallel vectors indexed by sentence or token number.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The article text as read.
    pub text: &'a str,
    /// Line paragraphs with their kind.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order (trimmed).
    pub sentences: Vec<ByteSpan>,
    /// Index of each sentence's paragraph.
    pub sentence_paragraph: Vec<usize>,
    /// Tokens of non-boilerplate paragraphs, in text order.
    pub tokens: Vec<Token>,
    /// Index of each token's sentence.
    pub token_sentence: Vec<usize>,
    /// Whether each token lies inside a direct quote (marks included).
    pub token_in_quote: Vec<bool>,
    /// Direct quotes found by their marks.
    pub quotes: Vec<QuoteSpan>,
    /// For each sentence, its token range `[start, end)`.
    pub sentence_tokens: Vec<(usize, usize)>,
    /// Whether any token of each sentence lies inside a direct quote
    /// (computed once: the tagger asks for every token).
    pub sentence_has_quote: Vec<bool>,
}

impl<'a> Doc<'a> {
    /// Segment `text`.
    pub fn new(text: &'a str) -> Self {
        let paragraphs = paragraphs(text);
        let quotes = find_quotes(text, &paragraphs);
        let mut sentences = Vec::new();
        let mut sentence_paragraph = Vec::new();
        for (pi, p) in paragraphs.iter().enumerate() {
            sentences.extend(sentences::split(text, p.span));
            sentence_paragraph.resize(sentences.len(), pi);
        }
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut token_sentence = Vec::with_capacity(text.len() / 5);
        let mut sentence_tokens = Vec::with_capacity(sentences.len());
        for (si, &s) in sentences.iter().enumerate() {
            let before = tokens.len();
            if paragraphs[sentence_paragraph[si]].kind != ParagraphKind::Boilerplate {
                tokenize(text, s, &mut tokens);
            }
            token_sentence.resize(tokens.len(), si);
            sentence_tokens.push((before, tokens.len()));
        }
        let mut token_in_quote = vec![false; tokens.len()];
        let mut qi = 0;
        for (ti, t) in tokens.iter().enumerate() {
            while qi < quotes.len() && quotes[qi].outer.end <= t.span.start {
                qi += 1;
            }
            if qi < quotes.len() && quotes[qi].outer.start <= t.span.start {
                token_in_quote[ti] = true;
            }
        }
        let sentence_has_quote = sentence_tokens
            .iter()
            .map(|&(s, e)| token_in_quote[s..e].contains(&true))
            .collect();
        Doc {
            text,
            paragraphs,
            sentences,
            sentence_paragraph,
            tokens,
            token_sentence,
            token_in_quote,
            quotes,
            sentence_tokens,
            sentence_has_quote,
        }
    }

    /// The token text at index `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.text)
    }

    /// The kind of the paragraph holding sentence `s`.
    pub fn paragraph_kind(&self, s: usize) -> ParagraphKind {
        self.paragraphs[self.sentence_paragraph[s]].kind
    }

    /// Paragraph index of token `i`.
    pub fn token_paragraph(&self, i: usize) -> usize {
        self.sentence_paragraph[self.token_sentence[i]]
    }

    /// Token range `[start, end)` of the paragraph holding token `i`
    /// (binary searches: a paragraph's sentences are contiguous).
    pub fn paragraph_tokens(&self, i: usize) -> (usize, usize) {
        let p = self.token_paragraph(i);
        let first = self.sentence_paragraph.partition_point(|&q| q < p);
        let last = self.sentence_paragraph.partition_point(|&q| q <= p);
        (
            self.sentence_tokens[first].0,
            self.sentence_tokens[last - 1].1,
        )
    }

    /// Token range `[first, last + 1)` covering the byte span (tokens that overlap it).
    pub fn tokens_in(&self, span: ByteSpan) -> Option<(usize, usize)> {
        let first = self.tokens.partition_point(|t| t.span.end <= span.start);
        let end = self.tokens.partition_point(|t| t.span.start < span.end);
        (first < end).then_some((first, end))
    }

    /// Byte span covered by tokens `[start, end)`.
    pub fn token_span(&self, start: usize, end: usize) -> ByteSpan {
        ByteSpan::new(self.tokens[start].span.start, self.tokens[end - 1].span.end)
    }

    /// Number of words in `span`: whitespace-separated chunks holding a letter or digit.
    pub fn words_in(&self, span: ByteSpan) -> usize {
        count_words(span.slice(self.text))
    }
}

/// Whitespace-separated chunks holding at least one letter or digit.
pub fn count_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
