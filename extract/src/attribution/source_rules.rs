//! Rules that find or repair the source phrase around a cue where the role
//! tagger misses or misplaces it: "according to …", "…, the official
//! said", the subject before a parenthetical or of a second predicate, the
//! agent of a passive report, an unnamed source after the cue. Without a
//! parser, each rule keeps what it finds only when [`classify`] types it as
//! a source.

use super::names::{is_name_token, name_backward};
use super::speakers;
use crate::extraction::SourceType;
use crate::lexicon::dates::CARDINALS;
use crate::lexicon::names::{is_function_word, is_party_adjective, is_party_tag};
use crate::lexicon::places::is_demonym;
use crate::lexicon::sources::{ANONYMOUS_NOUNS, INDEFINITE, PERSON_NOUNS};
use crate::sources::typing::{classify, is_person_noun, Mention};
use crate::text::{ByteSpan, Doc, TokenKind};

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
pub(super) fn repair_source(doc: &Doc, src: ByteSpan, cs: usize) -> ByteSpan {
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
    // "Sen. Ted Cruz, R-Texas, sought": a party tag stands for the name
    // written before it (a tag with its state: "I" alone is a pronoun).
    if is_party_tag(text(s0)) && text(s0).len() > 2 && s0 > ss + 1 && text(s0 - 1) == "," {
        if let Some(name) = name_backward(doc, s0 - 1, ss) {
            return name;
        }
    }
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
    // The parenthetical: `subject, lowercase words … source …, cue`. It is
    // a clause ("asked if…", "who…", "writing in…") or the source is no
    // person ("Musk, the CEO of Tesla and SpaceX, accused"; "Tom Mason, the
    // NRA’s executive secretary who has … at the U.N. for nearly two
    // decades, said"); an appositive naming the person ("Another MEP,
    // former minister Joachim Brudziński, accused") keeps its name.
    if s1 < cs && !(s0..s1).any(comma) {
        if let Some((subject, c1)) = subject_before_parenthetical(doc, cs) {
            let opener = text(c1 + 1).to_lowercase();
            let clause =
                matches!(opener.as_str(), "who" | "whom" | "whose" | "which") || verb_like(c1 + 1);
            // (A span ending in a lowercase word is no name, whatever its
            // capitals: "his Comedy Central program".)
            if c1 + 1 < s0 && (clause || !is_person(s0, s1) || lower(s1 - 1)) {
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
        // ("senators": a person noun in the plural.)
        let noun = (s1..cs.min(s1 + 2)).find(|&t| {
            let w = text(t);
            is_person_noun(w) || w.strip_suffix('s').is_some_and(is_person_noun)
        });
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
            // "Comments by Republican | senators suggested", "But
            // Democratic | lawmakers on the call questioned …, arguing": a
            // party or nationality adjective, which alone names no one.
            let adjective = is_demonym(text(s0))
                || is_party_adjective(text(s0))
                || matches!(text(s0), "U.S." | "US" | "U.N." | "UN" | "EU" | "GOP");
            // People ("lawmakers", "senators"), not a title's first word
            // ("EU foreign | affairs chief").
            let people = |w: &str| ANONYMOUS_NOUNS.contains(&w) || PERSON_NOUNS.contains(&w);
            let head = text(n);
            let people_noun = people(head) || head.strip_suffix('s').is_some_and(people);
            if adjective && people_noun && is_source(s0, n + 1) {
                return doc.token_span(s0, n + 1);
            }
        }
    }
    src
}

/// For a cue ending in "according to" (tokens `cs..ce`), the noun phrase
/// after it: up to the next punctuation or the sentence end, at most 15
/// tokens.
pub(super) fn according_to_source(doc: &Doc, cs: usize, ce: usize) -> Option<ByteSpan> {
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
pub(super) fn trailing_source(doc: &Doc, cs: usize, ce: usize) -> Option<ByteSpan> {
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
pub(super) fn subject_before_parenthetical(doc: &Doc, cs: usize) -> Option<(ByteSpan, usize)> {
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
    // After a quote closed on its comma: "“…,” Tom Mason, the NRA’s …".
    while a0 + 1 < c1 && matches!(text(a0), "”" | "\"" | "’") {
        a0 += 1;
    }
    Some((subject_phrase(doc, a0, c1)?, c1))
}

/// The subject of a sentence whose cue opens its second predicate: "Most of
/// the families are from Guatemala, Honduras and El Salvador, and say they
/// are fleeing violence" (the tagger took "Honduras and El Salvador"): the
/// words before the first verb, when the cue (token `cs`) follows "and".
pub(super) fn subject_of_coordinated_predicate(doc: &Doc, cs: usize) -> Option<(ByteSpan, usize)> {
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
pub(super) fn unnamed_after(doc: &Doc, from: usize, limit: usize) -> Option<ByteSpan> {
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
pub(super) fn passive_agent(doc: &Doc, cs: usize, ce: usize) -> Option<ByteSpan> {
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
pub(super) const AUXILIARIES: &[&str] = &[
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
