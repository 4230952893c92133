//! Steps 2 and 3 of the pipeline: the tagger's attributions, tidied and
//! completed by rules ([`find`]), then each direct quote linked to the
//! attribution that credits it (`link_quotes`).
//!
//! Everything here is in byte spans ([`FoundAttribution`]); sources are not
//! resolved yet (see [`crate::sources`]).

mod names;
mod speakers;

use crate::extraction::{AttributionKind, SourceType};
use crate::hedges::hedges_in;
use crate::lexicon::dates::CARDINALS;
use crate::lexicon::given_names::is_given_name;
use crate::lexicon::hedges::HEDGE_CUE_WORDS;
use crate::lexicon::names::is_function_word;
use crate::lexicon::names::{ROLE_WORDS, TITLES};
use crate::lexicon::places::{is_place, place, Place};
use crate::lexicon::pronouns::is_speaker;
use crate::lexicon::sources::{ANONYMOUS_NOUNS, INDEFINITE, PERSON_NOUNS};
use crate::sources::typing::{classify, is_person_noun, Mention};
use crate::tagger::Tagger;
use crate::text::{ByteSpan, Doc, ParagraphKind, SpanIndex, TokenKind};
use names::{complete_name, described_name_forward, is_name_token, name_backward, name_forward};
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

/// credence's semantics: a statement made by several named sources together
/// credits each of them ("said the president's personal attorneys Rudy
/// Giuliani and Jay Sekulow", "House Speaker Nancy Pelosi (D-Calif.) and
/// Senate Minority Leader Chuck Schumer (D-N.Y.) released a joint
/// statement", "Cruz and Kasich announced"): the attribution is repeated, one
/// per source, with the same cue and content, right after the first.
///
/// Only when every part names a person, an organisation or an outlet: "Bill
/// and Chelsea Clinton" (one surname shared) and "Democrats and Republicans"
/// (unnamed groups, credited together) stay one source. `credence eval`
/// scores [`find`], before this step: PolNeAR marks such a source as one span.
pub fn split_coordinated(doc: &Doc, atts: &mut Vec<FoundAttribution>) {
    let mut out = Vec::with_capacity(atts.len());
    for a in atts.drain(..) {
        let parts = a
            .source
            .map(|s| conjuncts(doc, widen_to_coordination(doc, s, a.cue)))
            .unwrap_or_default();
        if parts.len() < 2 {
            out.push(a);
            continue;
        }
        out.extend(parts.into_iter().map(|p| FoundAttribution {
            source: Some(p),
            ..a
        }));
    }
    *atts = out;
}

/// `span` grown over a name coordinated with it that the tagger or a rule
/// left out: "said … Rudy Giuliani | and Jay Sekulow in a joint statement",
/// "Cruz and | Kasich announced" (only a coordination opening the sentence:
/// in "met with Putin and Xi said", Putin is no subject).
fn widen_to_coordination(doc: &Doc, span: ByteSpan, cue: Option<ByteSpan>) -> ByteSpan {
    let Some((s, e)) = doc.tokens_in(span) else {
        return span;
    };
    let (ss, se) = doc.sentence_tokens[doc.token_sentence[s]];
    let outside_cue = |t: usize| cue.is_none_or(|c| !c.contains(doc.tokens[t].span));
    let mut span = span;
    if e + 1 < se && doc.token_text(e) == "and" && outside_cue(e + 1) {
        if let Some(next) = name_forward(doc, e + 1, se).filter(|n| !is_speaker(n.slice(doc.text)))
        {
            span = span.cover(next);
        }
    }
    if s >= 2 && s > ss && doc.token_text(s - 1) == "and" && outside_cue(s - 2) {
        // "House Speaker Nancy Pelosi (D-Calif.) and": over the party tag.
        let mut before = s - 1;
        if doc.token_text(before - 1) == ")" {
            if let Some(open) = (ss.max(before.saturating_sub(6))..before - 1)
                .rev()
                .find(|&t| doc.token_text(t) == "(")
            {
                before = open;
            }
        }
        if let Some(prev) = name_backward(doc, before, ss) {
            let opens = doc.tokens_in(prev).is_some_and(|(ps, _)| {
                ps == ss
                    || matches!(
                        doc.token_text(ps - 1),
                        "," | "But" | "And" | "and" | "—" | "-"
                    )
            });
            if opens && !is_speaker(prev.slice(doc.text)) {
                span = prev.cover(span);
            }
        }
    }
    span
}

