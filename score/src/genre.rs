//! What kind of article it is: `news`, `opinion` (columns, editorials,
//! analysis written in the first person) or `other` (too short to say).
//!
//! Opinion pieces quote little and credit few sources by design, so an
//! outlet heavy in opinion would sink beside straight-news desks whatever
//! its record: the report ranks outlets on their news and reports opinion
//! apart. The genre is decided, in order, by
//!
//! 1. the URL, when it marks the article: `/opinion/`, `/opinions/`,
//!    `commentisfree`, `/op-ed/`, `/columnists/`, `/commentary/`,
//!    `/editorial(s)/` → opinion ([`url_genre`]);
//! 2. the length: under [`MIN_WORDS`] words → other;
//! 3. otherwise a logistic model over the title and text ([`Model`]): hashed
//!    word counts (`1 + ln tf`, L2-normalised) and a few cues a reader uses —
//!    a title that says "Opinion" or opens with a columnist's name, a closing
//!    author bio ("is a senior fellow at…", "The views expressed…"), the rate
//!    of "I", "we", "you", "should"/"must", questions and quotation marks.
//!
//! The model is fitted by `credence eval-genre --fit-out` on the AllSides
//! articles whose URL marks them (opinion markers above against news
//! sections such as `/politics/`, [`url_label`]), with the URL hidden, on
//! the half of them whose id hashes even; `credence eval-genre` measures it
//! on the other half. It is embedded at build time (`model/genre.bin`).

use rustc_hash::FxHasher;
use std::hash::Hasher;

/// An article's genre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Genre {
    /// Reporting.
    News,
    /// Columns, editorials, first-person analysis.
    Opinion,
    /// Too short to tell (captions, video pages, briefs).
    Other,
}

impl Genre {
    /// The `genre` column's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Genre::News => "news",
            Genre::Opinion => "opinion",
            Genre::Other => "other",
        }
    }
}

/// Fewer words than this and the genre is [`Genre::Other`].
pub const MIN_WORDS: usize = 80;

/// Hashed word buckets.
const BUCKETS: usize = 1 << 17;
/// Cue features, after the buckets.
const CUES: usize = 12;
/// Features in all.
pub const FEATURES: usize = BUCKETS + CUES;

fn has_any(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| haystack.contains(n))
}

/// Opinion by the URL's path, when it says so.
pub fn url_genre(url: &str) -> Option<Genre> {
    let u = url.to_ascii_lowercase();
    has_any(
        &u,
        &[
            "/opinion/",
            "/opinions/",
            "/opinion-",
            "commentisfree",
            "/op-ed",
            "/oped/",
            "/columnists/",
            "/columnist/",
            "/commentary/",
            "/editorial/",
            "/editorials/",
        ],
    )
    .then_some(Genre::Opinion)
}

/// Whether `lower` (a lower-cased title) starts with the word `word`
/// ("opinion: …", "opinion | …"; not "opinions differ …").
fn starts_with_word(lower: &str, word: &str) -> bool {
    lower
        .strip_prefix(word)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
}

/// Opinion by the title, when the publisher labels it so: "Opinion: …",
/// "OPINION | …", "Op-Ed: …", "Editorial: …".
pub fn title_genre(title: &str) -> Option<Genre> {
    let t = title.trim_start().to_lowercase();
    [
        "opinion",
        "op-ed",
        "editorial:",
        "editorial |",
        "commentary:",
    ]
    .iter()
    .any(|p| starts_with_word(&t, p))
    .then_some(Genre::Opinion)
}

