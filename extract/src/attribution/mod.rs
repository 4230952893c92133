//! Steps 2 and 3 of the pipeline: the tagger's attributions, tidied and
//! completed by rules ([`find`]), then each direct quote linked to the
//! attribution that credits it (`link_quotes`).
//!
//! Everything here is in byte spans ([`FoundAttribution`]); sources are not
//! resolved yet (see [`crate::sources`]).

mod coordination;
mod names;
mod source_rules;
mod speakers;

use crate::extraction::{AttributionKind, SourceType};
use crate::hedges::hedges_in;
use crate::lexicon::cues::is_cue_word;
use crate::lexicon::hedges::HEDGE_CUE_WORDS;
use crate::lexicon::places::{place, Place};
use crate::lexicon::pronouns::is_speaker;
use crate::sources::typing::{classify, Mention};
use crate::tagger::Tagger;
use crate::text::{ByteSpan, Doc, ParagraphKind, SpanIndex, TokenKind};
pub use coordination::split_coordinated;
use names::{complete_name, described_name_forward, is_name_token};
use source_rules::{
    according_to_source, passive_agent, repair_source, subject_before_parenthetical,
    subject_of_coordinated_predicate, trailing_source, unnamed_after, AUXILIARIES,
};
pub(crate) use speakers::link_quotes;
use speakers::{fallback_source, quote_rule};

/// An attribution as found in the text (byte spans), before its source is
/// resolved: the tagger's, tidied, or a speaker rule's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundAttribution {
    /// Who is credited.
    pub source: Option<ByteSpan>,
    /// The words that credit them ("said", "according to").
    pub cue: Option<ByteSpan>,
    /// What is credited to them.
    pub content: Option<ByteSpan>,
    /// Found by a rule rather than the tagger.
    pub by_rule: bool,
}