/// The named sources a coordinated source span lists ("A and B", "A, B and
/// C"; commas and "and" inside parentheses do not split), or nothing when it
/// is not such a list.
fn conjuncts(doc: &Doc, span: ByteSpan) -> Vec<ByteSpan> {
    let Some((s, mut e)) = doc.tokens_in(span) else {
        return Vec::new();
    };
    // "Cruz and Kasich almost simultaneously (announced)": words the span ran
    // on to after the last name.
    while e > s + 1 && doc.token_text(e - 1).starts_with(char::is_lowercase) {
        e -= 1;
    }
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = s;
    let mut saw_and = false;
    for t in s..e {
        match doc.token_text(t) {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            w @ ("and" | ",") if depth == 0 => {
                saw_and |= w == "and";
                if t > start {
                    parts.push((start, t));
                }
                start = t + 1;
            }
            _ => {}
        }
    }
    if start < e {
        parts.push((start, e));
    }
    if !saw_and || parts.len() < 2 || parts.len() > 6 {
        return Vec::new();
    }
    // Every word of a part is a name, a title or a party tag in parentheses:
    // "House Speaker Nancy Pelosi (D-Calif.)", "the Los Angeles County
    // Sheriff's Department"; not a description ("the owner of Red Finch
    // Solutions") nor a title with "and" inside it ("Lutheran Immigration |
    // and Refugee Services").
    let name_like = |ps: usize, pe: usize| {
        let mut depth = 0usize;
        (ps..pe).all(|t| {
            let w = doc.token_text(t);
            match w {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth > 0
                || matches!(w, "(" | ")" | "the")
                || is_name_token(doc, t)
                || ROLE_WORDS.contains(&w)
                || TITLES.any_case.contains(&w)
        }) && doc.token_text(pe - 1) != "the"
    };
    let named = |&(ps, pe): &(usize, usize)| {
        if !name_like(ps, pe) {
            return false;
        }
        let text = doc.token_span(ps, pe).slice(doc.text);
        let determined = matches!(doc.token_text(ps), "the" | "The");
        match classify(text) {
            // A person by full name, or by a surname the article writes
            // after a given name ("Cruz" after "Ted Cruz"); not a given name
            // sharing the next part's surname ("Bill and Chelsea Clinton").
            Mention::Named {
                kind: SourceType::Person,
                name,
                ..
            } => match name.split(' ').collect::<Vec<_>>()[..] {
                [one] => written_after_given_name(doc, one),
                _ => true,
            },
            // An outlet; a body named with its article ("the San Gabriel
            // Police Department"), since a body's own name may hold an "and"
            // ("the Department of Health | and Human Services"); not a
            // place ("Guatemala, El Salvador and Honduras": governments,
            // credited together).
            Mention::Named {
                kind: SourceType::Outlet,
                ..
            } => true,
            Mention::Named {
                kind: SourceType::Organization,
                name,
                ..
            } => determined && !is_place(&name),
            _ => false,
        }
    };
    let texts: Vec<&str> = parts
        .iter()
        .map(|&(ps, pe)| doc.token_span(ps, pe).slice(doc.text))
        .collect();
    let distinct = (1..texts.len()).all(|i| !texts[..i].contains(&texts[i]));
    // "the U.S. Department of Housing and Urban Development": a name of the
    // form "X of Y" may hold an "and"; such a list is not split.
    if texts
        .iter()
        .any(|t| t.split_whitespace().any(|w| w == "of"))
    {
        return Vec::new();
    }
    if !distinct || !parts.iter().all(named) {
        return Vec::new();
    }
    parts
        .into_iter()
        .map(|(ps, pe)| doc.token_span(ps, pe))
        .collect()
}

/// Whether the article writes `surname` right after a given name
/// somewhere ("Ted Cruz" for "Cruz").
fn written_after_given_name(doc: &Doc, surname: &str) -> bool {
    (1..doc.tokens.len())
        .any(|t| doc.token_text(t) == surname && is_given_name(doc.token_text(t - 1)))
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

/// Three ways the role tagger misplaces or cuts a source written before its
/// cue (token `cs`), each seen in news text, repaired:
/// - the object inside a parenthetical between the subject and the cue
///   ("Mr. O’Rourke, asked if he supported impeaching Mr. Trump, said…"
///   credited Mr. Trump): the subject before the parenthetical;
/// - a person and a body joined by a comma ("…against Sen. Arlen Specter,
///   the Obama administration said"): the body, next to the cue;
/// - a capitalised modifier cut from its noun ("The outgoing Republican
///   governor, who…, has said" credited "Republican"): the description.
///
/// Each repair is kept only when what it gives is a source by [`classify`].
fn repair_source(doc: &Doc, src: ByteSpan, cs: usize) -> ByteSpan {
    let Some((s0, mut s1)) = doc.tokens_in(src) else {
        return src;
    };
    while s1 > s0 + 1 && doc.tokens[s1 - 1].kind == TokenKind::Punct {
        s1 -= 1;
    }
    if s1 > cs || doc.token_sentence[s0] != doc.token_sentence[cs] {
        return src;
    }
    let ss = doc.sentence_tokens[doc.token_sentence[cs]].0;
    let text = |t: usize| doc.token_text(t);
    let lower = |t: usize| text(t).starts_with(char::is_lowercase);
    let is_source = |s: usize, e: usize| match classify(doc.token_span(s, e).slice(doc.text)) {
        Mention::Named { kind, .. } => kind != SourceType::Unknown,
        Mention::Role(_) => true,
        _ => false,
    };
    let is_person = |s: usize, e: usize| {
        matches!(
            classify(doc.token_span(s, e).slice(doc.text)),
            Mention::Named {
                kind: SourceType::Person,
                ..
            }
        )
    };
    let verb_like = |t: usize| verb_like(doc, t);
    let comma = |t: usize| text(t) == ",";
    // The parenthetical: `subject, lowercase words … source, cue`. It is a
    // clause ("asked if…", "who…", "writing in…") or the source is no
    // person ("Musk, the CEO of Tesla and SpaceX, accused"); an appositive
    // naming the person ("Another MEP, former minister Joachim Brudziński,
    // accused") keeps its name.
    if cs == s1 + 1 && comma(s1) && !(s0..s1).any(comma) {
        if let Some((subject, c1)) = subject_before_parenthetical(doc, cs) {
            let opener = text(c1 + 1).to_lowercase();
            let clause =
                matches!(opener.as_str(), "who" | "whom" | "whose" | "which") || verb_like(c1 + 1);
            if c1 + 1 < s0 && (clause || !is_person(s0, s1)) {
                return subject;
            }
        }
    }
    // "Sen. Arlen Specter, the Obama administration said": a body, named
    // by a plain noun phrase ("the head of the agency" describes a person).
    if s1 == cs {
        if let Some(c) = (s0..s1).rev().find(|&t| comma(t)) {
            let mut e = s1;
            while e > c + 2 && AUXILIARIES.contains(&text(e - 1)) {
                e -= 1;
            }
            let plain = (c + 1..e).all(|t| {
                !matches!(
                    text(t),
                    "of" | "for"
                        | "on"
                        | "at"
                        | "in"
                        | "with"
                        | "from"
                        | "who"
                        | "whose"
                        | "which"
                        | "that"
                )
            });
            let determined = matches!(text(c + 1), "the" | "a" | "an");
            let body = match classify(doc.token_span(c + 1, e).slice(doc.text)) {
                Mention::Named { kind, .. } => match kind {
                    SourceType::Organization => determined,
                    SourceType::Outlet | SourceType::Document => determined || !lower(c + 1),
                    _ => false,
                },
                _ => false,
            };
            if plain && body && is_person(s0, c) && !(c + 1..e).any(verb_like) {
                return doc.token_span(c + 1, e);
            }
        }
    }
    // "The outgoing Republican governor": a modifier cut from its noun, with
    // at most one adjective before it and the determiner.
    if s1 == s0 + 1 && s1 < cs && !lower(s0) {
        let determiner = |t: usize| matches!(text(t).to_lowercase().as_str(), "the" | "a" | "an");
        let noun = (s1..cs.min(s1 + 2)).find(|&t| is_person_noun(text(t)));
        // "elections" in "a prominent Republican elections lawyer"; not "and
        // most" in "The Palestinians and most of the world".
        let modifier = |t: usize| lower(t) && !opens_clause(text(t)) && !is_function_word(text(t));
        if let Some(n) = noun.filter(|&n| (s1..=n).all(modifier)) {
            let start = [s0.checked_sub(1), s0.checked_sub(2)]
                .into_iter()
                .flatten()
                .filter(|&t| t >= ss)
                .find(|&t| {
                    // "outgoing", "prominent": an adjective, not a verb.
                    determiner(t)
                        && (t + 1..s0).all(|u| {
                            lower(u)
                                && !AUXILIARIES.contains(&text(u))
                                && !speakers::is_cue_word(text(u))
                        })
                });
            if let Some(start) = start.filter(|&t| is_source(t, n + 1)) {
                return doc.token_span(start, n + 1);
            }
        }
    }
    src
}

/// For a cue ending in "according to" (tokens `cs..ce`), the noun phrase
/// after it: up to the next punctuation or the sentence end, at most 15
/// tokens.
fn according_to_source(doc: &Doc, cs: usize, ce: usize) -> Option<ByteSpan> {
    // "…, citing sources with knowledge, CNN reported": what is cited is the
    // source of what is reported, as after "according to".
    let citing = doc.token_text(ce - 1).eq_ignore_ascii_case("citing");
    if !citing
        && (ce < cs + 2
            || !doc.token_text(ce - 2).eq_ignore_ascii_case("according")
            || !doc.token_text(ce - 1).eq_ignore_ascii_case("to"))
    {
        return None;
    }
    let sentence_end = doc.sentence_tokens[doc.token_sentence[cs]].1;
    let end = (ce..sentence_end.min(ce + 15))
        .find(|&t| doc.tokens[t].kind == TokenKind::Punct && doc.token_text(t) != "'")
        .unwrap_or(sentence_end.min(ce + 15));
    let np = (end > ce).then(|| doc.token_span(ce, end))?;
    // What is cited is a source only when it names one: "citing sources with
    // knowledge", "citing a recent Gallup poll", "citing an unidentified
    // official"; not "citing family reasons" or "citing the law".
    if citing {
        let names_source = match classify(np.slice(doc.text)) {
            Mention::Named {
                kind: SourceType::Outlet | SourceType::Document,
                ..
            } => true,
            Mention::Named {
                kind: SourceType::Person,
                ..
            } => end - ce <= 4 && (ce..end).all(|t| is_name_token(doc, t)),
            Mention::Named {
                kind: SourceType::Anonymous,
                ..
            } => (ce..end).any(|t| {
                matches!(
                    doc.token_text(t),
                    "source"
                        | "sources"
                        | "official"
                        | "officials"
                        | "people"
                        | "person"
                        | "aide"
                        | "aides"
                        | "diplomat"
                        | "diplomats"
                        | "insider"
                        | "insiders"
                )
            }),
            _ => false,
        };
        return names_source.then_some(np);
    }
    Some(np)
}

/// For a one-word speech cue ending a clause after a comma ("…, the
/// official said."), the short noun phrase between the comma and the cue:
/// the source, whatever the tagger took ("He" at the start of the content).
fn trailing_source(doc: &Doc, cs: usize, ce: usize) -> Option<ByteSpan> {
    if ce != cs + 1 || !speakers::is_cue_word(doc.token_text(cs)) {
        return None;
    }
    let (ss, _) = doc.sentence_tokens[doc.token_sentence[cs]];
    let mut t = cs;
    while t > ss && cs - t < 6 && doc.tokens[t - 1].kind == TokenKind::Word {
        t -= 1;
    }
    // After a comma, or after a quote closed on one ("“…,” the statement
    // released by each office said").
    let closes_quote = |u: usize| matches!(doc.token_text(u), "”" | "\"" | "’");
    let after_comma = t > ss
        && (doc.token_text(t - 1) == ","
            || t > ss + 1 && closes_quote(t - 1) && doc.token_text(t - 2) == ",");
    if t == cs || !after_comma {
        return None;
    }
    // A noun phrase, not a predicate ("…, criticized Walker's silence and
    // chided"); a participle before "by" is part of it ("the statement
    // released by each office").
    let predicate = (t..cs).any(|u| verb_like(doc, u) && doc.token_text(u + 1) != "by");
    if predicate || is_function_word(doc.token_text(cs - 1)) {
        return None;
    }
    let np = doc.token_span(t, cs);
    let source_like = match classify(np.slice(doc.text)) {
        Mention::Named { kind, .. } => kind != SourceType::Unknown,
        Mention::NotASource => false,
        _ => true,
    };
    source_like.then_some(np)
}

/// A lowercase word that makes a phrase a clause, not a noun phrase.
fn verb_like(doc: &Doc, t: usize) -> bool {
    let w = doc.token_text(t);
    w.starts_with(char::is_lowercase)
        && (w.ends_with("ed")
            || w.ends_with("ing")
            || AUXILIARIES.contains(&w)
            || speakers::is_cue_word(w))
}

fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "--" | "—" | "–")
}

