//! `.csv` with the same columns as JSONL (header first).

use super::{Record, Sink};
use crate::error::ExtractError;
use std::path::Path;

pub(crate) fn read_csv(path: &Path, sink: &mut Sink) -> Result<(), ExtractError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_path(path)
        .map_err(|e| ExtractError::input(path, 0, format!("cannot open CSV: {e}")))?;
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return sink.fail(path, 1, "", format!("unreadable CSV header: {e}")),
    };
    let f = sink.options.fields.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let Some(text_col) = col(&f.text) else {
        return sink.fail(path, 1, "", format!("missing `{}` column", f.text));
    };
    if col(&f.id).is_none() {
        return sink.fail(path, 1, "", format!("missing `{}` column", f.id));
    }
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line() as usize);
                let mut r = Record::default();
                for (i, value) in record.iter().enumerate() {
                    let name = headers.get(i).unwrap_or_default().trim();
                    let value = value.to_string();
                    if i == text_col {
                        r.text = Some(Ok(value));
                    } else if name == f.id {
                        r.id = Some(value);
                    } else if name == f.outlet {
                        r.outlet = value;
                    } else if name == f.url {
                        r.url = value;
                    } else if name == f.published {
                        r.published = value;
                    } else if name == f.title {
                        r.title = value;
                    } else {
                        r.metadata.insert(name.to_string(), value);
                    }
                }
                sink.push(path, line, r)?;
            }
            Err(e) => {
                let at = e.position().map_or(line.max(1), |p| p.line() as usize);
                let reason = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_string(),
                    _ => format!("malformed CSV record: {e}"),
                };
                sink.fail(path, at, "", reason)?;
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    return Ok(());
                }
            }
        }
    }
}
