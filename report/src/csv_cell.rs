//! CSV cells that spreadsheets open safely.

/// Neutralise a cell a spreadsheet would run as a formula: a text cell
/// starting with `=`, `+`, `-`, `@` (or a tab / carriage return) gets a
/// leading apostrophe, which spreadsheets display as plain text (OWASP's
/// advice for CSV injection).
pub fn safe(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// An optional offset as a cell (empty when absent).
pub fn offset(v: Option<usize>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(safe("=1+1"), "'=1+1");
        assert_eq!(safe("-2"), "'-2");
        assert_eq!(safe("@SUM"), "'@SUM");
        assert_eq!(safe("Witkoff"), "Witkoff");
    }
}
