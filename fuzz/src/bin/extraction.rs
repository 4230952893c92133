//! Any bytes as an `extraction.jsonl` line (a file users may edit): when a
//! record validates, slicing every span must work, as the report does.
use credence_extract::Extraction;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(e) = serde_json::from_slice::<Extraction>(data) else {
            return;
        };
        if e.validate().is_ok() {
            credence_fuzz::slice_everything(&e);
        }
    });
}