/// A short noun phrase over tokens `a0..a1` that names a source: no verb or
/// clause word in it, and typed by [`classify`] (a capital, or an unnamed
/// group or body: "lawmakers and Jewish organizations").
fn subject_phrase(doc: &Doc, a0: usize, a1: usize) -> Option<ByteSpan> {
    // "One voter from Boston", "A woman from the north of the country".
    let determined = {
        let w = doc.token_text(a0).to_lowercase();
        matches!(w.as_str(), "a" | "an" | "one" | "the") || CARDINALS.contains(&w.as_str())
    };
    let origin = |t: usize| t > a0 + 1 && determined && doc.token_text(t) == "from";
    if !(1..=8).contains(&(a1.saturating_sub(a0)))
        || (a0..a1).any(|t| verb_like(doc, t))
        || (a0..a1).any(|t| opens_clause(doc.token_text(t)) && !origin(t))
    {
        return None;
    }
    let span = doc.token_span(a0, a1);
    let capital = doc.token_text(a0).starts_with(char::is_uppercase);
    let ok = match classify(span.slice(doc.text)) {
        Mention::Named {
            kind: SourceType::Anonymous | SourceType::Organization,
            ..
        } => true,
        Mention::Named { kind, .. } => capital && kind != SourceType::Unknown,
        Mention::Role(_) => capital,
        _ => false,
    };
    ok.then_some(span)
}

