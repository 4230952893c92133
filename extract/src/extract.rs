//! The extraction pipeline: one [`Article`] in, one [`Extraction`] out.
//!
//! 1. segment the text ([`Doc`]): paragraphs (with boilerplate marked),
//!    sentences, tokens, quotes;
//! 2. tag attributions with the learned model ([`Model`]): cue, source, content;
//! 3. complete them with rules for what rules do well: the speaker of a direct
//!    quote (`"…," X said`, `"…," said X`, `X said: "…"`, `"…" — X`, and a quote
//!    paragraph that continues the previous speaker);
//! 4. resolve sources (types, canonical names, pronouns);
//! 5. mark hedges and claims; convert every span to character offsets.

use crate::claims::{is_checkworthy, is_question};
use crate::clean::ParagraphKind;
use crate::corpus::Article;
use crate::doc::{count_words, Doc};
use crate::hedges::find_hedge;
use crate::model::Model;
use crate::resolve::Resolver;
use crate::sources::SourceType;
use crate::span::{CharIndex, Span};
use crate::tokens::TokenKind;
use serde::{Deserialize, Serialize};

/// An attribution as byte spans, before sources are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanAttribution {
    /// Who is credited.
    pub source: Option<Span>,
    /// The words that credit them ("said", "according to").
    pub cue: Option<Span>,
    /// What is credited to them.
    pub content: Option<Span>,
    /// Found by a rule rather than the tagger.
    pub by_rule: bool,
}

/// What an attribution attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// The content is a direct quotation.
    DirectQuote,
    /// Reported speech without quotation marks ("X said (that) …").
    Indirect,
    /// "according to X".
    AccordingTo,
    /// Reported speech that quotes part of what was said.
    Mixed,
}

impl AttributionKind {
    /// The name used in CSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::DirectQuote => "direct_quote",
            AttributionKind::Indirect => "indirect",
            AttributionKind::AccordingTo => "according_to",
            AttributionKind::Mixed => "mixed",
        }
    }
}

/// What found an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FoundBy {
    /// The learned tagger.
    Model,
    /// A rule for quote speakers.
    Rule,
}

impl FoundBy {
    /// `model` or `rule`.
    pub fn as_str(self) -> &'static str {
        match self {
            FoundBy::Model => "model",
            FoundBy::Rule => "rule",
        }
    }
}

/// The kind of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceKind {
    /// An asserting sentence of the body.
    Statement,
    /// A question.
    Question,
    /// A title or section heading.
    Heading,
    /// Page chrome.
    Boilerplate,
}

/// One sentence (character offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// What kind it is.
    pub kind: SentenceKind,
    /// Words in it (0 for boilerplate).
    pub words: usize,
    /// The hedge phrase in it, if any.
    pub hedge: Option<Span>,
}

/// A direct quotation (character offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// `<article id>:q<n>`.
    pub id: String,
    /// The quoted words, without quote marks.
    pub span: Span,
    /// Words in the quote.
    pub words: usize,
    /// Index into [`Extraction::sources`] of the speaker.
    pub speaker: Option<usize>,
    /// The mention of the speaker that this quote is credited to.
    pub speaker_span: Option<Span>,
    /// The cue that credits it.
    pub cue: Option<Span>,
    /// Index into [`Extraction::attributions`].
    pub attribution: Option<usize>,
}

/// An attribution (character offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// `<article id>:a<n>`.
    pub id: String,
    /// What kind of attribution.
    pub kind: AttributionKind,
    /// Index into [`Extraction::sources`].
    pub source: Option<usize>,
    /// The source mention.
    pub source_span: Option<Span>,
    /// The cue.
    pub cue: Option<Span>,
    /// The attributed content.
    pub content: Option<Span>,
    /// What found it.
    pub found_by: FoundBy,
}

/// A source of one article (character offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Canonical name within the article.
    pub name: String,
    /// Type.
    pub kind: SourceType,
    /// Every mention.
    pub mentions: Vec<Span>,
}

