//! Exit codes, the contract CI scripts rely on:
//!
//! | code | meaning |
//! |---|---|
//! | 0 | done |
//! | 1 | a gate tripped: `diff --fail-above` saw a larger move |
//! | 2 | bad input or usage: a bad corpus record, config, run directory, output directory or argument |
//! | 3 | an internal error or the environment failed (a disk full, a write refused, extraction failing on one article without `--keep-going`) |
//! | 101 | a crash: a bug in credence (please report it with the input) |

use credence_extract::ExtractError;
use credence_score::ScoreError;
use std::fmt;
use std::process::ExitCode;

/// A gate tripped.
pub const GATE: u8 = 1;
/// Bad input or usage.
pub const BAD_INPUT: u8 = 2;
/// Internal error.
pub const INTERNAL: u8 = 3;

/// Context marking an error as the user's input or usage (exit 2), for
/// errors that are not already typed as such (a missing run directory, an
/// unreadable config file, an output directory credence will not replace).
#[derive(Debug)]
pub struct BadInput(pub String);

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// The exit code for an error that ended a command.
pub fn code(err: &anyhow::Error) -> ExitCode {
    let input = err.downcast_ref::<BadInput>().is_some()
        || err.chain().any(|e| {
            e.downcast_ref::<ExtractError>().is_some()
                || matches!(
                    e.downcast_ref::<ScoreError>(),
                    Some(ScoreError::Config { .. })
                )
        });
    ExitCode::from(if input { BAD_INPUT } else { INTERNAL })
}
