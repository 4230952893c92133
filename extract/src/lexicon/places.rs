//! Places and demonyms, so that "Washington", "Kyiv", "European" or "Saudi"
//! are never typed as people.
//!
//! The names come from two well-kept data crates rather than a hand list:
//! `keshvar` (BSD-3-Clause; the ISO 3166 country data of the `countries`
//! Ruby gem: every country's short name, its common English names, its
//! nationality adjective and its states and provinces) and `cities` (MIT; 10,596 of the world's cities,
//! among them every capital). What neither carries is listed here:
//! continental and regional adjectives ("European", "Western"), the short
//! forms of two-word nationalities ("Saudi"), and places the news names often
//! that the city list spells otherwise ("Kyiv" for its "Kiev").

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// Regional, religious and other group adjectives that no country's
/// nationality covers. Capitalised as written in text.
const EXTRA_DEMONYMS: &[&str] = &[
    "European",
    "African",
    "Asian",
    "Arab",
    "Western",
    "Eastern",
    "Gulf",
    "Latin",
    "Latino",
    "Hispanic",
    "Kurdish",
    "Jewish",
    "Muslim",
    "Christian",
    "Catholic",
    "Sunni",
    "Shiite",
    "Shia",
    "Soviet",
    "Persian",
    "Nordic",
    "Baltic",
    "Balkan",
    "Caribbean",
    "Saudi",
    "Emirati",
    "Korean",
    "Scottish",
    "Welsh",
    "English",
    "Chechen",
    "Crimean",
];

/// Places the news names that the city list lacks or spells otherwise.
const EXTRA_PLACES: &[&str] = &[
    "Donetsk",
    "Luhansk",
    "Donbas",
    "West Bank",
    "Zaporizhzhia",
    "Mariupol",
    "Bakhmut",
    "Europe",
    "Asia",
    "Africa",
    "Middle East",
];

/// Capitals the news uses for their governments ("Moscow said", "Washington
/// warned"). Any other city named as a source is a tagging error.
const SEATS_OF_GOVERNMENT: &[&str] = &[
    "Washington",
    "Moscow",
    "Kyiv",
    "Kiev",
    "Beijing",
    "London",
    "Paris",
    "Berlin",
    "Tehran",
    "Jerusalem",
    "Brussels",
    "Ankara",
    "Riyadh",
    "Pyongyang",
    "Seoul",
    "Tokyo",
    "Damascus",
    "Baghdad",
    "Kabul",
    "Havana",
    "Caracas",
    "Ottawa",
    "New Delhi",
    "Islamabad",
    "Cairo",
    "Minsk",
    "Warsaw",
    "Tel Aviv",
    "Doha",
    "Taipei",
    "Rome",
    "Madrid",
    "Canberra",
    "Mexico City",
    "Beirut",
    // Countries by their abbreviation, which the country data lacks.
    "U.S.",
    "US",
    "U.K.",
    "UK",
];

/// US states with their AP-style abbreviation and postal code, as party tags
/// write them ("Sen. Rand Paul, R-Ky.", "Rep. Ted Lieu (D-CA)"). `keshvar`
/// carries the postal codes but not the AP abbreviations news uses, so the
/// 50 are listed here (AP writes eight states in full).
const US_STATES: &[(&str, &str, &str)] = &[
    ("Alabama", "Ala.", "AL"),
    ("Alaska", "Alaska", "AK"),
    ("Arizona", "Ariz.", "AZ"),
    ("Arkansas", "Ark.", "AR"),
    ("California", "Calif.", "CA"),
    ("Colorado", "Colo.", "CO"),
    ("Connecticut", "Conn.", "CT"),
    ("Delaware", "Del.", "DE"),
    ("Florida", "Fla.", "FL"),
    ("Georgia", "Ga.", "GA"),
    ("Hawaii", "Hawaii", "HI"),
    ("Idaho", "Idaho", "ID"),
    ("Illinois", "Ill.", "IL"),
    ("Indiana", "Ind.", "IN"),
    ("Iowa", "Iowa", "IA"),
    ("Kansas", "Kan.", "KS"),
    ("Kentucky", "Ky.", "KY"),
    ("Louisiana", "La.", "LA"),
    ("Maine", "Maine", "ME"),
    ("Maryland", "Md.", "MD"),
    ("Massachusetts", "Mass.", "MA"),
    ("Michigan", "Mich.", "MI"),
    ("Minnesota", "Minn.", "MN"),
    ("Mississippi", "Miss.", "MS"),
    ("Missouri", "Mo.", "MO"),
    ("Montana", "Mont.", "MT"),
    ("Nebraska", "Neb.", "NE"),
    ("Nevada", "Nev.", "NV"),
    ("New Hampshire", "N.H.", "NH"),
    ("New Jersey", "N.J.", "NJ"),
    ("New Mexico", "N.M.", "NM"),
    ("New York", "N.Y.", "NY"),
    ("North Carolina", "N.C.", "NC"),
    ("North Dakota", "N.D.", "ND"),
    ("Ohio", "Ohio", "OH"),
    ("Oklahoma", "Okla.", "OK"),
    ("Oregon", "Ore.", "OR"),
    ("Pennsylvania", "Pa.", "PA"),
    ("Rhode Island", "R.I.", "RI"),
    ("South Carolina", "S.C.", "SC"),
    ("South Dakota", "S.D.", "SD"),
    ("Tennessee", "Tenn.", "TN"),
    ("Texas", "Texas", "TX"),
    ("Utah", "Utah", "UT"),
    ("Vermont", "Vt.", "VT"),
    ("Virginia", "Va.", "VA"),
    ("Washington", "Wash.", "WA"),
    ("West Virginia", "W.Va.", "WV"),
    ("Wisconsin", "Wis.", "WI"),
    ("Wyoming", "Wyo.", "WY"),
];