/// Every attribution in `doc`: the tagger's, completed by the quote rules.
pub fn find(doc: &Doc, tagger: &Tagger) -> Vec<FoundAttribution> {
    let mut atts: Vec<FoundAttribution> = tagger
        .attributions(doc)
        .into_iter()
        .filter_map(|a| {
            tidy(
                doc,
                FoundAttribution {
                    source: a.source,
                    cue: Some(a.cue),
                    content: a.content,
                    by_rule: false,
                },
            )
        })
        .collect();
    clause_to_sentence_end(doc, &mut atts);
    nest_contents(doc, &mut atts);
    let cue_starts: Vec<usize> = atts.iter().filter_map(|a| a.cue).map(|c| c.start).collect();
    for a in &mut atts {
        parenthetical_content(doc, a);
        colon_content(doc, a);
        trailing_cue_content(doc, a);
        according_to_content(doc, a);
        quote_continuation(doc, a, &cue_starts);
    }
    // The tagger's attributions by content, and apart, the rules' added
    // below (one per quote, in text order).
    let tagged = SpanIndex::new(
        atts.iter()
            .enumerate()
            .filter_map(|(i, a)| Some((a.content?, i))),
    );
    let mut added = SpanIndex::default();
    for q in &doc.quotes {
        let Some(rule) = quote_rule(doc, q.outer) else {
            continue;
        };
        let covering: Vec<usize> = tagged
            .near(q.inner)
            .chain(added.near(q.inner))
            .filter(|&i| {
                atts[i]
                    .content
                    .is_some_and(|c| c.overlap(q.inner) * 2 >= q.inner.len())
            })
            .collect();
        // The tagger read the same cue for this quote: that is the
        // attribution, not a second one beside it.
        let same_cue = covering.iter().any(|&i| {
            atts[i]
                .cue
                .zip(rule.cue)
                .is_some_and(|(a, b)| a.overlap(b) > 0)
        });
        if same_cue {
            continue;
        }
        let covering: Vec<&FoundAttribution> = covering.iter().map(|&i| &atts[i]).collect();
        // Keep the rule's reading when nothing covers the quote, or when its cue
        // lies inside the covering content (nested speech: "the call shows
        // Witkoff assuring Ushakov that … “…”").
        let nested = covering.iter().all(|a| {
            rule.cue
                .zip(a.content)
                .is_some_and(|(cue, c)| c.contains(cue))
        });
        if covering.is_empty() || nested {
            if let Some(content) = rule.content {
                added.push(content, atts.len());
            }
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

/// What a speech verb reports runs to the end of its sentence: "Graham said
/// the union expected production to improve at the mine when the broader
/// coal market recovered." The tagger sometimes ends such a content early, at
/// a word it has seen as a cue ("expected", "tended", "appeared"); in
/// PolNeAR's dev split, 82% of the contents that follow a speech verb end
/// where the sentence does. The content is extended to
/// the sentence's end (without its final stop) when it follows its cue at
/// once, the cue ends in a verb that takes a clause ([`CLAUSE_VERBS`]), and no other attribution's cue or source stands in the way
/// ("…, adding that …" keeps its own content; one nested inside is taken over
/// by [`nest_contents`] next). `atts` are in cue order.
/// Verbs whose object is a clause ("said the union expected …"), not a
/// noun phrase ("urged Republicans to …", "rejected that argument").
const CLAUSE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "added",
    "adding",
    "noted",
    "notes",
    "argued",
    "argues",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "explained",
    "stated",
    "wrote",
    "writes",
    "believes",
    "believe",
    "thinks",
    "think",
    "warned",
    "acknowledged",
    "contended",
    "suggested",
];

fn clause_to_sentence_end(doc: &Doc, atts: &mut [FoundAttribution]) {
    // Where every other cue and source starts.
    let mut sorted: Vec<usize> = atts
        .iter()
        .flat_map(|a| [a.cue, a.source])
        .flatten()
        .map(|s| s.start)
        .collect();
    sorted.sort_unstable();
    for a in atts.iter_mut() {
        let (Some((cs, ce)), Some((c0, c1))) = (
            a.cue.and_then(|c| doc.tokens_in(c)),
            a.content.and_then(|c| doc.tokens_in(c)),
        ) else {
            continue;
        };
        let sentence = doc.token_sentence[cs];
        let (_, se) = doc.sentence_tokens[sentence];
        if c0 < ce || c0 > ce + 1 || c1 >= se || doc.token_sentence[c1 - 1] != sentence {
            continue;
        }
        let verb = doc.token_text(ce - 1).to_lowercase();
        if !CLAUSE_VERBS.contains(&verb.as_str()) || doc.token_text(c0) == "as" {
            continue;
        }
        // The first other attribution starting past the content.
        let content_end = doc.tokens[c1 - 1].span.end;
        let next = sorted[sorted.partition_point(|&b| b < content_end)..]
            .first()
            .and_then(|&b| doc.tokens_in(ByteSpan::new(b, b + 1)))
            .map_or(se, |(t, _)| t);
        // A second predicate that the tagger did not read as a cue (",
        // saying …", ", citing …", "but noted …"), a relative clause on a
        // noun-phrase object (", which makes him …") or a semicolon: the
        // content ends there, and is not extended when the tagger's
        // already holds one.
        let stop = (c0..se.saturating_sub(1))
            .find(|&t| {
                let w = doc.token_text(t + 1);
                let lower = w.to_lowercase();
                let predicate = w.ends_with("ing") && w.starts_with(char::is_lowercase)
                    || is_cue_word(&lower)
                    || CLAUSE_VERBS.contains(&lower.as_str());
                let relative = doc.token_text(t) == "," && matches!(w, "which" | "who");
                (matches!(doc.token_text(t), "," | "but" | "and") && predicate)
                    || relative
                    || doc.token_text(t) == ";"
            })
            .unwrap_or(se);
        let mut end = se.min(next).min(stop);
        while end > c1
            && matches!(
                doc.token_text(end - 1),
                "." | "?" | "!" | "," | ";" | ":" | "—" | "-" | "--" | "and" | "but"
            )
        {
            end -= 1;
        }
        if end > c1 {
            a.content = Some(doc.token_span(c0, end));
        }
    }
}

/// A content holds the attributions nested in it. "The New York Post reports
/// that Hillary Clinton’s team avoided taking her to the emergency room …":
/// the tagger ends the Post's content at the inner cue ("avoided") or source,
/// as its features weigh a token past another cue as unlikely content; the
/// content runs on to the end of the inner attribution's content, as PolNeAR
/// annotates it and as a reader reads it ("he said he plans to use the $18
/// million he says he raised for …").
///
/// `atts` are the tagger's, in cue order. Inner attributions come later in
/// that order than the one that holds them, so walking backwards extends each
/// inner content before the outer one that takes it over (chains of three).
/// The inner attribution's source or cue must start inside the outer content
/// (or where it ends) and its content must lie after its cue, within the
/// outer cue's paragraph.
fn nest_contents(doc: &Doc, atts: &mut [FoundAttribution]) {
    let cue_start = |a: &FoundAttribution| a.cue.map_or(0, |c| c.start);
    debug_assert!(atts
        .windows(2)
        .all(|w| cue_start(&w[0]) <= cue_start(&w[1])));
    for i in (0..atts.len()).rev() {
        let (Some(cue), Some(content)) = (atts[i].cue, atts[i].content) else {
            continue;
        };
        if content.start < cue.end {
            continue;
        }
        let Some(para_end) = doc
            .tokens_in(cue)
            .map(|(cs, _)| doc.token_span(cs, doc.paragraph_tokens(cs).1).end)
        else {
            continue;
        };
        // Later cues that start inside the content, or just past its end.
        let first = i + 1 + atts[i + 1..].partition_point(|b| cue_start(b) < content.start);
        let mut end = content.end;
        for b in &atts[first..] {
            let (Some(b_cue), Some(b_content)) = (b.cue, b.content) else {
                continue;
            };
            let b_start = b.source.map_or(b_cue.start, |s| s.start.min(b_cue.start));
            if b_cue.start > content.end + 1 {
                break;
            }
            let inside = b_start >= content.start && b_start <= content.end;
            // "Ushakov acknowledged speaking with Witkoff “quite often” but
            // refused to discuss …": a second predicate of the outer
            // subject, not an attribution nested in its content.
            let coordinated = doc.tokens_in(b_cue).is_some_and(|(bs, _)| {
                bs > 0 && matches!(doc.token_text(bs - 1), "and" | "but" | "or" | ",")
            });
            if inside
                && !coordinated
                && b_content.start >= b_cue.end
                && b_content.end > end
                && b_content.end <= para_end
            {
                end = b_content.end;
            }
        }
        atts[i].content = Some(ByteSpan::new(content.start, end));
    }
}

/// A cue set off by commas inside its content: "Lenox was a juggernaut, Mr.
/// Clarke said, until it went bankrupt in 1999". When the tagger took only
/// the words after the cue, the content starts where the sentence does (the
/// span covers the source and cue between, as PolNeAR's discontinuous
/// contents do). The source must follow a comma (or ", as": "Hawaii, as one
/// of Mr. Obama's climate advisers pointed out, normally does not …") and
/// stand just before the cue, and the content must start at the comma that
/// closes the cue's clause.
fn parenthetical_content(doc: &Doc, a: &mut FoundAttribution) {
    let (Some(source), Some(cue), Some(content)) = (a.source, a.cue, a.content) else {
        return;
    };
    let (Some((s0, s1)), Some((cs, ce)), Some((c0, c1))) = (
        doc.tokens_in(source),
        doc.tokens_in(cue),
        doc.tokens_in(content),
    ) else {
        return;
    };
    let (sentence_start, _) = doc.sentence_tokens[doc.token_sentence[cs]];
    let comma = |t: usize| doc.token_text(t) == ",";
    // ", Mr. Clarke said," or ", as one of … pointed out,"
    let opens = s0 >= sentence_start + 2
        && (comma(s0 - 1) || (doc.token_text(s0 - 1) == "as" && comma(s0 - 2)));
    let closes = c0 >= ce && c0 <= ce + 4 && (ce..=c0).any(comma);
    if !(opens
        && closes
        && s1 <= cs
        && cs - s1 <= 2
        && doc.token_sentence[c0] == doc.token_sentence[cs])
    {
        return;
    }
    // After the comma, a quotation is the content by itself ("Asked about
    // it, Mr. de Blasio said, “Not going to go into that.”").
    let first_word = if comma(c0) { c0 + 1 } else { c0 };
    if first_word >= c1 || doc.tokens[first_word].kind == TokenKind::Quote {
        return;
    }
    a.content = Some(doc.token_span(clause_start(doc, sentence_start, c1), c1));
}

/// A quotation goes on past its cue: "“This is a disgusting day,” said Rep.
/// G.K. Butterfield. “Donald Trump is a disgusting fraud. …”". When the
/// sentence after the cue's opens with a quotation in the same paragraph,
/// that quotation is the same speaker's and the content runs to its end (in
/// PolNeAR's dev split, 163 of 187 such contents do); so does a quotation
/// split by its cue inside one sentence when the tagger did not join the
/// parts. The content must open with a quotation that ends before the cue,
/// and no cue stand between the next quotation's start and the end of its
/// last sentence ("“B,” she replied").
/// `cue_starts` are where the cues start, in order.
fn quote_continuation(doc: &Doc, a: &mut FoundAttribution, cue_starts: &[usize]) {
    let (Some((cs, ce)), Some(content)) = (a.cue.and_then(|c| doc.tokens_in(c)), a.content) else {
        return;
    };
    let Some((c0, c1)) = doc.tokens_in(content) else {
        return;
    };
    let sentence = doc.token_sentence[cs];
    let (_, se) = doc.sentence_tokens[sentence];
    let opens_quoted = doc.tokens[c0].kind == TokenKind::Quote && doc.token_in_quote[c0];
    if c1 > cs || !opens_quoted {
        return;
    }
    // The rest of the quotation: in the cue's sentence ("“Now that I don’t
    // have to be politically correct anymore,” he told the host, “it was
    // demoralizing …”"), else opening the next sentence of the paragraph.
    let same_sentence = (ce..se).find(|&t| doc.token_in_quote[t]);
    let first = match same_sentence {
        // It goes on in lower case, with no cue before it ("…,” he said,
        // arguing that he will bring a “common-sense” …" is another's).
        Some(t) => {
            let lower = doc
                .tokens
                .get(t + 1)
                .is_some_and(|w| w.span.slice(doc.text).starts_with(char::is_lowercase));
            let from = doc.tokens[ce - 1].span.end;
            let c = cue_starts.partition_point(|&c| c < from);
            if !lower
                || cue_starts
                    .get(c)
                    .is_some_and(|&c| c < doc.tokens[t].span.start)
            {
                return;
            }
            t
        }
        None => {
            let next = sentence + 1;
            if next >= doc.sentences.len()
                || doc.sentence_paragraph[next] != doc.sentence_paragraph[sentence]
            {
                return;
            }
            doc.sentence_tokens[next].0
        }
    };
    if doc.tokens[first].kind != TokenKind::Quote || !doc.token_in_quote[first] {
        return;
    }
    let start = doc.tokens[first].span.start;
    let q = doc.quotes.partition_point(|q| q.outer.start < start);
    let Some(quote) = doc
        .quotes
        .get(q)
        .filter(|q| q.outer.start == start && !q.unclosed)
    else {
        return;
    };
    // No cue from the quotation's start to the end of its last sentence.
    let Some((_, last)) = doc.tokens_in(quote.outer) else {
        return;
    };
    let until = doc.sentences[doc.token_sentence[last - 1]].end;
    let c = cue_starts.partition_point(|&c| c < start);
    if cue_starts.get(c).is_some_and(|&c| c < until) {
        return;
    }
    a.content = Some(content.cover(quote.outer));
}

/// The cue's token range of an attribution the tagger found no content for.
fn cue_without_content(doc: &Doc, a: &FoundAttribution) -> Option<(usize, usize)> {
    a.content
        .is_none()
        .then_some(a.cue?)
        .and_then(|c| doc.tokens_in(c))
}

/// A cue that closes its sentence credits what comes before it: "Its first
/// national television ad could start this week, the group said." When the
/// tagger found no content, the content is the sentence up to the comma
/// before the source ("…, the group said") or before the cue ("…, said the
/// group").
fn trailing_cue_content(doc: &Doc, a: &mut FoundAttribution) {
    let Some((cs, _)) = cue_without_content(doc, a) else {
        return;
    };
    let (sentence_start, _) = doc.sentence_tokens[doc.token_sentence[cs]];
    // The clause's first token: the source's when it stands before the cue.
    let opener = match a.source.and_then(|s| doc.tokens_in(s)) {
        Some((s0, s1)) if s1 <= cs => s0,
        _ => cs,
    };
    if opener < sentence_start + 2 || doc.token_text(opener - 1) != "," {
        return;
    }
    let start = clause_start(doc, sentence_start, opener - 1);
    a.content = Some(doc.token_span(start, opener - 1));
}

/// "According to Mariano, after examining Clinton’s leg, she insisted …":
/// when the tagger found no content for an "according to" that opens its
/// sentence, the content is the rest of the sentence after the comma that
/// closes the source.
fn according_to_content(doc: &Doc, a: &mut FoundAttribution) {
    let (Some((cs, ce)), Some((_, s1))) = (
        cue_without_content(doc, a),
        a.source.and_then(|s| doc.tokens_in(s)),
    ) else {
        return;
    };
    if !doc.token_text(cs).eq_ignore_ascii_case("according") {
        return;
    }
    let (_, se) = doc.sentence_tokens[doc.token_sentence[cs]];
    if s1 < ce || s1 + 1 >= se || doc.token_text(s1) != "," {
        return;
    }
    let mut end = se;
    while end > s1 + 2 && matches!(doc.token_text(end - 1), "." | "?" | "!") {
        end -= 1;
    }
    a.content = Some(doc.token_span(s1 + 1, end));
}

/// The first token of a sentence's clause past a connective that opens it
/// ("But", "However,", "For instance,", "In addition,"): that links the
/// sentence to the one before and is not what anyone said. Never past `end`.
fn clause_start(doc: &Doc, start: usize, end: usize) -> usize {
    let word = |t: usize| if t < end { doc.token_text(t) } else { "" };
    let skip = match (word(start), word(start + 1), word(start + 2)) {
        ("But" | "And" | "So" | "Yet", ",", _) => 2,
        ("But" | "And" | "So" | "Yet", _, _) => 1,
        ("However" | "Meanwhile" | "Moreover" | "Still" | "Instead" | "Indeed", ",", _) => 2,
        ("For", "instance" | "example", ",") | ("In", "addition" | "fact", ",") => 3,
        _ => 0,
    };
    if start + skip < end {
        start + skip
    } else {
        start
    }
}

/// A cue that ends its paragraph with a colon introduces the next one
/// ("Caddell continued:" above a block of his words): the tagger looks only
/// inside the cue's paragraph, so it found no content; the content is the
/// next paragraph when that is body text.
fn colon_content(doc: &Doc, a: &mut FoundAttribution) {
    let Some((_, ce)) = cue_without_content(doc, a) else {
        return;
    };
    let (_, para_end) = doc.paragraph_tokens(ce - 1);
    let colon = |t: usize| doc.token_text(t) == ":";
    let ends_with_colon = (ce == para_end && colon(ce - 1)) || (ce + 1 == para_end && colon(ce));
    if !ends_with_colon || para_end >= doc.tokens.len() {
        return;
    }
    if doc.paragraph_kind(doc.token_sentence[para_end]) != ParagraphKind::Body {
        return;
    }
    let (next_start, next_end) = doc.paragraph_tokens(para_end);
    a.content = Some(doc.token_span(next_start, next_end));
}

/// credence's semantics on top of the tagger's: a hedge is never a cue.
///
/// PolNeAR annotates "reportedly", "is said to", "is expected" and "appears"
/// as cues with the sentence's subject as their source, and the tagger learned
/// that (`credence eval` scores [`find`], which keeps PolNeAR's convention).
/// For credence such a sentence is hedged and unsourced: "Witkoff is said to
/// have outlined" does not credit anything to Witkoff. An attribution goes
/// when its cue holds nothing but hedge words, auxiliaries and adverbs such
/// as "also" ("also appeared to coach"); "reportedly
/// told aides" keeps its cue ("told").
pub fn drop_hedges(doc: &Doc, atts: &mut Vec<FoundAttribution>) {
    atts.retain(|a| !is_hedge_cue(doc, a));
}

fn is_hedge_cue(doc: &Doc, a: &FoundAttribution) -> bool {
    let Some((cs, ce)) = a.cue.and_then(|c| doc.tokens_in(c)) else {
        return false;
    };
    let wordy = |t: usize| doc.token_text(t).chars().any(char::is_alphanumeric);
    if !(cs..ce).any(wordy) {
        return false; // ":" or "—"
    }
    let sentence = doc.sentences[doc.token_sentence[cs]];
    let hedges: Vec<ByteSpan> = hedges_in(doc.text, sentence).map(|(h, _)| h).collect();
    let mut rest = (cs..ce).filter(|&t| {
        let span = doc.tokens[t].span;
        let word = doc.token_text(t).to_lowercase();
        !hedges.iter().any(|h| h.overlap(span) > 0)
            && !HEDGE_CUE_WORDS.contains(&word.as_str())
            && !matches!(
                word.as_str(),
                "is" | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "being"
                    | "has"
                    | "have"
                    | "had"
                    | "it"
                    | "to"
                    // "also appeared to coach": an adverb beside the hedge
                    // does not make it speech.
                    | "also"
                    | "still"
                    | "now"
                    | "even"
                    | "again"
                    | "already"
                    | "further"
                    | "only"
            )
            && wordy(t)
    });
    rest.next().is_none()
}

/// Clean what the tagger proposed: a cue must hold a lowercase word or be
/// punctuation (capitalised-only "cues" such as "EB-5" are names the tagger
/// mistook); capitalised words at the start of a cue belong to the source
/// before it; a source must hold a letter and a capital or a pronoun.
fn tidy(doc: &Doc, mut a: FoundAttribution) -> Option<FoundAttribution> {
    let cue = a.cue?;
    let (mut cs, ce) = doc.tokens_in(cue)?;
    // Headings are not speech ("A Determined Push for a Deal").
    if doc.paragraph_kind(doc.token_sentence[cs]) != ParagraphKind::Body {
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
    // "…, according to a high-ranking law enforcement official": the source
    // is what follows "according to", never the content's subject.
    // "…, the official said.": the phrase between the comma and the cue.
    let by_rule = according_to_source(doc, cs, ce).or_else(|| {
        trailing_source(doc, cs, ce).filter(|np| a.source.is_none_or(|s| s.end <= np.start))
    });
    if by_rule.is_some() {
        a.source = by_rule;
    }
    if let Some(src) = a.source.filter(|_| by_rule.is_none()) {
        let t = src.slice(doc.text);
        let letters = t.chars().any(char::is_alphabetic);
        let named = t.chars().any(char::is_uppercase)
            || t.split_whitespace()
                .any(|w| is_speaker(w) || matches!(w.to_lowercase().as_str(), "who" | "which"));
        // A typed phrase, or a definite description ("the official").
        let anonymous = matches!(
            classify(t),
            Mention::Named {
                kind: SourceType::Anonymous
                    | SourceType::Document
                    | SourceType::Outlet
                    | SourceType::Organization,
                ..
            } | Mention::Role(_)
        );
        if !letters || (!named && !anonymous) {
            a.source = None;
        }
    }
    // "The Twitter messages were first reported by The Atlantic": the agent
    // of a passive cue is its source, not the subject the tagger took.
    if let Some(agent) = passive_agent(doc, cs, ce) {
        a.source = Some(agent);
    }
    // "Most of the families are from …, and say": the sentence's subject,
    // not what the tagger took from the first predicate.
    if let Some((subject, verb)) = subject_of_coordinated_predicate(doc, cs) {
        if a.source
            .is_none_or(|s| s.start >= doc.tokens[verb].span.start)
        {
            a.source = Some(subject);
        }
    }
    if a.source.is_none() {
        a.source = subject_before_parenthetical(doc, cs).map(|(subject, _)| subject);
    }
    if a.source.is_none() {
        a.source = a.cue.and_then(|c| fallback_source(doc, c));
    }
    // A speaker is never inside the words quoted ("“… Attorney General Barr
    // will determine the next steps,” said the president’s personal
    // attorneys Rudy Giuliani and Jay Sekulow"): the name after the cue.
    if let Some(src) = a.source {
        let cue_span = doc.token_span(cs, ce);
        // Quotes are disjoint and in text order: one binary search.
        let q = doc.quotes.partition_point(|q| q.inner.end <= src.start);
        if doc
            .quotes
            .get(q)
            .is_some_and(|q| q.inner.contains(src) && !q.outer.contains(cue_span))
        {
            // A first-person pronoun ("I", "we") stands for the speaker,
            // whom resolution finds; a name is someone else.
            let (_, se) = doc.sentence_tokens[doc.token_sentence[cs]];
            let first_person = matches!(
                src.slice(doc.text).to_lowercase().as_str(),
                "i" | "we" | "me" | "us"
            );
            a.source = described_name_forward(doc, ce, se)
                .or_else(|| unnamed_after(doc, ce, se))
                .or_else(|| first_person.then_some(src));
        }
    }
    a.source = a
        .source
        .map(|s| complete_name(doc, repair_source(doc, s, cs), cue));
    // A place stands for its government only as the subject of the cue or
    // its object ("Moscow said", "according to Moscow"); elsewhere ("the
    // Obama administration blamed Moscow while continuing to insist", "oil
    // sands in Canada") the tagger took a word of the content.
    if let Some(src) = a.source {
        let name = src
            .slice(doc.text)
            .trim_start_matches("the ")
            .trim_start_matches("The ");
        if place(name) == Some(Place::Government) {
            // Between subject and cue: punctuation, auxiliaries and adverbs
            // ("Russia also implicitly critiqued").
            let adjacent = doc.tokens_in(src).is_some_and(|(s, e)| {
                s == ce
                    || (e <= cs
                        && cs - e <= 3
                        && (e..cs).all(|t| {
                            let w = doc.token_text(t);
                            doc.tokens[t].kind == TokenKind::Punct
                                || AUXILIARIES.contains(&w)
                                || w.ends_with("ly")
                                || matches!(w, "also" | "again" | "now" | "still" | "then")
                        }))
            });
            if !adjacent {
                a.source = None;
            }
        }
    }
    Some(a)
}

/// What kind of attribution `a` is: "according to", or by how much of its
/// content lies inside quote marks.
pub fn kind(doc: &Doc, a: &FoundAttribution) -> AttributionKind {
    let cue_text = a
        .cue
        .map(|c| c.slice(doc.text).to_lowercase())
        .unwrap_or_default();
    if cue_text.starts_with("according") {
        return AttributionKind::AccordingTo;
    }
    let Some(content) = a.content else {
        return AttributionKind::Indirect;
    };
    // Quotes are disjoint and in text order: those overlapping the content
    // are a run found by binary search.
    let first = doc.quotes.partition_point(|q| q.outer.end <= content.start);
    let quoted: usize = doc.quotes[first..]
        .iter()
        .take_while(|q| q.outer.start < content.end)
        .map(|q| q.outer.overlap(content))
        .sum();
    if quoted * 10 >= content.len() * 8 {
        AttributionKind::DirectQuote
    } else if quoted > 0 {
        AttributionKind::Mixed
    } else {
        AttributionKind::Indirect
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (source, cue) of every attribution `find` + `drop_hedges` give.
    fn found(text: &str) -> Vec<(Option<&str>, Option<&str>)> {
        let doc = Doc::new(text);
        let mut atts = find(&doc, Tagger::embedded());
        drop_hedges(&doc, &mut atts);
        atts.iter()
            .map(|a| {
                (
                    a.source.map(|s| s.slice(text)),
                    a.cue.map(|s| s.slice(text)),
                )
            })
            .collect()
    }

    /// The content of the attribution whose cue is `cue`.
    fn content_of<'t>(text: &'t str, cue: &str) -> Option<&'t str> {
        let doc = Doc::new(text);
        let atts = find(&doc, Tagger::embedded());
        let a = atts
            .iter()
            .find(|a| a.cue.is_some_and(|c| c.slice(text) == cue))
            .unwrap_or_else(|| panic!("no cue {cue:?} in {atts:?}"));
        a.content.map(|c| c.slice(text))
    }

    #[test]
    fn a_content_holds_the_attribution_nested_in_it() {
        let text = "The New York Post reports that Hillary Clinton’s team avoided taking her to \
                    the emergency room following her medical scare on Sunday.";
        assert_eq!(
            content_of(text, "reports"),
            Some(
                "that Hillary Clinton’s team avoided taking her to the emergency room \
                 following her medical scare on Sunday"
            )
        );
    }

    #[test]
    fn a_reported_clause_runs_to_the_end_of_its_sentence() {
        let text = "Graham said the union expected production to improve at the mine when the \
                    broader coal market recovered.";
        assert_eq!(
            content_of(text, "said"),
            Some(
                "the union expected production to improve at the mine when the broader coal \
                 market recovered"
            )
        );
        // A second predicate keeps its own content.
        let text = "Smith said the plan was dead, adding that nothing would change.";
        assert_eq!(content_of(text, "said"), Some("the plan was dead"));
    }

    #[test]
    fn a_cue_set_off_by_commas_sits_inside_its_content() {
        let text = "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.";
        assert_eq!(
            content_of(text, "said"),
            Some("Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999")
        );
    }

    #[test]
    fn a_cue_that_closes_its_sentence_credits_what_comes_before() {
        let text = "In addition, its first national television ad could start this week, said \
                    Brian Baker, a longtime political adviser to the Ricketts family who oversees \
                    the super PAC's last-minute campaign to stop Clinton.";
        assert_eq!(
            content_of(text, "said"),
            Some("its first national television ad could start this week")
        );
        let text = "According to Mariano, after examining Clinton’s leg, she insisted that the \
                    first lady go to Bethesda Naval Hospital for an ultrasound.";
        assert_eq!(
            content_of(text, "According to"),
            Some(
                "after examining Clinton’s leg, she insisted that the first lady go to \
                 Bethesda Naval Hospital for an ultrasound"
            )
        );
    }

    #[test]
    fn a_colon_at_the_end_of_a_paragraph_introduces_the_next() {
        let text = "Caddell continued:\n\nThe health issue overall is very much a partisan issue.";
        assert_eq!(
            content_of(text, "continued"),
            Some("The health issue overall is very much a partisan issue.")
        );
    }

    #[test]
    fn a_quotation_goes_on_past_its_cue() {
        let text = "“This is a disgusting day,” said Rep. G.K. Butterfield, head of the caucus. \
                    “Donald Trump is a disgusting fraud.”";
        assert_eq!(
            content_of(text, "said"),
            Some(
                "“This is a disgusting day,” said Rep. G.K. Butterfield, head of the caucus. \
                 “Donald Trump is a disgusting fraud.”"
            )
        );
        let text = "“Now that I don’t have to be politically correct anymore,” he told the host, \
                    “it was demoralizing to work for Obama.”";
        assert_eq!(content_of(text, "told"), Some(text));
        // Not when the next quotation has a cue of its own.
        let text = "“This is a disgusting day,” said Rep. G.K. Butterfield. “It is not,” \
                    Smith replied.";
        assert_eq!(
            content_of(text, "said"),
            Some("“This is a disgusting day,”")
        );
    }

    #[test]
    fn a_hedge_is_never_a_cue() {
        for text in [
            "Witkoff is said to have outlined a strategy for engaging Trump.",
            "Trump appears committed to the plan.",
            "Saudi Arabia reportedly is now considering a new approach.",
            "Witkoff also appeared to coach the Kremlin on how to approach negotiations.",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
        // A speech verb beside the hedge keeps the attribution.
        let told = found("Trump reportedly told aides that the plan was dead.");
        assert!(
            told.iter()
                .any(|(_, cue)| cue.is_some_and(|c| c.contains("told"))),
            "{told:?}"
        );
    }

    #[test]
    fn a_capitalised_cue_word_inside_a_name_is_no_cue() {
        let text = "Sen. Lindsey Graham, R-S.C., said the United States should \
                    “sanction the hell out of Saudi Arabia.”";
        let doc = Doc::new(text);
        let atts = find(&doc, Tagger::embedded());
        let cues: Vec<&str> = atts
            .iter()
            .filter_map(|a| a.cue)
            .map(|c| c.slice(text))
            .collect();
        assert!(!cues.contains(&"States"), "{cues:?}");
    }

    #[test]
    fn a_quote_block_is_credited_to_its_byline() {
        let text = "“The ruling overturned the conviction.” AP News\n\n\
                    “Louisiana voters had good reason to worry.\n\n\
                    “So too should people of any persuasion celebrate.”\n\n\
                    Marcus Maldonado, Washington Examiner\n";
        let doc = Doc::new(text);
        let mut atts = find(&doc, Tagger::embedded());
        let links = link_quotes(&doc, &mut atts);
        let speakers: Vec<Option<&str>> = links
            .iter()
            .map(|l| l.and_then(|a| atts[a].source).map(|s| s.slice(text)))
            .collect();
        assert_eq!(
            speakers,
            [
                Some("AP News"),
                Some("Marcus Maldonado"),
                Some("Marcus Maldonado")
            ]
        );
    }

    #[test]
    fn the_source_of_according_to_and_of_a_trailing_cue_is_the_phrase_there() {
        let text = "He spent three months in jail, according to a high-ranking law enforcement \
                    official with knowledge of the investigation. He also spent a day in jail \
                    for violating a restraining order, the official said.";
        let sources: Vec<&str> = found(text).iter().filter_map(|a| a.0).collect();
        assert_eq!(
            sources,
            [
                "a high-ranking law enforcement official with knowledge of the investigation",
                "the official"
            ]
        );
    }

    #[test]
    fn a_source_misplaced_or_cut_before_its_cue_is_repaired() {
        for (text, cue, source) in [
            (
                "Mr. O’Rourke, asked if he supported impeaching Mr. Trump, said he believed \
                 the president had sought to collude with the Russians.",
                "said",
                "Mr. O’Rourke",
            ),
            (
                "Indiana Gov. Mike Pence, who also hasn’t ruled out a potential White House \
                 bid, said he doesn’t support legalization, either.",
                "said",
                "Indiana Gov. Mike Pence",
            ),
            (
                "The White House asked Bill Clinton to talk to Rep. Joe Sestak about a post if \
                 he would drop out of the race against Sen. Arlen Specter, the Obama \
                 administration said in a report released Friday morning.",
                "said",
                "the Obama administration",
            ),
            (
                "The outgoing Republican governor, who’s considering a 2016 presidential bid, \
                 has said in recent weeks that he favors lowering the penalties.",
                "has said",
                "The outgoing Republican governor",
            ),
            (
                "“What we object to is the inclusion of civilian firearms,” Tom Mason, the \
                 NRA’s executive secretary who has also provided the group with legal \
                 representation at the U.N. for nearly two decades, said in the Washington Post.",
                "said",
                "Tom Mason",
            ),
            (
                "Stephen Colbert, on a recent episode of his Comedy Central program, said a \
                 Romney-Portman ticket would be dull.",
                "said",
                "Stephen Colbert",
            ),
            (
                "Audra Makuch, assistant to the regional director for the United Food and \
                 Commercial Workers union, said her organization has received phone calls.",
                "said",
                "Audra Makuch",
            ),
            (
                "Top Republicans, including Sen. Ted Cruz, R-Texas, sought a federal \
                 investigation of the episode.",
                "sought",
                "Sen. Ted Cruz",
            ),
            (
                "Comments by Republican senators on Thursday suggested that they were \
                 feeling the heat.",
                "suggested",
                "Republican senators",
            ),
        ] {
            let found = found(text);
            assert!(
                found.contains(&(Some(source), Some(cue))),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_statement_of_several_named_sources_credits_each() {
        let sources = |text: &str| -> Vec<String> {
            let doc = Doc::new(text);
            let mut atts = find(&doc, Tagger::embedded());
            drop_hedges(&doc, &mut atts);
            split_coordinated(&doc, &mut atts);
            atts.iter()
                .filter_map(|a| a.source)
                .map(|s| s.slice(text).to_string())
                .collect()
        };
        let text = "Ted Cruz and John Kasich campaigned in Indiana. Cruz and Kasich announced \
                    on Sunday that they would split the remaining states.";
        let found = sources(text);
        assert!(found.contains(&"Cruz".to_string()), "{found:?}");
        assert!(found.contains(&"Kasich".to_string()), "{found:?}");
        let text = "House Speaker Nancy Pelosi (D-Calif.) and Senate Minority Leader Chuck \
                    Schumer (D-N.Y.) said in a joint statement that the report must be released.";
        let found = sources(text);
        assert_eq!(found.len(), 2, "{found:?}");
        // One body whose name holds an "and"; a shared surname.
        for text in [
            "The U.S. Department of Housing and Urban Development reported Friday that \
             homelessness fell.",
            "Bill and Chelsea Clinton said they were proud of the campaign.",
        ] {
            let found = sources(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
        }
    }

    #[test]
    fn agents_cited_sources_and_speakers_outside_the_quote() {
        let sources = |text: &str| -> Vec<String> {
            found(text)
                .iter()
                .filter_map(|a| a.0)
                .map(str::to_string)
                .collect()
        };
        let text = "The Twitter messages were first reported by The Atlantic, which published \
                    copies of the correspondence.";
        assert!(
            sources(text).contains(&"The Atlantic".to_string()),
            "{:?}",
            sources(text)
        );
        let text = "On July 26, citing sources with knowledge, CNN was first to report that \
                    Cohen was willing to talk.";
        assert!(
            sources(text).contains(&"sources with knowledge".to_string()),
            "{:?}",
            sources(text)
        );
        // "citing" a reason names no source.
        let text = "Biden will not be in attendance, citing family reasons.";
        assert!(!sources(text).contains(&"family reasons".to_string()));
        let text = "“Attorney General Barr will determine the appropriate next steps,” said the \
                    president’s personal attorneys Rudy Giuliani and Jay Sekulow in a joint \
                    statement.";
        let found = sources(text);
        assert!(found.iter().all(|s| !s.contains("Barr")), "{found:?}");
        assert!(
            found.iter().any(|s| s.contains("Rudy Giuliani")),
            "{found:?}"
        );
    }
}