/// A claim: an asserting sentence of the body (character offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `<article id>:c<n>`.
    pub id: String,
    /// Index into [`Extraction::sentences`].
    pub sentence: usize,
    /// The sentence span.
    pub span: Span,
    /// Whether an attribution covers it.
    pub attributed: bool,
    /// Index into [`Extraction::attributions`] of the covering attribution.
    pub attribution: Option<usize>,
    /// Index into [`Extraction::sources`] of who it is credited to.
    pub source: Option<usize>,
    /// Whether the sentence holds a hedge.
    pub hedged: bool,
    /// Whether it carries a number, a date or a named entity.
    pub checkworthy: bool,
}

/// Everything extracted from one article. Offsets are characters into `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Article id.
    pub article_id: String,
    /// Outlet.
    pub outlet: String,
    /// Headline.
    pub title: String,
    /// Publication date as given.
    pub published: String,
    /// URL.
    pub url: String,
    /// Where it was read from.
    pub origin: String,
    /// The article text as read.
    pub text: String,
    /// Words outside boilerplate.
    pub words: usize,
    /// Sentences, boilerplate included (marked).
    pub sentences: Vec<Sentence>,
    /// Direct quotes.
    pub quotes: Vec<Quote>,
    /// Attributions.
    pub attributions: Vec<Attribution>,
    /// Sources.
    pub sources: Vec<Source>,
    /// Claims.
    pub claims: Vec<Claim>,
}

impl Extraction {
    /// The text of a character span.
    pub fn slice(&self, index: &CharIndex, span: Span) -> &str {
        index.span_to_bytes(span).slice(&self.text)
    }
}

fn is_cue_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    crate::model::features::is_cue_word(&lower)
}

fn is_name_token(doc: &Doc, t: usize) -> bool {
    let s = doc.token_text(t);
    doc.tokens[t].kind == TokenKind::Word
        && s.chars().next().is_some_and(char::is_uppercase)
        && !NOT_NAMES.contains(&s)
}

/// A name run (capitalised words, with role words inside) over `[from, to)`:
/// the one nearest `to` when `last`, else the first. Pronouns count as names.
fn name_in(doc: &Doc, from: usize, to: usize, last: bool) -> Option<Span> {
    let mut found = None;
    let mut t = from;
    while t < to {
        if is_pronoun(doc.token_text(t)) && t > from {
            found = Some(doc.tokens[t].span);
            if !last {
                return found;
            }
            t += 1;
            continue;
        }
        if is_name_token(doc, t) {
            let start = t;
            let mut end = t + 1;
            let mut j = t + 1;
            while j < to && (is_name_token(doc, j) || ROLE_WORDS.contains(&doc.token_text(j))) {
                j += 1;
                if is_name_token(doc, j - 1) {
                    end = j;
                }
            }
            found = Some(doc.token_span(start, end));
            if !last {
                return found;
            }
            t = end;
            continue;
        }
        t += 1;
    }
    found
}

/// Is the cue a speech verb, a colon/dash, or "according to" (rather than a noun the tagger read as a cue)?
fn speech_cue(doc: &Doc, cue: Option<Span>) -> bool {
    let Some((s, e)) = cue.and_then(|c| doc.tokens_in(c)) else {
        return false;
    };
    (s..e).any(|t| {
        let w = doc.token_text(t);
        is_cue_word(w)
            || w.eq_ignore_ascii_case("according")
            || !w.chars().any(char::is_alphanumeric)
    })
}

/// Who a cue without a source credits: a name right before it ("Witkoff
/// assuring"), the sentence's subject for a participle ("…, telling Ushakov"),
/// else the nearest name before it in the sentence, else the first after it.
fn fallback_source(doc: &Doc, cue: Span) -> Option<Span> {
    let (cs, ce) = doc.tokens_in(cue)?;
    let (ss, se) = doc.sentence_tokens[doc.token_sentence[cs]];
    if cs > ss && is_name_token(doc, cs - 1) {
        return name_backward(doc, cs, ss);
    }
    let participle = doc.token_text(cs).ends_with("ing");
    let before = if participle {
        name_in(doc, ss, cs, false)
    } else {
        name_in(doc, ss, cs, true)
    };
    before.or_else(|| name_in(doc, ce, se, false))
}