/// The subject before a parenthetical that closes right before the cue
/// (token `cs`), and the token that opens the parenthetical: "Mr. O’Rourke
/// | , asked if he supported impeaching Mr. Trump, | said", "But supporters |
/// -- including some in the president's own party -- | have downplayed".
/// The parenthetical opens lowercase; the subject starts the sentence or
/// follows a comma, a dateline or a dash ("Calif. (Reuters) - Billionaire Tom
/// Steyer"), without a conjunction ("But").
fn subject_before_parenthetical(doc: &Doc, cs: usize) -> Option<(ByteSpan, usize)> {
    let ss = doc.sentence_tokens[doc.token_sentence[cs]].0;
    let text = |t: usize| doc.token_text(t);
    if cs < ss + 3 {
        return None;
    }
    let mut close = cs - 1;
    let dashes = is_dash(text(close));
    if !dashes && text(close) != "," {
        return None;
    }
    while dashes && close > ss && is_dash(text(close - 1)) {
        close -= 1;
    }
    let opens = |t: usize| {
        if dashes {
            is_dash(text(t))
        } else {
            text(t) == ","
        }
    };
    let mut c1 = (ss.max(close.saturating_sub(25))..close)
        .rev()
        .find(|&t| opens(t))?;
    let inside = c1 + 1;
    while dashes && c1 > ss && is_dash(text(c1 - 1)) {
        c1 -= 1;
    }
    // The parenthetical opens lowercase, or on an executive's title ("Russ
    // Girling, CEO of pipeline developer TransCanada, urged").
    let opener = text(inside);
    let title = matches!(
        opener,
        "CEO" | "CFO" | "COO" | "CTO" | "President" | "Chairman"
    );
    if inside >= close || !(opener.starts_with(char::is_lowercase) || title) {
        return None;
    }
    // (Not at a party tag's parenthesis: "Sen. Bernie Sanders (I-Vt.), who
    // is running…, echoed".)
    let mut a0 = (ss..c1)
        .rev()
        .find(|&t| matches!(text(t), "," | ":") || is_dash(text(t)))
        .map_or(ss, |t| t + 1);
    if a0 + 1 < c1 && matches!(text(a0), "And" | "But" | "Yet" | "So" | "Or") {
        a0 += 1;
    }
    Some((subject_phrase(doc, a0, c1)?, c1))
}

