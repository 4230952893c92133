//! Step 4 of the pipeline: who each attribution's source is.
//!
//! - [`typing`]: the type of a source mention (person, organization, outlet,
//!   document, anonymous, unknown) and its canonical name, by lexicon rules
//!   ([`crate::lexicon::sources`]): typing a span the tagger already found is
//!   a job rules do well and can explain;
//! - [`resolve`]: one canonical source per person or body within the
//!   article ("Steve Witkoff", "Witkoff", "the American envoy", "he" → "Steve
//!   Witkoff").

pub mod resolve;
pub mod typing;

use crate::attribution::FoundAttribution;
use crate::text::Doc;
use resolve::{ResolvedSource, Resolver};

/// The sources of one article, and which one each attribution credits.
#[derive(Debug, Clone, PartialEq)]
pub struct Sources {
    /// Every source, in order of first resolution.
    pub sources: Vec<ResolvedSource>,
    /// For each attribution (same order as given), its source's index.
    pub of_attribution: Vec<Option<usize>>,
}

/// Resolve the source of every attribution in `found`, in text order (so a
/// pronoun resolves to a name mentioned before it). An attribution for a
/// quote paragraph continuing the previous one already carries the previous
/// quote's source mention (see `link_quotes`), so it resolves the same way.
///
/// A mention that names no source ("Trump’s", "European", "Their") is
/// cleared from its attribution, which is then unsourced.
pub fn resolve_sources(doc: &Doc, found: &mut [FoundAttribution]) -> Sources {
    let mut resolver = Resolver::new(doc);
    let mut order: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].source.is_some())
        .collect();
    order.sort_by_key(|&i| found[i].source);
    let mut of_attribution: Vec<Option<usize>> = vec![None; found.len()];
    for i in order {
        if let Some(s) = found[i].source {
            of_attribution[i] = resolver.resolve(s);
            if of_attribution[i].is_none() {
                found[i].source = None;
            }
        }
    }
    Sources {
        sources: resolver.sources,
        of_attribution,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extraction::SourceType;
    use crate::text::ByteSpan;

    /// Each source's name and type, in order.
    fn kinds(s: &Sources) -> Vec<(&str, SourceType)> {
        s.sources
            .iter()
            .map(|x| (x.name.as_str(), x.kind))
            .collect()
    }

    /// Attributions with sources at the given mentions (nth occurrence) and
    /// a cue right after each.
    fn found(text: &str, mentions: &[(&str, usize)]) -> Vec<FoundAttribution> {
        mentions
            .iter()
            .map(|&(m, nth)| {
                let start = text.match_indices(m).nth(nth).unwrap().0;
                FoundAttribution {
                    source: Some(ByteSpan::new(start, start + m.len())),
                    cue: Some(ByteSpan::new(start + m.len(), start + m.len() + 1)),
                    content: None,
                    by_rule: false,
                }
            })
            .collect()
    }

    #[test]
    fn surnames_roles_and_pronouns_resolve_to_one_person() {
        let text = "US envoy Steve Witkoff said talks would go on. Witkoff added more. \
                    Later he said it again. The American envoy declined to comment.";
        let mut f = found(
            text,
            &[
                ("US envoy Steve Witkoff", 0),
                ("Witkoff", 1),
                ("he", 0),
                ("The American envoy", 0),
            ],
        );
        let s = resolve_sources(&crate::text::Doc::new(text), &mut f);
        assert_eq!(s.sources.len(), 1, "{:?}", s.sources);
        assert_eq!(s.sources[0].name, "Steve Witkoff");
        assert_eq!(s.sources[0].kind, SourceType::Person);
        assert_eq!(s.of_attribution, [Some(0); 4]);
        assert_eq!(s.sources[0].mentions.len(), 4);
    }

    #[test]
    fn an_unnamed_group_keeps_the_capital_of_a_person_it_names() {
        // "Clinton" opens both sentences, but the article names Hillary
        // Clinton: her supporters keep the capital. "Officials" is no name.
        let text = "Hillary Clinton spoke on Monday. Clinton and her supporters said the vote was unfair. \
                    Officials familiar with the count said it was fair.";
        let mut f = found(
            text,
            &[
                ("Clinton and her supporters", 0),
                ("Officials familiar with the count", 0),
            ],
        );
        let s = resolve_sources(&crate::text::Doc::new(text), &mut f);
        assert_eq!(
            kinds(&s),
            [
                ("Clinton and her supporters", SourceType::Anonymous),
                ("officials", SourceType::Anonymous)
            ]
        );
    }

    #[test]
    fn a_king_and_a_crown_prince_sharing_a_name_stay_two_people() {
        let text = "Crown Prince Mohammed bin Salman met the envoy. King Salman said the kingdom \
                    wanted peace. President Trump said talks went well. Donald Trump added more. \
                    Peter King, a congressman, spoke too. King said he agreed.";
        let mut f = found(
            text,
            &[
                ("Crown Prince Mohammed bin Salman", 0),
                ("King Salman", 0),
                ("President Trump", 0),
                ("Donald Trump", 0),
                ("King", 2),
            ],
        );
        let s = resolve_sources(&crate::text::Doc::new(text), &mut f);
        assert_eq!(
            kinds(&s),
            [
                ("Mohammed bin Salman", SourceType::Person),
                ("Salman", SourceType::Person),
                ("Donald Trump", SourceType::Person),
                ("Peter King", SourceType::Person),
            ]
        );
    }

    #[test]
    fn a_state_and_party_description_resolves_by_the_party_tag() {
        let text = "Sen. Sherrod Brown, D-Ohio, voted no. Rep. Jim Jordan (R-Ohio) voted yes. \
                    Sen. Rand Paul, R-Ky., abstained. \
                    The Ohio Republican said the vote was close. \
                    The Kentucky Republican said he would try again. \
                    The Texas Republican said nothing.";
        let mut f = found(
            text,
            &[
                ("The Ohio Republican", 0),
                ("The Kentucky Republican", 0),
                ("The Texas Republican", 0),
            ],
        );
        let s = resolve_sources(&crate::text::Doc::new(text), &mut f);
        let names: Vec<&str> = s.sources.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names[..2], ["Jim Jordan", "Rand Paul"], "{:?}", s.sources);
        assert_ne!(names.get(2), Some(&"Jim Jordan"));
    }

    #[test]
    fn a_surname_resolves_past_the_office_before_the_name() {
        let text = "Secretary of State Mike Pompeo met the king. Pompeo said the talks went well.";
        let mut f = found(text, &[("Pompeo", 1)]);
        let s = resolve_sources(&crate::text::Doc::new(text), &mut f);
        assert_eq!(s.sources[0].name, "Mike Pompeo", "{:?}", s.sources);
    }

    #[test]
    fn a_named_body_is_no_person_and_a_short_name_finds_its_body() {
        let text = "Black Lives Matter said the protests go on. It does not matter, police said. \
                    Tim Cook said sales grew. Cook added that the cook left. \
                    Human rights group Amnesty International said so. Amnesty added more. \
                    The National Rifle Association said no. The NRA added more.";
        let mut f = found(
            text,
            &[
                ("Black Lives Matter", 0),
                ("Tim Cook", 0),
                ("Cook", 1),
                ("Amnesty", 1),
                ("The National Rifle Association", 0),
                ("The NRA", 0),
            ],
        );
        let s = resolve_sources(&crate::text::Doc::new(text), &mut f);
        assert_eq!(
            kinds(&s),
            [
                ("Black Lives Matter", SourceType::Organization),
                ("Tim Cook", SourceType::Person),
                ("Amnesty International", SourceType::Organization),
                ("National Rifle Association", SourceType::Organization),
            ]
        );
        assert_eq!(s.of_attribution[4], s.of_attribution[5]);
    }

    #[test]
    fn who_after_a_group_is_the_group_and_names_keep_their_capital() {
        let text = "The ruling will anger Democrats, who have accused Barr of meddling. \
                    Trump officials said little, as did Trump.";
        let mut f = found(text, &[("who", 0), ("Trump officials", 0)]);
        let s = resolve_sources(&crate::text::Doc::new(text), &mut f);
        assert_eq!(
            kinds(&s),
            [
                ("Democrats", SourceType::Anonymous),
                ("Trump officials", SourceType::Anonymous),
            ]
        );
    }

    #[test]
    fn groups_and_people_stay_apart() {
        let text = "Officials said the deal was close. The Kremlin said it was not. \
                    They said so twice. Rep. Don Bacon said he disagreed.";
        let mut f = found(
            text,
            &[
                ("Officials", 0),
                ("The Kremlin", 0),
                ("They", 0),
                ("Rep. Don Bacon", 0),
            ],
        );
        let s = resolve_sources(&crate::text::Doc::new(text), &mut f);
        assert_eq!(
            kinds(&s),
            [
                ("officials", SourceType::Anonymous),
                ("Kremlin", SourceType::Organization),
                ("Don Bacon", SourceType::Person)
            ]
        );
        // "They" goes to the last group before it.
        assert_eq!(s.of_attribution, [Some(0), Some(1), Some(1), Some(2)]);
    }

    #[test]
    fn unnamed_sources_stay_unnamed_and_places_are_governments() {
        let text = "Law enforcement official Amarjit Singh spoke. He spent months in jail, \
                    according to a high-ranking official. The official said more. \
                    Moscow said no. Donetsk said yes.";
        let mut f = found(
            text,
            &[
                ("Law enforcement official Amarjit Singh", 0),
                ("a high-ranking official", 0),
                ("The official", 0),
                ("Moscow", 0),
                ("Donetsk", 0),
            ],
        );
        let s = resolve_sources(&crate::text::Doc::new(text), &mut f);
        assert_eq!(
            kinds(&s),
            [
                ("Amarjit Singh", SourceType::Person),
                ("a high-ranking official", SourceType::Anonymous),
                ("Moscow", SourceType::Organization),
            ]
        );
        assert_eq!(s.of_attribution, [Some(0), Some(1), Some(1), Some(2), None]);
        assert_eq!(
            f[4].source, None,
            "a place that is no government is no source"
        );
    }

    #[test]
    fn a_pronoun_goes_to_a_compatible_person() {
        let text = "Amarjit Singh was friends with Mr. Rahami at Edison High School. \
                    The person he knew, he said, was kind. Reached at home, she declined.";
        let mut f = found(text, &[("he", 1), ("she", 0)]);
        let s = resolve_sources(&crate::text::Doc::new(text), &mut f);
        assert_eq!(s.sources[0].name, "Amarjit Singh");
        assert_eq!(s.of_attribution, [Some(0), None], "{:?}", s.sources);
    }

    #[test]
    fn a_person_pronoun_never_goes_to_a_body_or_outlet() {
        // "Jewish Students" reads as a name, but the article uses "students"
        // as a common noun: a body's name, which "He" cannot mean.
        let text = "At the office of the Union of Jewish Students, the students were busy. \
                    He shows how it began.";
        let mut f = found(text, &[("He", 0)]);
        let s = resolve_sources(&crate::text::Doc::new(text), &mut f);
        assert_eq!(s.of_attribution, [None], "{:?}", s.sources);
        assert!(s.sources.is_empty(), "{:?}", s.sources);
    }

    #[test]
    fn a_continuation_inherits_the_source_it_continues() {
        let text = "Don Bacon said: \"We disagree.\"\n\"It is wrong.\"";
        let mut f = found(text, &[("Don Bacon", 0)]);
        f.push(FoundAttribution {
            source: f[0].source,
            cue: None,
            content: None,
            by_rule: true,
        });
        let s = resolve_sources(&crate::text::Doc::new(text), &mut f);
        assert_eq!(s.of_attribution, [Some(0), Some(0)]);
    }
}