/// Clean what the tagger proposed: a cue must hold a lowercase word or be
/// punctuation (capitalised-only "cues" such as "EB-5" are names the tagger
/// mistook); capitalised words at the start of a cue belong to the source
/// before it; a source must hold a letter and a capital or a pronoun.
fn tidy(doc: &Doc, mut a: SpanAttribution) -> Option<SpanAttribution> {
    let cue = a.cue?;
    let (mut cs, ce) = doc.tokens_in(cue)?;
    // Headings are not speech ("A Determined Push for a Deal").
    if doc.sentences[doc.token_sentence[cs]].kind != ParagraphKind::Body {
        return None;
    }
    let words: Vec<&str> = (cs..ce).map(|t| doc.token_text(t)).collect();
    let has_lower = words
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase));
    let punct = words.iter().all(|w| !w.chars().any(char::is_alphanumeric));
    if !has_lower && !punct {
        return None;
    }
    let sentence_start = doc.sentence_tokens[doc.token_sentence[cs]].0;
    while cs + 1 < ce && cs > sentence_start && is_name_token(doc, cs) {
        cs += 1;
    }
    if cs != doc.tokens_in(cue)?.0 {
        let moved = doc.token_span(doc.tokens_in(cue)?.0, cs);
        a.source = Some(a.source.map_or(moved, |s| {
            if s.end <= moved.start {
                s.cover(moved)
            } else {
                moved
            }
        }));
        a.cue = Some(doc.token_span(cs, ce));
    }
    if let Some(src) = a.source {
        let t = src.slice(doc.text);
        let letters = t.chars().any(char::is_alphabetic);
        let named = t.chars().any(char::is_uppercase)
            || t.split_whitespace()
                .any(|w| is_pronoun(w) || matches!(w.to_lowercase().as_str(), "who" | "which"));
        let anonymous = matches!(
            crate::sources::classify(t),
            crate::sources::Mention::Named {
                kind: SourceType::Anonymous
                    | SourceType::Document
                    | SourceType::Outlet
                    | SourceType::Organization,
                ..
            }
        );
        if !letters || (!named && !anonymous) {
            a.source = None;
        }
    }
    if a.source.is_none() {
        a.source = a.cue.and_then(|c| fallback_source(doc, c));
    }
    a.source = a.source.map(|s| complete_name(doc, s, cue));
    Some(a)
}

/// Grow a source over the rest of a name it cuts ("Stephanie" → "Stephanie
/// Egan", "Mr." → "Mr. McKinley"), and over a "the" just before a name ("the
/// Supreme Court", as PolNeAR marks sources), within its sentence and never
/// into the cue.
fn complete_name(doc: &Doc, source: Span, cue: Span) -> Span {
    let (Some((mut s, mut e)), Some((cs, ce))) = (doc.tokens_in(source), doc.tokens_in(cue)) else {
        return source;
    };
    let (ss, se) = doc.sentence_tokens[doc.token_sentence[s]];
    let outside = |t: usize| !(cs..ce).contains(&t);
    while e < se && outside(e) && is_name_token(doc, e - 1) && is_name_token(doc, e) {
        e += 1;
    }
    while s > ss && outside(s - 1) && is_name_token(doc, s) && is_name_token(doc, s - 1) {
        s -= 1;
    }
    if s > ss
        && outside(s - 1)
        && is_name_token(doc, s)
        && matches!(doc.token_text(s - 1), "the" | "The")
    {
        s -= 1;
    }
    doc.token_span(s, e)
}

/// Capitalised words that open sentences without naming anyone.
const NOT_NAMES: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Meanwhile",
    "However",
    "According",
    "In",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "While",
    "When",
    "Although",
    "Despite",
    "Still",
    "Shortly",
    "Further",
    "Furthermore",
    "Interestingly",
    "Nonetheless",
    "Alongside",
    "With",
    "For",
    "From",
    "Until",
    "Others",
    "It",
    "Its",
    "Their",
    "His",
    "Her",
    "Oct.",
    "Sept.",
    "Nov.",
    "Dec.",
    "Jan.",
    "Feb.",
    "Aug.",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Lowercase role words that may sit inside a titled name ("Russian envoy Kirill Dmitriev").