/// The subject of a sentence whose cue opens its second predicate: "Most of
/// the families are from Guatemala, Honduras and El Salvador, and say they
/// are fleeing violence" (the tagger took "Honduras and El Salvador"): the
/// words before the first verb, when the cue (token `cs`) follows "and".
fn subject_of_coordinated_predicate(doc: &Doc, cs: usize) -> Option<(ByteSpan, usize)> {
    let ss = doc.sentence_tokens[doc.token_sentence[cs]].0;
    if cs < ss + 3 || doc.token_text(cs - 1) != "and" {
        return None;
    }
    let mut a0 = ss;
    if matches!(doc.token_text(a0), "And" | "But" | "Yet" | "So") {
        a0 += 1;
    }
    let verb = (a0..cs - 1).find(|&t| verb_like(doc, t))?;

    if (a0..verb).any(|t| doc.tokens[t].kind == TokenKind::Punct && doc.token_text(t) != "'") {
        return None;
    }
    Some((subject_phrase(doc, a0, verb)?, verb))
}

/// An unnamed source right after a cue: a determiner and, within five words,
/// a noun for people ("said someone who works for Cruz", "one lobbyist told
/// the Hill", "said a senior official at a major Washington business
/// group"), up to that noun.
fn unnamed_after(doc: &Doc, from: usize, limit: usize) -> Option<ByteSpan> {
    if from >= limit {
        return None;
    }
    let first = doc.token_text(from).to_lowercase();
    let determined = matches!(
        first.as_str(),
        "a" | "an" | "one" | "the" | "another" | "someone" | "two" | "three"
    ) || INDEFINITE.contains(&first.as_str());
    if !determined {
        return None;
    }
    // The head: a noun for unnamed people, else one for a person ("a
    // senior official", not "a senior").
    let window = from..limit.min(from + 5);
    let lower = |t: usize| doc.token_text(t).to_lowercase();
    let head = window
        .clone()
        .find(|&t| ANONYMOUS_NOUNS.contains(&lower(t).as_str()))
        .or_else(|| {
            window
                .clone()
                .find(|&t| PERSON_NOUNS.contains(&lower(t).as_str()))
        })?;
    let np = doc.token_span(from, head + 1);
    match classify(np.slice(doc.text)) {
        Mention::Named {
            kind: SourceType::Anonymous,
            ..
        }
        | Mention::Role(_) => Some(np),
        _ => None,
    }
}

