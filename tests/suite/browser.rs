//! report.html in a real browser: Debian's `chromium`, headless. It must
//! load, run its script (sorting a table, checked by the page itself with
//! `#selftest`) and render to a screenshot. Where no browser is installed
//! the test says so and passes, except under CI (`CI` set), where `.ci/run`
//! installs one and its absence fails.

use crate::cli::{corpus, credence, stderr};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The browser: `$CREDENCE_CHROMIUM`, or `chromium` / `chromium-browser` on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CREDENCE_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
}

fn headless(browser: &Path, profile: &Path, args: &[&str]) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("the browser starts")
}

#[test]
fn the_html_report_loads_sorts_and_renders_in_a_browser() {
    let Some(browser) = chromium() else {
        // CI installs a browser: there, its absence is a failure, not a skip.
        assert!(
            std::env::var_os("CI").is_none(),
            "no chromium on the CI machine (.ci/run installs Debian's `chromium`)"
        );
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "SKIPPED the_html_report_loads_sorts_and_renders_in_a_browser: no chromium \
                 (install Debian's `chromium`, or set CREDENCE_CHROMIUM)"
            );
        }
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = credence(&["run", &corpus(), "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = out.join("report.html");
    let url = format!("file://{}", page.display());
    let profile = dir.path().join("profile");

    // The script ran and sorted a numeric column into order.
    let o = headless(
        &browser,
        &profile,
        &["--dump-dom", &format!("{url}#selftest")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let dom = String::from_utf8_lossy(&o.stdout);
    assert!(dom.contains("data-selftest=\"ok\""), "{dom}");
    assert!(dom.contains("data-ready-ms="), "the page timed itself");
    assert!(dom.contains("class=\"table-wrap\""));
    assert!(dom.contains("<svg"), "the charts are inline");

    // A screenshot: a PNG of the size asked for, with more in it than a blank page.
    let shot = dir.path().join("report.png");
    let o = headless(
        &browser,
        &profile,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,1600",
            &url,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let png = std::fs::read(&shot).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1280, 1600));
    // A white 1280×1600 page compresses to a few kB; text, tables and a chart do not.
    assert!(png.len() > 40_000, "{} bytes: a blank page?", png.len());
}