const ROLE_WORDS: &[&str] = &[
    "envoy",
    "director",
    "communications",
    "official",
    "adviser",
    "advisor",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "president",
    "minister",
    "chairman",
    "senator",
    "leader",
    "ambassador",
    "press",
    "foreign",
    "policy",
    "special",
    "senior",
    "former",
    "chief",
    "deputy",
];

fn is_pronoun(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "he" | "she" | "they" | "i" | "we"
    )
}

/// A name or pronoun starting at token `t`, going forward (`said X`).
fn name_forward(doc: &Doc, t: usize, limit: usize) -> Option<Span> {
    if t >= limit {
        return None;
    }
    if is_pronoun(doc.token_text(t)) {
        return Some(doc.tokens[t].span);
    }
    let mut j = t;
    while j < limit && j - t < 6 && is_name_token(doc, j) {
        j += 1;
    }
    (j > t).then(|| doc.token_span(t, j))
}

/// A name or pronoun ending just before token `t`, going backward (`X said`).
fn name_backward(doc: &Doc, t: usize, floor: usize) -> Option<Span> {
    if t <= floor {
        return None;
    }
    if is_pronoun(doc.token_text(t - 1)) {
        return Some(doc.tokens[t - 1].span);
    }
    let mut j = t;
    while j > floor && t - j < 6 && is_name_token(doc, j - 1) {
        j -= 1;
    }
    (j < t).then(|| doc.token_span(j, t))
}

/// The speaker of a quote that the tagger did not attribute, by pattern.
fn quote_rule(doc: &Doc, outer: Span) -> Option<SpanAttribution> {
    let (qs, qe) = doc.tokens_in(outer)?;
    let para = doc.token_paragraph(qs);
    let para_end = (qe..doc.tokens.len())
        .find(|&t| doc.token_paragraph(t) != para)
        .unwrap_or(doc.tokens.len());
    let quote = |cue: Span, source: Option<Span>| SpanAttribution {
        source,
        cue: Some(cue),
        content: Some(outer),
        by_rule: true,
    };
    // After the quote: `,” X said` / `,” said X` / `” — X`.
    let mut t = qe;
    while t < para_end
        && doc.tokens[t].kind == TokenKind::Punct
        && matches!(doc.token_text(t), "," | ".")
    {
        t += 1;
    }
    if t < para_end {
        let w = doc.token_text(t);
        if matches!(w, "—" | "–" | "-" | "--") {
            if let Some(src) = name_forward(doc, t + 1, para_end) {
                return Some(quote(doc.tokens[t].span, Some(src)));
            }
        }
        if is_cue_word(w) {
            if let Some(src) = name_forward(doc, t + 1, para_end) {
                return Some(quote(doc.tokens[t].span, Some(src)));
            }
        }
        if let Some(src) = name_forward(doc, t, para_end) {
            let after = doc.tokens_in(src).map_or(t, |(_, e)| e);
            if after < para_end && is_cue_word(doc.token_text(after)) {
                return Some(quote(doc.tokens[after].span, Some(src)));
            }
        }
    }
    // Before the quote: `X said: “…”`, `X explained the strategy: “…”`,
    // `…, telling Y: “…”`: the nearest cue word before it in the sentence.
    let (sent_start, _) = doc.sentence_tokens[doc.token_sentence[qs]];
    let cue = (sent_start..qs)
        .rev()
        .find(|&c| is_cue_word(doc.token_text(c)))?;
    let cue = doc.tokens[cue].span;
    Some(quote(cue, fallback_source(doc, cue)))
}