/// How a party tag may write `place` when it is a US state: "-Ky" and
/// "-KY" for "Kentucky" (the AP form without its period, which a tag may
/// drop: "R-Ky"); the state itself otherwise.
pub fn tag_forms(place: &str) -> Vec<String> {
    match US_STATES.iter().find(|(state, _, _)| *state == place) {
        Some((state, ap, postal)) => vec![
            format!("-{state}"),
            format!("-{}", ap.trim_end_matches('.')),
            format!("-{postal}"),
        ],
        None => Vec::new(),
    }
}

/// What a place named as a source stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A country or a seat of government: its government ("Russia said").
    Government,
    /// Any other place: not a source.
    Other,
}

struct Lists {
    countries: HashSet<&'static str>,
    places: HashSet<&'static str>,
    demonyms: HashSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut places: HashSet<&'static str> = EXTRA_PLACES.iter().copied().collect();
        let mut countries: HashSet<&'static str> = SEATS_OF_GOVERNMENT.iter().copied().collect();
        let mut demonyms: HashSet<&'static str> = EXTRA_DEMONYMS.iter().copied().collect();
        for country in keshvar::CountryIterator::new() {
            countries.insert(country.iso_short_name());
            countries.extend(
                country
                    .unofficial_name_list()
                    .iter()
                    .copied()
                    .filter(|n| n.is_ascii()),
            );
            // "American", "South Korean"; one-word forms only (a two-word
            // nationality is matched by its words' run, not as one token).
            if let Some(n) = country.maybe_nationality() {
                demonyms.insert(n);
            }
            // States, provinces, oblasts: "New Jersey", "Donetsk".
            for sub in country.subdivisions().values() {
                places.insert(sub.name());
                places.extend(
                    sub.unofficial_name_list()
                        .iter()
                        .copied()
                        .filter(|n| n.is_ascii()),
                );
            }
        }
        places.extend(cities::all().iter().map(|c| c.city));
        places.extend(countries.iter().copied());
        Lists {
            countries,
            places,
            demonyms,
        }
    })
}

/// Whether `name` (as written, e.g. "Kyiv", "Saudi Arabia", "Donetsk")
/// names a country, a city or a region, and what it stands for as a source.
pub fn place(name: &str) -> Option<Place> {
    let l = lists();
    if l.countries.contains(name) {
        Some(Place::Government)
    } else if l.places.contains(name) {
        Some(Place::Other)
    } else {
        None
    }
}

/// Whether `name` names a place.
pub fn is_place(name: &str) -> bool {
    place(name).is_some()
}

/// Whether `word` is a nationality or regional adjective ("Russian",
/// "European", "Saudi"), singular or plural ("Russians").
pub fn is_demonym(word: &str) -> bool {
    let l = lists();
    l.demonyms.contains(word)
        || word
            .strip_suffix('s')
            .is_some_and(|w| l.demonyms.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_demonyms_of_the_issue_examples() {
        for p in [
            "Washington",
            "New Jersey",
            "Kyiv",
            "Donetsk",
            "Moscow",
            "Russia",
            "Saudi Arabia",
            "Ukraine",
        ] {
            assert!(is_place(p), "{p}");
        }
        for d in [
            "European",
            "Saudi",
            "Russian",
            "American",
            "Ukrainian",
            "Russians",
        ] {
            assert!(is_demonym(d), "{d}");
        }
        assert_eq!(place("Moscow"), Some(Place::Government));
        assert_eq!(place("Saudi Arabia"), Some(Place::Government));
        assert_eq!(place("Donetsk"), Some(Place::Other));
        for not in ["Witkoff", "Trump", "Ushakov", "Bloomberg", "Said"] {
            assert!(!is_place(not) && !is_demonym(not), "{not}");
        }
    }
}