/// The agent after a passive cue (tokens `cs..ce`): "were first reported
/// by The Atlantic", "was obtained by CNN"; a source by [`classify`].
fn passive_agent(doc: &Doc, cs: usize, ce: usize) -> Option<ByteSpan> {
    let (_, se) = doc.sentence_tokens[doc.token_sentence[cs]];
    let passive = (cs..ce).any(|t| {
        matches!(
            doc.token_text(t),
            "was" | "were" | "is" | "are" | "been" | "be" | "being"
        )
    });
    // A verb of saying or reporting ("reported", "accused", "described"),
    // not any passive ("appointed by", "attacked by", "backed by").
    let participle = doc.token_text(ce - 1).to_lowercase();
    let reporting = speakers::is_cue_word(&participle)
        || matches!(
            participle.as_str(),
            "reported" | "obtained" | "published" | "accused" | "described" | "quoted" | "cited"
        );
    if !passive || !reporting || ce >= se || doc.token_text(ce) != "by" {
        return None;
    }
    // The agent ends at punctuation or at a word that starts what follows
    // it ("accused by actress Jessica Barth | of drugging…", "derided by media
    // critics | in the Washington Post").
    let end = (ce + 1..se.min(ce + 9))
        .find(|&t| {
            (doc.tokens[t].kind == TokenKind::Punct && doc.token_text(t) != "'")
                || matches!(
                    doc.token_text(t),
                    "of" | "if"
                        | "as"
                        | "in"
                        | "for"
                        | "to"
                        | "that"
                        | "and"
                        | "not"
                        | "on"
                        | "at"
                        | "about"
                        | "after"
                        | "over"
                )
                || CLAUSE_WORDS.contains(&doc.token_text(t))
        })
        .unwrap_or(se.min(ce + 9));
    if end <= ce + 1 {
        return None;
    }
    let np = doc.token_span(ce + 1, end);
    match classify(np.slice(doc.text)) {
        Mention::Named {
            kind:
                SourceType::Outlet
                | SourceType::Organization
                | SourceType::Person
                | SourceType::Document,
            ..
        } => Some(np),
        _ => None,
    }
}

/// Auxiliaries and copulas: a phrase holding one is a clause.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "does", "did", "do",
];

/// Words that make a phrase a clause wherever they stand ("But what the
/// March on Washington").
const CLAUSE_WORDS: &[&str] = &[
    "what", "how", "why", "where", "whether", "when", "while", "although", "though", "because",
    "if", "since", "until", "unless",
];

/// Words that open a prepositional phrase or a clause, not a noun phrase
/// ("After other Twitter users", "unlike some of her rivals"); inside a noun
/// phrase they are fine ("a woman from the north"), but a subject found by a
/// rule holds none of them: without a parser, "Political gridlock in
/// Washington" and "The big problem for Lew" look the same.
const OPENERS: &[&str] = &[
    "after", "before", "as", "once", "for", "in", "on", "at", "by", "to", "about", "despite",
    "during", "besides", "except", "like", "than", "unlike", "with", "without", "among", "from",
    "under", "against", "amid", "into",
];

/// Whether `w` (any case) is one of [`CLAUSE_WORDS`] or [`OPENERS`].
fn opens_clause(w: &str) -> bool {
    let w = w.to_lowercase();
    CLAUSE_WORDS.contains(&w.as_str()) || OPENERS.contains(&w.as_str())
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