/// Every attribution in `doc`: the tagger's, completed by the quote rules.
pub fn attribution_spans(doc: &Doc, model: &Model) -> Vec<SpanAttribution> {
    let mut atts: Vec<SpanAttribution> = model
        .attributions(doc)
        .into_iter()
        .filter_map(|a| {
            tidy(
                doc,
                SpanAttribution {
                    source: a.source,
                    cue: Some(a.cue),
                    content: a.content,
                    by_rule: false,
                },
            )
        })
        .collect();
    for q in &doc.quotes {
        let Some(rule) = quote_rule(doc, q.outer) else {
            continue;
        };
        let covering: Vec<&SpanAttribution> = atts
            .iter()
            .filter(|a| {
                a.content
                    .is_some_and(|c| c.overlap(q.inner) * 2 >= q.inner.len())
            })
            .collect();
        // Keep the rule's reading when nothing covers the quote, or when its cue
        // lies inside the covering content (nested speech: "the call shows
        // Witkoff assuring Ushakov that … “…”").
        let nested = covering.iter().all(|a| {
            rule.cue
                .zip(a.content)
                .is_some_and(|(cue, c)| c.contains(cue))
        });
        if covering.is_empty() || nested {
            atts.push(rule);
        }
    }
    atts.sort_by_key(|a| {
        (
            a.cue.or(a.content).or(a.source).unwrap_or_default(),
            a.content,
            a.source,
        )
    });
    atts
}