/// The label an evaluation takes from a URL: opinion by its markers
/// ([`url_genre`]), news by a news section of the site (`/politics/`,
/// `/world/`, `/us/`, `/news/`, …), none otherwise — and none for a news
/// section whose article's title labels it opinion ([`title_genre`]): the
/// Washington Times files its columns ("OPINION: …") under `/news/`, and
/// the two markers contradict each other.
pub fn url_label(url: &str, title: &str) -> Option<Genre> {
    if let Some(g) = url_genre(url) {
        return Some(g);
    }
    if title_genre(title).is_some() {
        return None;
    }
    let u = url.to_ascii_lowercase();
    let sections = [
        "/news/",
        "/politics/",
        "/us/",
        "/world/",
        "/us-news/",
        "/world-news/",
        "/nation/",
        "/national/",
        "/nyregion/",
        "/business/",
        "/health/",
        "/science/",
        "/technology/",
        "/tech/",
        "/local/",
        "/economy/",
        "/election/",
        "/elections/",
        "/congress/",
        "/white-house/",
        "/justice/",
        "/crime/",
        "/media/",
        "/sections/",
    ];
    has_any(&u, &sections).then_some(Genre::News)
}

/// Calls `each` with every word of `text` (letters, digits and inner
/// apostrophes), lower-cased, `’` as `'`.
///
/// The words go through one reused buffer: this runs over every article's
/// text, and a `String` (two, with the apostrophe) per word was a third of
/// the genre model's instructions. Non-ASCII words take `str::to_lowercase`, which
/// knows context (a final sigma), so the words are the ones it gives.
fn each_word(text: &str, mut each: impl FnMut(&str)) {
    let mut buf = String::new();
    for w in text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
    {
        buf.clear();
        if w.is_ascii() {
            buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            each(&buf);
        } else {
            each(&w.to_lowercase().replace('’', "'"));
        }
    }
}

fn bucket(word: &str, salt: u8) -> usize {
    let mut h = FxHasher::default();
    h.write_u8(salt);
    h.write(word.as_bytes());
    (h.finish() as usize) % BUCKETS
}

/// The title's opinion cues: "Opinion", "Op-Ed", "Column", "Editorial",
/// "Commentary", "… view on …", or a columnist's name before a colon
/// ("RAHN: A carbon tax…", "Doug Schoen: …").
fn title_cues(title: &str) -> [f32; 3] {
    let t = title.trim();
    let lower = t.to_lowercase();
    let marked = starts_with_word(&lower, "opinion")
        || has_any(
            &lower,
            &["op-ed", "column:", "editorial", "commentary", " view on "],
        );
    let named = t.split_once(':').is_some_and(|(head, _)| {
        let words: Vec<&str> = head.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    });
    let question = t.ends_with('?');
    [
        f32::from(u8::from(marked)),
        f32::from(u8::from(named)),
        f32::from(u8::from(question)),
    ]
}

/// The features of an article (sparse: `(index, value)`).
pub fn features(title: &str, text: &str) -> Vec<(usize, f32)> {
    let mut counts: rustc_hash::FxHashMap<usize, f32> = rustc_hash::FxHashMap::default();
    let (mut n, mut first, mut we, mut you, mut modal) = (0usize, 0usize, 0usize, 0usize, 0usize);
    each_word(text, |w| {
        n += 1;
        match w {
            "i" | "i'm" | "i've" | "i'd" | "my" | "me" | "mine" | "myself" => first += 1,
            "we" | "our" | "us" | "ourselves" | "we're" | "we've" => we += 1,
            "you" | "your" | "you're" | "yourself" => you += 1,
            "should" | "must" | "ought" => modal += 1,
            _ => {}
        }
        *counts.entry(bucket(w, 0)).or_default() += 1.0;
    });
    each_word(title, |w| {
        *counts.entry(bucket(w, 1)).or_default() += 1.0;
    });
    let mut out: Vec<(usize, f32)> = counts.into_iter().map(|(i, c)| (i, 1.0 + c.ln())).collect();
    let norm = out.iter().map(|(_, v)| v * v).sum::<f32>().sqrt().max(1e-6);
    for (_, v) in &mut out {
        *v /= norm;
    }
    out.sort_unstable_by_key(|&(i, _)| i);
    let per100 = |k: usize| (100.0 * k as f32 / n.max(1) as f32).min(5.0);
    // The last 600 characters.
    let tail = {
        let from = text.char_indices().rev().nth(599).map_or(0, |(i, _)| i);
        text[from..].to_lowercase()
    };
    let bio = has_any(
        &tail,
        &[
            "is a columnist",
            "is a contributor",
            "is a senior fellow",
            "is a professor",
            "is the author of",
            "views expressed",
            "opinions expressed",
            "is a syndicated",
            "is an opinion",
            "follow him on twitter",
            "follow her on twitter",
            "is a contributing",
        ],
    );
    let quotes = text
        .chars()
        .filter(|c| matches!(c, '"' | '“' | '”'))
        .count();
    let questions = text.chars().filter(|&c| c == '?').count();
    let [marked, named, question] = title_cues(title);
    let cues = [
        marked,
        named,
        question,
        f32::from(u8::from(bio)),
        per100(first) / 5.0,
        per100(we) / 5.0,
        per100(you) / 5.0,
        per100(modal) / 5.0,
        per100(questions) / 5.0,
        per100(quotes) / 5.0,
        (n.max(1) as f32).ln() / 10.0,
        1.0,
    ];
    out.extend(cues.into_iter().enumerate().map(|(i, v)| (BUCKETS + i, v)));
    out
}

