//! `.jsonl` / `.jsonl.gz`: one JSON object per line.

use super::{Record, Sink, TextError};
use crate::error::ExtractError;
use flate2::read::MultiGzDecoder;
use serde_json::Value;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

pub(crate) fn read_jsonl(path: &Path, gz: bool, sink: &mut Sink) -> Result<(), ExtractError> {
    let file = File::open(path).map_err(|e| ExtractError::io(path, e))?;
    let reader: Box<dyn Read> = if gz {
        Box::new(MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let mut buf = Vec::new();
    let mut line = 0;
    loop {
        buf.clear();
        let n = match reader.read_until(b'\n', &mut buf) {
            Ok(n) => n,
            // A truncated or corrupt file (or gzip stream): what was read
            // before the damage is kept; the rest is one reject, since how
            // many records it held cannot be known.
            Err(e) => {
                let reason = if line == 0 {
                    format!("unreadable: {e}")
                } else {
                    format!("unreadable after line {line} (the lines before it were read): {e}")
                };
                return sink.fail(path, line + 1, "", reason);
            }
        };
        if n == 0 {
            return Ok(());
        }
        line += 1;
        let Ok(text) = std::str::from_utf8(&buf) else {
            sink.fail(path, line, "", "invalid UTF-8".into())?;
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => {
                let record = record_from_json(map, sink);
                sink.push(path, line, record)?;
            }
            Ok(_) => sink.fail(path, line, "", "not a JSON object".into())?,
            Err(e) => sink.fail(path, line, "", format!("malformed JSON: {e}"))?,
        }
    }
}

fn as_string(v: Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s),
        Value::Null => None,
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        other => Some(other.to_string()),
    }
}

/// How a JSON value is described in an error.
fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn record_from_json(map: serde_json::Map<String, Value>, sink: &Sink) -> Record {
    let f = &sink.options.fields;
    let mut r = Record::default();
    for (k, v) in map {
        if k == f.id {
            r.id = as_string(v);
        } else if k == f.text {
            r.text = Some(match v {
                Value::String(s) => Ok(s),
                Value::Null => Err(TextError::Missing),
                other => Err(TextError::NotText(json_type(&other))),
            });
        } else if k == f.outlet {
            r.outlet = as_string(v).unwrap_or_default();
        } else if k == f.url {
            r.url = as_string(v).unwrap_or_default();
        } else if k == f.published {
            r.published = as_string(v).unwrap_or_default();
        } else if k == f.title {
            r.title = as_string(v).unwrap_or_default();
        } else if let Some(s) = as_string(v) {
            r.metadata.insert(k, s);
        }
    }
    r
}