/// Extract everything from one article with `model`.
pub fn extract_article(article: &Article, model: &Model) -> Extraction {
    let text = article.text.as_str();
    let doc = Doc::new(text);
    let index = CharIndex::new(text);
    let chars = |s: Span| index.span_to_chars(s);
    let mut spans = attribution_spans(&doc, model);

    // Quotes → attribution; unattributed quotes that continue the previous
    // speaker (a new paragraph of the same quotation) inherit it.
    let mut quote_att: Vec<Option<usize>> = Vec::with_capacity(doc.quotes.len());
    for (qi, q) in doc.quotes.iter().enumerate() {
        // The innermost attribution whose content covers the quote.
        let found = (0..spans.len())
            .filter(|&i| {
                spans[i]
                    .content
                    .is_some_and(|c| c.overlap(q.inner) * 2 >= q.inner.len())
            })
            .min_by_key(|&i| {
                (
                    !speech_cue(&doc, spans[i].cue),
                    spans[i].content.map_or(usize::MAX, |c| c.len()),
                    i,
                )
            });
        let found = found.or_else(|| {
            let prev = qi
                .checked_sub(1)
                .and_then(|p| quote_att[p].map(|a| (p, a)))?;
            let prev_para = doc
                .paragraphs
                .iter()
                .position(|p| p.span.contains(doc.quotes[prev.0].outer))?;
            let this_para = doc
                .paragraphs
                .iter()
                .position(|p| p.span.contains(q.outer))?;
            let opens_paragraph = doc.paragraphs[this_para].span.start == q.outer.start;
            (q.continues_previous || (opens_paragraph && this_para == prev_para + 1)).then(|| {
                let a = spans[prev.1];
                spans.push(SpanAttribution {
                    source: a.source,
                    cue: None,
                    content: Some(q.outer),
                    by_rule: true,
                });
                spans.len() - 1
            })
        });
        quote_att.push(found);
    }

    // Resolve sources in text order.
    let mut resolver = Resolver::new(&doc);
    let mut order: Vec<usize> = (0..spans.len())
        .filter(|&i| spans[i].source.is_some())
        .collect();
    order.sort_by_key(|&i| spans[i].source);
    let mut att_source: Vec<Option<usize>> = vec![None; spans.len()];
    for i in order {
        if let Some(s) = spans[i].source {
            att_source[i] = Some(resolver.resolve(s));
        }
    }
    // A continuation inherits the resolved source of what it continues.
    for i in 0..spans.len() {
        if att_source[i].is_none() && spans[i].cue.is_none() {
            if let Some(j) = (0..spans.len()).find(|&j| {
                j != i && spans[j].source.is_some() && spans[j].source == spans[i].source
            }) {
                att_source[i] = att_source[j];
            }
        }
    }

    let attributions: Vec<Attribution> = spans
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let cue_text = a
                .cue
                .map(|c| c.slice(text).to_lowercase())
                .unwrap_or_default();
            let kind = if cue_text.starts_with("according") {
                AttributionKind::AccordingTo
            } else if let Some(content) = a.content {
                let quoted: usize = doc.quotes.iter().map(|q| q.outer.overlap(content)).sum();
                if quoted * 10 >= content.len() * 8 {
                    AttributionKind::DirectQuote
                } else if quoted > 0 {
                    AttributionKind::Mixed
                } else {
                    AttributionKind::Indirect
                }
            } else {
                AttributionKind::Indirect
            };
            Attribution {
                id: format!("{}:a{}", article.id, i + 1),
                kind,
                source: att_source[i],
                source_span: a.source.map(chars),
                cue: a.cue.map(chars),
                content: a.content.map(chars),
                found_by: if a.by_rule {
                    FoundBy::Rule
                } else {
                    FoundBy::Model
                },
            }
        })
        .collect();

    let quotes: Vec<Quote> = doc
        .quotes
        .iter()
        .zip(&quote_att)
        .enumerate()
        .map(|(qi, (q, att))| Quote {
            id: format!("{}:q{}", article.id, qi + 1),
            span: chars(q.inner),
            words: count_words(q.inner.slice(text)),
            speaker: att.and_then(|a| att_source[a]),
            speaker_span: att.and_then(|a| spans[a].source).map(chars),
            cue: att.and_then(|a| spans[a].cue).map(chars),
            attribution: *att,
        })
        .collect();

    let mut sentences = Vec::with_capacity(doc.sentences.len());
    let mut claims = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let body = s.span.slice(text);
        let kind = match s.kind {
            ParagraphKind::Boilerplate => SentenceKind::Boilerplate,
            ParagraphKind::Heading => SentenceKind::Heading,
            ParagraphKind::Body if is_question(body) => SentenceKind::Question,
            ParagraphKind::Body => SentenceKind::Statement,
        };
        let words = if kind == SentenceKind::Boilerplate {
            0
        } else {
            count_words(body)
        };
        let hedge = if kind == SentenceKind::Boilerplate {
            None
        } else {
            find_hedge(text, s.span)
        };
        if kind == SentenceKind::Statement && words >= 4 {
            // The attribution whose content covers most of the sentence, or whose cue is in it.
            let best = spans
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let content = a.content.map_or(0, |c| c.overlap(s.span));
                    let cue = a.cue.is_some_and(|c| s.span.contains(c));
                    (i, content, cue)
                })
                .filter(|&(_, content, cue)| content * 3 >= s.span.len() || cue)
                .max_by_key(|&(i, content, _)| (content, std::cmp::Reverse(i)))
                .map(|(i, _, _)| i);
            let (ts, te) = doc.sentence_tokens[si];
            claims.push(Claim {
                id: format!("{}:c{}", article.id, claims.len() + 1),
                sentence: si,
                span: chars(s.span),
                attributed: best.is_some(),
                attribution: best,
                source: best.and_then(|b| att_source[b]),
                hedged: hedge.is_some(),
                checkworthy: is_checkworthy(text, &doc.tokens[ts..te]),
            });
        }
        sentences.push(Sentence {
            span: chars(s.span),
            kind,
            words,
            hedge: hedge.map(chars),
        });
    }
    let words = sentences.iter().map(|s| s.words).sum();

    let sources = resolver
        .sources
        .into_iter()
        .map(|s| Source {
            name: s.name,
            kind: s.kind,
            mentions: s.mentions.into_iter().map(chars).collect(),
        })
        .collect();

    Extraction {
        article_id: article.id.clone(),
        outlet: article.outlet.clone(),
        title: article.title.clone(),
        published: article.published.clone(),
        url: article.url.clone(),
        origin: article.origin.clone(),
        text: article.text.clone(),
        words,
        sentences,
        quotes,
        attributions,
        sources,
        claims,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grown(text: &str, source: &str, cue: &str) -> String {
        let doc = Doc::new(text);
        let at = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        complete_name(&doc, at(source), at(cue))
            .slice(text)
            .to_string()
    }

    #[test]
    fn sources_grow_over_cut_names_but_not_into_the_cue() {
        let text = "Officials met on Monday. Stephanie Egan said the talks went well.";
        assert_eq!(grown(text, "Stephanie", "said"), "Stephanie Egan");
        assert_eq!(grown(text, "Egan", "said"), "Stephanie Egan");
        let text = "Later the Supreme Court ruled that the law stands.";
        assert_eq!(grown(text, "Supreme Court", "ruled"), "the Supreme Court");
        let text = "Egan Told reporters nothing.";
        assert_eq!(grown(text, "Egan", "Told"), "Egan");
    }
}
