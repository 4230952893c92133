//! The report's charts, drawn with plotters' SVG backend and no font files
//! (text is left to the viewer, so the output is the same on every
//! machine):
//!
//! - `outlets.svg`: the ranked outlets' mean reliability with its 95%
//!   interval, in the report table's order (best at the top);
//! - `distribution.svg`: how many articles score in each 5-point band;
//! - `components.svg`: how each component's values spread, against its
//!   saturation point.

use credence_score::config::RankOn;
use credence_score::metrics::ALL;
use credence_score::{Config, Scores};
use plotters::prelude::*;

/// Most outlets drawn; with more, the ones with the most articles are kept.
pub const MAX_OUTLETS: usize = 40;

struct Row {
    name: String,
    articles: u32,
    mean: f64,
    interval: Option<(f64, f64)>,
    shrunk: Option<f64>,
}

/// The ranked outlets to draw, best first, and how many are ranked: the
/// mean and interval of the articles they are ranked on.
fn rows(scores: &Scores, rank_on: RankOn) -> (Vec<Row>, usize) {
    let mut ranked: Vec<_> = scores.outlets.iter().filter(|o| o.rank.is_some()).collect();
    let total = ranked.len();
    // Keep the outlets with the most articles, then order as the table does.
    ranked.sort_by(|a, b| (b.articles, &a.outlet).cmp(&(a.articles, &b.outlet)));
    ranked.truncate(MAX_OUTLETS);
    ranked.sort_by(|a, b| (a.rank, &a.outlet).cmp(&(b.rank, &b.outlet)));
    let rows = ranked
        .into_iter()
        .map(|o| match rank_on {
            RankOn::All => Row {
                name: o.outlet.clone(),
                articles: o.articles,
                mean: o.reliability,
                interval: o.interval,
                shrunk: o.shrunk,
            },
            RankOn::News => Row {
                name: o.outlet.clone(),
                articles: o.news.0,
                mean: o.news.1.unwrap_or(0.0),
                interval: o.news_interval,
                shrunk: o.shrunk,
            },
        })
        .collect();
    (rows, total)
}

fn label(r: &Row) -> String {
    let mut name: String = r.name.chars().take(32).collect();
    if r.name.chars().count() > 32 {
        name.push('…');
    }
    format!("{name} · {}", r.articles)
}

/// The chart as an SVG document; `None` when no outlet is ranked.
pub fn outlets_svg(scores: &Scores, rank_on: RankOn) -> Option<String> {
    let (rows, total) = rows(scores, rank_on);
    let on = match rank_on {
        RankOn::News => "news articles",
        RankOn::All => "articles",
    };
    if rows.is_empty() {
        return None;
    }
    let n = rows.len();
    // Row 0 (the best) at the top: plotters counts y upward.
    let at = |i: usize| n - 1 - i;
    let caption = if n < total {
        format!("Mean reliability of {on}, 95% interval: the {n} of {total} ranked outlets with the most")
    } else {
        format!("Mean reliability of {on}, 95% interval: the {n} ranked outlets")
    };
    let height = 100 + 22 * n as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (860, height)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, ("sans-serif", 15))
            .margin(12)
            .margin_right(28)
            .x_label_area_size(36)
            .y_label_area_size(300)
            .build_cartesian_2d(0f64..100f64, -0.5f64..(n as f64 - 0.5))
            .ok()?;
        chart
            .configure_mesh()
            .x_labels(11)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .x_max_light_lines(0)
            .y_labels(n)
            .y_label_formatter(&|y| {
                let i = y.round();
                if (y - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < n {
                    label(&rows[at(i as usize)])
                } else {
                    String::new()
                }
            })
            .x_desc(format!(
                "reliability, 0–100 (outlet · {on}; ● mean, ○ shrunken mean: the ranking, as in the report's table)"
            ))
            .disable_y_mesh()
            .draw()
            .ok()?;
        chart
            .draw_series(rows.iter().enumerate().filter_map(|(i, r)| {
                r.interval.map(|(lo, hi)| {
                    ErrorBar::new_horizontal(at(i) as f64, lo, r.mean, hi, BLUE.stroke_width(2), 8)
                })
            }))
            .ok()?;
        chart
            .draw_series(
                rows.iter()
                    .enumerate()
                    .map(|(i, r)| Circle::new((r.mean, at(i) as f64), 4, BLUE.filled())),
            )
            .ok()?;
        chart
            .draw_series(rows.iter().enumerate().filter_map(|(i, r)| {
                r.shrunk
                    .map(|s| Circle::new((s, at(i) as f64), 6, RED.stroke_width(2)))
            }))
            .ok()?;
        root.present().ok()?;
    }
    Some(svg)
}

