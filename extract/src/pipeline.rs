//! [`extract_article`]: one [`Article`] in, one [`Extraction`] out, as a
//! sequence of named steps. Each step reads the [`Doc`] and what the steps
//! before it found; everything is in byte spans until `assemble` converts
//! to the character offsets of the output model.

use crate::attribution::{self, FoundAttribution};
use crate::claims;
use crate::corpus::Article;
use crate::extraction::{
    Attribution, Claim, Extraction, FoundBy, Quote, Sentence, SentenceKind, Source,
};
use crate::hedges::find_hedge;
use crate::sources::{resolve_sources, Sources};
use crate::tagger::Tagger;
use crate::text::{count_words, ByteSpan, CharIndex, CharSpan, Doc, SpanIndex};

/// Extract everything from one article with `tagger`.
pub fn extract_article(article: &Article, tagger: &Tagger) -> Extraction {
    // 1. Paragraphs (chrome marked), sentences, tokens, quotes.
    let doc = Doc::new(&article.text);
    // 2–3. The tagger's attributions, tidied and completed by speaker rules,
    // without hedges posing as cues ("is said to"); then each quote linked to the attribution that credits it (which may
    // add one for a quote paragraph continuing the previous speaker).
    let mut found = attribution::find(&doc, tagger);
    attribution::drop_hedges(&doc, &mut found);
    attribution::split_coordinated(&doc, &mut found);
    let quote_links = attribution::link_quotes(&doc, &mut found);
    // 4. Sources: typed, resolved to one canonical name each.
    let sources = resolve_sources(&doc, &mut found);
    // 5. Sentence kinds and hedges; the claims among the sentences.
    let marked = mark_sentences(&doc, &found);
    assemble(article, &doc, &found, &quote_links, sources, marked)
}

/// One sentence's facts, in byte spans.
struct Marked {
    kind: SentenceKind,
    words: usize,
    hedge: Option<ByteSpan>,
    /// A statement of four or more words.
    claim: bool,
    /// For a claim, the attribution that credits it.
    credited_by: Option<usize>,
}

/// Step 5: each sentence's kind, words and hedge, and whether it is a claim
/// and which attribution credits it.
fn mark_sentences(doc: &Doc, found: &[FoundAttribution]) -> Vec<Marked> {
    let extents = SpanIndex::new(
        found
            .iter()
            .enumerate()
            .filter_map(|(i, a)| Some((claims::extent(a)?, i))),
    );
    (0..doc.sentences.len())
        .map(|si| {
            let span = doc.sentences[si];
            let kind = claims::sentence_kind(doc, si);
            let chrome = kind == SentenceKind::Boilerplate;
            let words = if chrome {
                0
            } else {
                count_words(span.slice(doc.text))
            };
            let hedge = if chrome {
                None
            } else {
                find_hedge(doc.text, span)
            };
            let claim = claims::is_claim(kind, words);
            Marked {
                kind,
                words,
                hedge,
                claim,
                credited_by: claim
                    .then(|| claims::crediting(found, &extents, span))
                    .flatten(),
            }
        })
        .collect()
}

/// The output model: every item with its id, in character offsets.
fn assemble(
    article: &Article,
    doc: &Doc,
    found: &[FoundAttribution],
    quote_links: &[Option<usize>],
    sources: Sources,
    marked: Vec<Marked>,
) -> Extraction {
    let index = CharIndex::new(doc.text);
    let chars = |s: ByteSpan| -> CharSpan { index.span_to_chars(s) };
    let id = &article.id;
    let source_of = &sources.of_attribution;
    let attributions = attributions(id, doc, found, source_of, &chars);
    let quotes = quotes(id, doc, found, quote_links, source_of, &chars);
    let mut claims = claims(id, doc, &marked, source_of, &chars);
    // Claims are pushed one by one: without this, a corpus's extractions
    // (all held until the tables are written) carry a quarter unused.
    claims.shrink_to_fit();
    let sentences: Vec<Sentence> = marked
        .into_iter()
        .zip(&doc.sentences)
        .map(|(m, &span)| Sentence {
            span: chars(span),
            kind: m.kind,
            words: m.words,
            hedge: m.hedge.map(chars),
        })
        .collect();
    let sources = sources
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
        words: sentences.iter().map(|s| s.words).sum(),
        sentences,
        quotes,
        attributions,
        sources,
        claims,
        metadata: article.metadata.clone(),
    }
}

/// `<id>:a<n>` for every found attribution, in order.
fn attributions(
    id: &str,
    doc: &Doc,
    found: &[FoundAttribution],
    source_of: &[Option<usize>],
    chars: &impl Fn(ByteSpan) -> CharSpan,
) -> Vec<Attribution> {
    found
        .iter()
        .enumerate()
        .map(|(i, a)| Attribution {
            id: format!("{id}:a{}", i + 1),
            kind: attribution::kind(doc, a),
            source: source_of[i],
            source_span: a.source.map(chars),
            cue: a.cue.map(chars),
            content: a.content.map(chars),
            found_by: if a.by_rule {
                FoundBy::Rule
            } else {
                FoundBy::Model
            },
        })
        .collect()
}

/// `<id>:q<n>` for every quote of `doc`, with the speaker of its linked attribution.
fn quotes(
    id: &str,
    doc: &Doc,
    found: &[FoundAttribution],
    quote_links: &[Option<usize>],
    source_of: &[Option<usize>],
    chars: &impl Fn(ByteSpan) -> CharSpan,
) -> Vec<Quote> {
    doc.quotes
        .iter()
        .zip(quote_links)
        .enumerate()
        .map(|(qi, (q, &link))| Quote {
            id: format!("{id}:q{}", qi + 1),
            span: chars(q.inner),
            words: count_words(q.inner.slice(doc.text)),
            speaker: link.and_then(|a| source_of[a]),
            speaker_span: link.and_then(|a| found[a].source).map(chars),
            cue: link.and_then(|a| found[a].cue).map(chars),
            attribution: link,
        })
        .collect()
}

/// `<id>:c<n>` for every sentence marked a claim.
fn claims(
    id: &str,
    doc: &Doc,
    marked: &[Marked],
    source_of: &[Option<usize>],
    chars: &impl Fn(ByteSpan) -> CharSpan,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for (si, m) in marked.iter().enumerate().filter(|(_, m)| m.claim) {
        let (ts, te) = doc.sentence_tokens[si];
        claims.push(Claim {
            id: format!("{id}:c{}", claims.len() + 1),
            sentence: si,
            span: chars(doc.sentences[si]),
            attributed: m.credited_by.is_some(),
            attribution: m.credited_by,
            source: m.credited_by.and_then(|b| source_of[b]),
            hedged: m.hedge.is_some(),
            checkworthy: claims::is_checkworthy(doc.text, &doc.tokens[ts..te])
                && !claims::is_formula(doc.sentences[si].slice(doc.text)),
        });
    }
    claims
}
