//! A directory of `.txt`/`.md` articles, with an optional `manifest.csv`
//! (`id,outlet,url,published,title`, id = file stem) and optional front matter
//! (`---` / `key: value` lines / `---`) at the top of each file. With front
//! matter, the article text (and every offset) starts after the closing `---`.
//! `.jsonl`, `.jsonl.gz` and `.csv` files in the directory are read as corpora too.

use super::{line_of, Record, Sink};
use crate::error::ExtractError;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

type Manifest = BTreeMap<String, (usize, BTreeMap<String, String>)>;

pub(crate) fn read_dir(dir: &Path, sink: &mut Sink) -> Result<(), ExtractError> {
    let entries = std::fs::read_dir(dir).map_err(|e| ExtractError::io(dir, e))?;
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in entries {
        files.push(entry.map_err(|e| ExtractError::io(dir, e))?.path());
    }
    files.sort();
    let manifest_path = dir.join("manifest.csv");
    let mut manifest = if manifest_path.is_file() {
        read_manifest(&manifest_path, sink)?
    } else {
        Manifest::new()
    };
    for path in &files {
        if *path == manifest_path || path.is_dir() {
            continue;
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if name.ends_with(".txt") || name.ends_with(".md") {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let meta = manifest.remove(stem).map(|(_, m)| m);
            read_text_file(path, meta, sink)?;
        } else if name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") || name.ends_with(".csv")
        {
            super::read_path(path, sink)?;
        }
    }
    for (id, (line, _)) in manifest {
        sink.fail(
            &manifest_path,
            line,
            &id,
            format!("manifest lists `{id}` but there is no {id}.txt or {id}.md"),
        )?;
    }
    Ok(())
}

fn read_manifest(path: &Path, sink: &mut Sink) -> Result<Manifest, ExtractError> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| ExtractError::input(path, 0, e.to_string()))?;
    let headers = reader
        .headers()
        .map_err(|e| ExtractError::input(path, 1, e.to_string()))?
        .clone();
    if !headers.iter().any(|h| h.trim() == "id") {
        return Err(ExtractError::input(
            path,
            1,
            "manifest.csv has no `id` column",
        ));
    }
    let mut out = Manifest::new();
    for row in reader.records() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                sink.fail(path, line, "", format!("malformed manifest row: {e}"))?;
                continue;
            }
        };
        let line = row.position().map_or(0, |p| p.line() as usize);
        let fields: BTreeMap<String, String> = headers
            .iter()
            .zip(row.iter())
            .map(|(h, v)| (h.trim().to_string(), v.to_string()))
            .collect();
        let id = fields.get("id").cloned().unwrap_or_default();
        if let Some((first, _)) = out.get(&id) {
            let reason = format!("duplicate id `{id}` in manifest.csv (first at line {first})");
            sink.fail(path, line, &id, reason)?;
            continue;
        }
        out.insert(id, (line, fields));
    }
    Ok(out)
}

/// Read one article file; `meta` are its manifest fields.
pub(crate) fn read_text_file(
    path: &Path,
    meta: Option<BTreeMap<String, String>>,
    sink: &mut Sink,
) -> Result<(), ExtractError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            if sink.options.keep_going {
                return sink.fail(path, 0, "", format!("unreadable: {e}"));
            }
            return Err(ExtractError::io(path, e));
        }
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = line_of(e.as_bytes(), e.utf8_error().valid_up_to());
            return sink.fail(path, line, &stem, "invalid UTF-8".into());
        }
    };
    let Some((front, text)) = split_front_matter(text) else {
        let reason = "front matter opened with `---` on line 1 has no closing `---` line".into();
        return sink.fail(path, 1, &stem, reason);
    };
    let mut record = Record {
        id: Some(stem),
        text: Some(Ok(text)),
        ..Record::default()
    };
    for (k, v) in front.into_iter().chain(meta.unwrap_or_default()) {
        match k.as_str() {
            "id" => record.id = Some(v).filter(|v| !v.is_empty()).or(record.id),
            "outlet" => record.outlet = v,
            "url" => record.url = v,
            "published" => record.published = v,
            "title" => record.title = v,
            _ => {
                record.metadata.insert(k, v);
            }
        }
    }
    sink.push(path, 0, record)
}

/// Split `---\nkey: value\n---\n` off the top of a file; `None` when the
/// front matter is never closed.
fn split_front_matter(text: String) -> Option<(Vec<(String, String)>, String)> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Some((Vec::new(), text));
    };
    let end = rest.find("\n---")?;
    let header = &rest[..end];
    let after = &rest[end + 4..];
    let after = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .unwrap_or(after);
    let fields = header
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().trim_matches('"').to_string()))
        .collect();
    Some((fields, after.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_off() {
        let (f, t) =
            split_front_matter("---\noutlet: AP\ntitle: \"X\"\n---\nBody.".to_string()).unwrap();
        assert_eq!(
            f,
            [
                ("outlet".to_string(), "AP".to_string()),
                ("title".to_string(), "X".to_string())
            ]
        );
        assert_eq!(t, "Body.");
        assert!(split_front_matter("---\ntitle: X\nBody.".to_string()).is_none());
    }
}
