//! Prometheus metrics: request counts and latency histograms by route and status.

use std::collections::BTreeMap;
use std::fmt::Write;

use parking_lot::Mutex;

const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

#[derive(Default)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

/// Request metrics, keyed by (method, route pattern, status).
#[derive(Default)]
pub struct Metrics {
    series: Mutex<BTreeMap<(String, String, u16), Series>>,
}

impl Metrics {
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let mut m = self.series.lock();
        let s = m
            .entry((method.to_owned(), route.to_owned(), status))
            .or_default();
        s.count += 1;
        s.sum += seconds;
        for (i, b) in BUCKETS.iter().enumerate() {
            if seconds <= *b {
                s.buckets[i] += 1;
            }
        }
    }

    /// The Prometheus text exposition, with graph gauges appended.
    pub fn render(&self, gauges: &[(&str, &str, f64)]) -> String {
        let mut out = String::new();
        out.push_str(
            "# HELP citygraph_http_requests_total HTTP requests by method, route and status.\n",
        );
        out.push_str("# TYPE citygraph_http_requests_total counter\n");
        let m = self.series.lock();
        for ((method, route, status), s) in m.iter() {
            let _ = writeln!(out, "citygraph_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {}", s.count);
        }
        out.push_str("# HELP citygraph_http_request_duration_seconds HTTP request latency.\n");
        out.push_str("# TYPE citygraph_http_request_duration_seconds histogram\n");
        for ((method, route, status), s) in m.iter() {
            let labels = format!("method=\"{method}\",route=\"{route}\",status=\"{status}\"");
            for (i, b) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "citygraph_http_request_duration_seconds_bucket{{{labels},le=\"{b}\"}} {}",
                    s.buckets[i]
                );
            }
            let _ = writeln!(
                out,
                "citygraph_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(
                out,
                "citygraph_http_request_duration_seconds_sum{{{labels}}} {}",
                s.sum
            );
            let _ = writeln!(
                out,
                "citygraph_http_request_duration_seconds_count{{{labels}}} {}",
                s.count
            );
        }
        for (name, help, value) in gauges {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        out
    }
}

/// The analytics engine's answers per query and outcome.
pub fn render_engine(e: &citygraph_service::analytics::engine::EngineStats) -> String {
    let mut out = String::new();
    out.push_str("# HELP citygraph_analytics_total Analytics requests by query and outcome (hit: from the result cache; joined: waited for an identical computation; computed: started one; then how computations ended, or why requests were refused).\n");
    out.push_str("# TYPE citygraph_analytics_total counter\n");
    for (q, c) in &e.queries {
        for (outcome, n) in [
            ("hit", c.hits),
            ("joined", c.joined),
            ("computed", c.computed),
            ("succeeded", c.succeeded),
            ("failed", c.failed),
            ("deadline_exceeded", c.deadline),
            ("canceled", c.canceled),
            ("too_expensive", c.too_expensive),
            ("refused", c.refused),
        ] {
            let _ = writeln!(
                out,
                "citygraph_analytics_total{{query=\"{q}\",outcome=\"{outcome}\"}} {n}"
            );
        }
    }
    out
}
