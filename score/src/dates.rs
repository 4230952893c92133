//! Publication dates as found in the wild: `2016-09-20` (optionally with a
//! time), `9/6/17` and `9/6/2017` (US month first), `Sept. 20, 2016`,
//! `September 20, 2016`, `20 September 2016`. Anything else is unknown:
//! never guessed.

use chrono::NaiveDate;
use credence_extract::lexicon::dates::MONTHS;

/// The date in `raw`, if it is in one of the accepted formats. Empty → `None`.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    iso(s).or_else(|| us_numeric(s)).or_else(|| written(s))
}

/// `YYYY-MM-DD`, optionally followed by `T…` or ` …` (a time).
fn iso(s: &str) -> Option<NaiveDate> {
    let date = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// `M/D/YY` or `M/D/YYYY`; two-digit years are 20YY (the archives here start in 2010).
fn us_numeric(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    let y: i32 = match y.len() {
        2 => 2000 + y.parse::<i32>().ok()?,
        4 => y.parse().ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `Sept. 20, 2016`, `September 20 2016`, `20 Sep 2016`.
fn written(s: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let [a, b, c] = words.as_slice() else {
        return None;
    };
    let (month, day) = match (month(a), month(b)) {
        (Some(m), None) => (m, b),
        (None, Some(m)) => (m, a),
        _ => return None,
    };
    let day: u32 = day
        .trim_end_matches(|c: char| c.is_alphabetic())
        .parse()
        .ok()?;
    let year: i32 = if c.len() == 4 {
        c.parse().ok()?
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A month name or its abbreviation of three letters or more ("Sept.", "Sep", "September").
fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|name| name.starts_with(w.as_str()))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn formats_in_the_wild() {
        assert_eq!(parse_date("2016-09-20"), d(2016, 9, 20));
        assert_eq!(parse_date("2016-09-20T14:03:00Z"), d(2016, 9, 20));
        assert_eq!(parse_date("9/6/17"), d(2017, 9, 6));
        assert_eq!(parse_date("12/22/16"), d(2016, 12, 22));
        assert_eq!(parse_date("4/4/2017"), d(2017, 4, 4));
        assert_eq!(parse_date("Sept. 20, 2016"), d(2016, 9, 20));
        assert_eq!(parse_date("September 20, 2016"), d(2016, 9, 20));
        assert_eq!(parse_date("Sep 20 2016"), d(2016, 9, 20));
        assert_eq!(parse_date("20 September 2016"), d(2016, 9, 20));
        assert_eq!(parse_date("Oct. 29, 2025"), d(2025, 10, 29));
    }

    #[test]
    fn junk_is_unknown_not_guessed() {
        for junk in [
            "",
            "  ",
            "yesterday",
            "2016-13-01",
            "13/40/17",
            "2016",
            "Sept. 2016",
            "Mayday 3, 2016",
            "2016-09-20abc",
        ] {
            assert_eq!(parse_date(junk), None, "{junk:?}");
        }
    }
}
