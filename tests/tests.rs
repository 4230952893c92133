//! End-to-end tests of the `credence` binary and snapshot tests over `corpus/`.

#[path = "suite/browser.rs"]
mod browser;
#[path = "suite/cli.rs"]
mod cli;
#[path = "suite/robustness.rs"]
mod robustness;
#[path = "suite/snapshots.rs"]
mod snapshots;
