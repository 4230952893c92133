//! Pronouns, by what they can refer to. Lowercase.

/// Pronouns that refer to one person.
pub const PERSON: &[&str] = &["he", "she", "him", "her", "i", "me", "his"];

/// Pronouns that refer to a group (an organisation, unnamed officials).
pub const GROUP: &[&str] = &["they", "we", "them", "us"];

/// Possessive determiners: never a source on their own ("Their discussion
/// centered on").
pub const POSSESSIVE: &[&str] = &["their", "its", "our", "my", "your"];

/// Pronouns that refer to the noun before them.
pub const RELATIVE: &[&str] = &["who", "which", "that", "it"];

/// Subject pronouns that can be a speaker ("he said", "we believe"): a
/// speaker rule takes them where it would take a name.
pub const SPEAKER: &[&str] = &["he", "she", "they", "i", "we"];

/// Pronouns the role tagger sees as one feature: the [`SPEAKER`] pronouns
/// and these. (Part of the trained model's feature set: changing it means
/// retraining.)
pub const TAGGER_EXTRA: &[&str] = &["it", "who", "you", "which"];

/// Whether `w` (any case) is a [`SPEAKER`] pronoun.
pub fn is_speaker(w: &str) -> bool {
    SPEAKER.contains(&w.to_lowercase().as_str())
}