/// A fitted model: one weight per feature and a bias.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Weights, [`FEATURES`] of them.
    pub weights: Vec<f32>,
    /// The bias.
    pub bias: f32,
    /// Probability of opinion from which an article is opinion.
    pub threshold: f32,
}

const MAGIC: &[u8; 8] = b"CRDGEN01";

impl Model {
    /// The model built into credence.
    pub fn embedded() -> &'static Model {
        static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(include_bytes!("../model/genre.bin"))
                .expect("the embedded genre model is valid (checked by a test)")
        })
    }

    /// Probability that an article with these features is opinion.
    pub fn probability(&self, features: &[(usize, f32)]) -> f32 {
        let z: f32 = self.bias
            + features
                .iter()
                .map(|&(i, v)| self.weights.get(i).copied().unwrap_or(0.0) * v)
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }

    /// The model as bytes: magic, feature count, threshold, bias, weights
    /// (little-endian f32).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(20 + 4 * self.weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.weights.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.threshold.to_le_bytes());
        out.extend_from_slice(&self.bias.to_le_bytes());
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Read [`Model::to_bytes`]'s output.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let f32_at = |at: usize| -> Result<f32, String> {
            bytes
                .get(at..at + 4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .ok_or_else(|| "truncated".to_string())
        };
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Err("not a credence genre model".into());
        }
        let n = bytes
            .get(8..12)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or("truncated")?;
        if n != FEATURES || bytes.len() != 20 + 4 * n {
            return Err(format!(
                "{n} features in {} bytes; expected {FEATURES}",
                bytes.len()
            ));
        }
        Ok(Model {
            threshold: f32_at(12)?,
            bias: f32_at(16)?,
            weights: (0..n)
                .map(|i| f32_at(20 + 4 * i))
                .collect::<Result<_, _>>()?,
        })
    }

    /// Fit on `(features, is opinion)` examples: logistic loss with L2
    /// (`l2`), AdaGrad, `epochs` passes in the given order (deterministic),
    /// the classes weighted to count equally. The threshold is left at 0.5.
    pub fn fit(examples: &[(Vec<(usize, f32)>, bool)], epochs: usize, l2: f32) -> Model {
        let positives = examples.iter().filter(|e| e.1).count().max(1) as f32;
        let negatives = (examples.len() as f32 - positives).max(1.0);
        let (wp, wn) = (
            examples.len() as f32 / (2.0 * positives),
            examples.len() as f32 / (2.0 * negatives),
        );
        let mut m = Model {
            weights: vec![0.0; FEATURES],
            bias: 0.0,
            threshold: 0.5,
        };
        let mut g2 = vec![1e-8f32; FEATURES];
        let mut gb = 1e-8f32;
        let rate = 0.5f32;
        for _ in 0..epochs {
            for (x, y) in examples {
                let p = m.probability(x);
                let weight = if *y { wp } else { wn };
                let g = weight * (p - f32::from(u8::from(*y)));
                for &(i, v) in x {
                    let grad = g * v + l2 * m.weights[i];
                    g2[i] += grad * grad;
                    m.weights[i] -= rate * grad / g2[i].sqrt();
                }
                gb += g * g;
                m.bias -= rate * g / gb.sqrt();
            }
        }
        m
    }
}