/// Articles per 5-point band of reliability, as an SVG document; `None`
/// without articles.
pub fn distribution_svg(scores: &Scores) -> Option<String> {
    if scores.articles.is_empty() {
        return None;
    }
    let mut bands = [0u32; 20];
    for a in &scores.articles {
        bands[((a.reliability / 5.0) as usize).min(19)] += 1;
    }
    let most = bands.iter().copied().max().unwrap_or(1).max(1);
    // Whole numbers of articles on the axis: a round step, at most 8 ticks.
    let step = [
        1u32, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000,
    ]
    .into_iter()
    .find(|s| most.div_ceil(*s) <= 8)
    .unwrap_or(most.div_ceil(8));
    let ticks = most.div_ceil(step) + 1;
    let top = f64::from(ticks * step) * 1.02;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (860, 320)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                format!("Reliability of the {} articles", scores.articles.len()),
                ("sans-serif", 15),
            )
            .margin(12)
            .margin_right(28)
            .x_label_area_size(36)
            .y_label_area_size(56)
            .build_cartesian_2d(0f64..100f64, 0f64..top)
            .ok()?;
        chart
            .configure_mesh()
            .x_labels(11)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_labels(ticks as usize + 1)
            .y_label_formatter(&|y| {
                let n = y.round();
                if (y - n).abs() < 1e-6 && (n as u32).is_multiple_of(step) {
                    format!("{n:.0}")
                } else {
                    String::new()
                }
            })
            .max_light_lines(0)
            .disable_x_mesh()
            .x_desc("reliability, 0–100 (5-point bands)")
            .y_desc("articles")
            .draw()
            .ok()?;
        chart
            .draw_series(bands.iter().enumerate().map(|(i, &n)| {
                let x = i as f64 * 5.0;
                Rectangle::new(
                    [(x + 0.4, 0.0), (x + 4.6, f64::from(n))],
                    BLUE.mix(0.7).filled(),
                )
            }))
            .ok()?;
        root.present().ok()?;
    }
    Some(svg)
}

/// One small histogram per component: how the articles' values spread, with
/// the saturation point (where a component earns its full weight, or for
/// hedging costs it) marked. Values past twice the saturation point are
/// counted in the last bar. `None` without articles.
pub fn components_svg(scores: &Scores, config: &Config) -> Option<String> {
    if scores.articles.is_empty() {
        return None;
    }
    const BINS: usize = 20;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (900, 520)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let (title, body) = root.split_vertically(30);
        title
            .titled(
                "Component values of the articles (red: the saturation point; past twice it, the last bar)",
                ("sans-serif", 14),
            )
            .ok()?;
        for (i, panel) in body.split_evenly((2, 3)).iter().enumerate() {
            let Some(&metric) = ALL.get(i) else { break };
            let saturation = config.saturation.get(metric.name()).unwrap_or(1.0);
            let top = 2.0 * saturation;
            let mut counts = [0u32; BINS];
            for a in &scores.articles {
                let v = a.components[i].ratio();
                let b = ((v / top) * BINS as f64) as usize;
                counts[b.min(BINS - 1)] += 1;
            }
            let most = f64::from(counts.iter().copied().max().unwrap_or(1).max(1));
            let mut chart = ChartBuilder::on(panel)
                .caption(
                    format!("{} (saturation {saturation})", metric.name()),
                    ("sans-serif", 13),
                )
                .margin(8)
                .x_label_area_size(24)
                .y_label_area_size(44)
                .build_cartesian_2d(0f64..top, 0f64..most * 1.1)
                .ok()?;
            chart
                .configure_mesh()
                .x_labels(5)
                .y_labels(4)
                .x_label_formatter(&|x| format!("{x:.2}"))
                .y_label_formatter(&|y| format!("{y:.0}"))
                .max_light_lines(0)
                .disable_x_mesh()
                .draw()
                .ok()?;
            let width = top / BINS as f64;
            chart
                .draw_series(counts.iter().enumerate().map(|(b, &n)| {
                    let x = b as f64 * width;
                    Rectangle::new(
                        [(x + width * 0.08, 0.0), (x + width * 0.92, f64::from(n))],
                        BLUE.mix(0.7).filled(),
                    )
                }))
                .ok()?;
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(saturation, 0.0), (saturation, most * 1.1)],
                    RED.stroke_width(2),
                )))
                .ok()?;
        }
        root.present().ok()?;
    }
    Some(svg)
}