/// How likely an article is opinion from its title and text alone (its
/// URL left out): 1 when the title labels it so, 0 under [`MIN_WORDS`]
/// words, else `model`'s probability. What [`genre`] decides on and what
/// `credence eval-genre` measures.
pub fn opinion_probability(model: &Model, title: &str, text: &str, words: usize) -> f32 {
    if title_genre(title).is_some() {
        1.0
    } else if words < MIN_WORDS {
        0.0
    } else {
        model.probability(&features(title, text))
    }
}

/// The genre of an article from its URL, title and text (see the module docs).
pub fn genre(url: &str, title: &str, text: &str, words: usize) -> Genre {
    if url_genre(url).is_some() {
        return Genre::Opinion;
    }
    let m = Model::embedded();
    if opinion_probability(m, title, text, words) >= m.threshold {
        Genre::Opinion
    } else if words < MIN_WORDS {
        Genre::Other
    } else {
        Genre::News
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_mark_opinion_and_news_sections() {
        assert_eq!(
            url_genre("https://www.nytimes.com/2020/01/28/opinion/x.html"),
            Some(Genre::Opinion)
        );
        assert_eq!(
            url_genre("https://www.theguardian.com/commentisfree/2019/x"),
            Some(Genre::Opinion)
        );
        assert_eq!(url_genre("https://www.cnn.com/2020/politics/x"), None);
        assert_eq!(
            url_label("https://www.cnn.com/2020/politics/x", "T"),
            Some(Genre::News)
        );
        assert_eq!(url_label("https://example.org/x", "T"), None);
        // Contradicting markers: no label.
        assert_eq!(
            url_label("https://www.washingtontimes.com/news/x", "OPINION: Y"),
            None
        );
        assert_eq!(
            title_genre("Opinion | The case for X"),
            Some(Genre::Opinion)
        );
        assert_eq!(title_genre("Opinions differ on the bill"), None);
    }

    #[test]
    fn title_cues_read_opinion_labels_and_columnist_names() {
        assert_eq!(title_cues("OPINION: Why nice guys finish last")[0], 1.0);
        assert_eq!(title_cues("RAHN: A carbon tax would make no sense")[1], 1.0);
        assert_eq!(title_cues("Doug Schoen: Two big winners")[1], 1.0);
        assert_eq!(
            title_cues("Trump at UN threatens North Korea"),
            [0.0, 0.0, 0.0]
        );
    }

    #[test]
    fn the_embedded_model_is_valid_and_round_trips() {
        let m = Model::embedded();
        assert_eq!(m.weights.len(), FEATURES);
        assert_eq!(Model::from_bytes(&m.to_bytes()).as_ref(), Ok(m));
        assert!(Model::from_bytes(b"nonsense").is_err());
    }

    #[test]
    fn fit_learns_a_separable_cue() {
        let ex = |first_person: bool| {
            let text = if first_person {
                "I think we should act. I believe my view is right and you should agree with me."
            } else {
                "The council voted on Tuesday. Officials said the budget passed by seven votes."
            };
            (features("", text), first_person)
        };
        let examples: Vec<_> = (0..40).map(|i| ex(i % 2 == 0)).collect();
        let m = Model::fit(&examples, 5, 1e-6);
        assert!(m.probability(&examples[0].0) > 0.8);
        assert!(m.probability(&examples[1].0) < 0.2);
    }
}
