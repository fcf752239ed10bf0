//! Centrality metrics on a projection, following the NetworkX definitions.
//!
//! Every metric returns one value per node index of the [`Csr`] graph (a [`Projection`]'s
//! `graph`). All graphs are undirected. Unless stated, metrics ignore edge weights; `weighted` is
//! accepted by the iterative metrics (`eigenvector`, `pagerank`, `katz`), where a weight is a
//! strength (shared networks, shared members), exactly as NetworkX uses a `weight` attribute. The
//! distance-based metrics would read a weight as a length, which shared counts are not, so they
//! refuse `weighted` rather than invert its meaning.
//!
//! | metric | definition (NetworkX function) |
//! | --- | --- |
//! | `degree` | `deg(v) / (n - 1)` (`degree_centrality`); 1 for every node when `n <= 1`; the raw degree when not normalised |
//! | `betweenness` | sum over pairs `{s, t}` of the share of shortest `s`-`t` paths through `v` (Brandes); normalised by `2 / ((n - 1)(n - 2))` (`betweenness_centrality`); not normalised: each unordered pair counted once (`normalized=False`) |
//! | `closeness` | `(r / S) * (r / (n - 1))` where `r` is the number of nodes `v` reaches and `S` the sum of their distances, 0 when `r = 0` (`closeness_centrality`, Wasserman-Faust `wf_improved=True`); not normalised: `r / S` (`wf_improved=False`) |
//! | `harmonic` | sum of `1 / d(u, v)` over the nodes `u` that `v` reaches (`harmonic_centrality`, not normalised) |
//! | `eigenvector` | power iteration of `(A + I)` from the uniform vector, normalised to unit Euclidean norm each step, until the L1 change is below `n * tol` (`eigenvector_centrality`) |
//! | `pagerank` | power iteration of `x = d (x P + s / n) + (1 - d) / n` from `1 / n`, `P` the row-normalised adjacency, `s` the mass on nodes without edges, until the L1 change is below `n * tol` (`pagerank`, damping `d = 0.85`) |
//! | `katz` | iteration of `x = alpha A x + beta` from 0 until the L1 change is below `n * tol`, then scaled to unit Euclidean norm (`katz_centrality`, `normalized=True`); not normalised: the raw `x` |
//! | `core` | the largest `k` such that `v` is in the `k`-core (`core_number`) |
//! | `clustering` | `2 T(v) / (deg(v) (deg(v) - 1))`, `T(v)` the triangles through `v`, 0 when `deg(v) < 2` (`clustering`, unweighted) |
//!
//! Iterative metrics stop by NetworkX's rule (L1 change between two iterations below `n * tol`),
//! but default to a tighter `tol` (`1e-12` instead of `1e-6`) and more iterations (`1000`), so that
//! results are within about `1e-10` of the fixed point (NetworkX's defaults stop up to `1e-5` away
//! from it on a 3,000-node graph); passing NetworkX's `max_iter`/`tol` reproduces its output to
//! rounding. Katz centrality exists
//! only when `alpha < 1 / lambda_max` (`lambda_max` the largest adjacency eigenvalue); otherwise the
//! series diverges and the result is [`CentralityError::NotConverged`], detected up front from a
//! lower bound on `lambda_max`.
//!
//! Betweenness may be **sampled** (source sampling after Brandes and Pich): `k` single-source
//! searches instead of one per node, from distinct sources drawn with a ChaCha8 generator seeded
//! by `seed`, weighted so that the expected value is the exact value (with `k = n` it is the exact
//! value). Pairs inside the trees that hang off the graph are counted exactly rather than sampled;
//! the sources are core nodes drawn with probability proportional to the size of their tree and
//! weighted by the inverse of that probability (Horvitz-Thompson), and each search credits a pair
//! to its intermediate nodes in proportion to their distance from the source, shifted so that the
//! source's neighbours get none of its longer pairs (a form of the linear scaling of Geisberger,
//! Sanders and Schultes; see [`betweenness_sampled`]).
//!
//! Betweenness, closeness, harmonic and clustering run in parallel over the machine's cores; the
//! betweenness sum is folded in a fixed order of source blocks, so results are bit-identical for any
//! number of threads.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use crate::algo::cancel::{Cancel, Cancelled};
use crate::algo::projection::{Csr, NodeKind, Projection, ProjectionKind};

/// A centrality metric (see the module docs for each definition).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Metric {
    /// Degree centrality: `deg(v) / (n - 1)`.
    Degree,
    /// Shortest-path betweenness (Brandes), exact or sampled.
    Betweenness,
    /// Closeness with the Wasserman-Faust correction for disconnected graphs.
    Closeness,
    /// Harmonic centrality: sum of inverse distances.
    Harmonic,
    /// Eigenvector centrality (power iteration of `A + I`).
    Eigenvector,
    /// PageRank with damping 0.85 and uniform teleport and dangling distribution.
    Pagerank,
    /// Katz centrality (`alpha` 0.1, `beta` 1, unit Euclidean norm).
    Katz,
    /// k-core number.
    Core,
    /// Local clustering coefficient.
    Clustering,
}

impl Metric {
    pub const ALL: [Metric; 9] = [
        Metric::Degree,
        Metric::Betweenness,
        Metric::Closeness,
        Metric::Harmonic,
        Metric::Eigenvector,
        Metric::Pagerank,
        Metric::Katz,
        Metric::Core,
        Metric::Clustering,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Degree => "degree",
            Metric::Betweenness => "betweenness",
            Metric::Closeness => "closeness",
            Metric::Harmonic => "harmonic",
            Metric::Eigenvector => "eigenvector",
            Metric::Pagerank => "pagerank",
            Metric::Katz => "katz",
            Metric::Core => "core",
            Metric::Clustering => "clustering",
        }
    }

    /// Whether `normalized` changes this metric (degree, betweenness, closeness, katz).
    pub fn has_normalization(self) -> bool {
        matches!(
            self,
            Metric::Degree | Metric::Betweenness | Metric::Closeness | Metric::Katz
        )
    }

    /// Whether this metric is computed by iteration (`max_iter`, `tol` apply).
    pub fn is_iterative(self) -> bool {
        matches!(self, Metric::Eigenvector | Metric::Pagerank | Metric::Katz)
    }

    /// Whether this metric can read edge weights (`weighted=true`).
    pub fn supports_weights(self) -> bool {
        self.is_iterative()
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Metric {
    type Err = CentralityError;
    fn from_str(s: &str) -> Result<Metric, CentralityError> {
        Metric::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| CentralityError::UnknownMetric(s.to_owned()))
    }
}

/// Why a centrality could not be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CentralityError {
    #[error(
        "unknown metric {0:?}: expected degree, betweenness, closeness, harmonic, eigenvector, pagerank, katz, core or clustering"
    )]
    UnknownMetric(String),
    #[error("invalid parameter {name}: {detail}")]
    InvalidParameter { name: &'static str, detail: String },
    #[error("{metric} centrality did not converge after {iterations} iterations: {detail}")]
    NotConverged {
        metric: Metric,
        iterations: usize,
        detail: String,
    },
    /// The computation was stopped through its [`Cancel`] handle.
    #[error(transparent)]
    Cancelled(#[from] Cancelled),
}

impl CentralityError {
    /// The stable snake_case code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            CentralityError::UnknownMetric(_) => "unknown_metric",
            CentralityError::InvalidParameter { .. } => "invalid_parameter",
            CentralityError::NotConverged { .. } => "not_converged",
            CentralityError::Cancelled(c) => c.code(),
        }
    }
}

/// Default iteration cap of the iterative metrics.
pub const DEFAULT_MAX_ITER: usize = 1000;
/// Default tolerance of the iterative metrics: stop when the L1 change is below `n * tol`.
pub const DEFAULT_TOL: f64 = 1e-12;

/// What a caller may change. `Default` gives the NetworkX defaults except the tighter `tol` and
/// larger `max_iter` of the iterative metrics.
#[derive(Clone, Debug, PartialEq)]
pub struct CentralityParams {
    /// Degree: divide by `n - 1`; betweenness: divide by `(n - 1)(n - 2) / 2`; closeness: apply the
    /// Wasserman-Faust correction; katz: scale to unit Euclidean norm. Other metrics ignore it.
    /// Default `true`.
    pub normalized: bool,
    /// Read edge weights as strengths (eigenvector, PageRank, Katz only; unweighted projections have
    /// weight 1). Default `false`.
    pub weighted: bool,
    /// PageRank damping factor, in `[0, 1)`. Default 0.85.
    pub damping: f64,
    /// Katz attenuation factor, `> 0` and below `1 / lambda_max`. Default 0.1.
    pub alpha: f64,
    /// Katz constant term. Default 1.
    pub beta: f64,
    /// Iteration cap of the iterative metrics (default [`DEFAULT_MAX_ITER`]).
    pub max_iter: Option<usize>,
    /// Tolerance of the iterative metrics (default [`DEFAULT_TOL`]).
    pub tol: Option<f64>,
    /// Betweenness only: number of sampled sources (clamped to `n`); `None` is exact.
    pub sample: Option<usize>,
    /// Seed of the source sample. Default 0.
    pub seed: u64,
    /// Worker threads (default: the machine's available parallelism).
    pub threads: Option<usize>,
}

impl Default for CentralityParams {
    fn default() -> CentralityParams {
        CentralityParams {
            normalized: true,
            weighted: false,
            damping: 0.85,
            alpha: 0.1,
            beta: 1.0,
            max_iter: None,
            tol: None,
            sample: None,
            seed: 0,
            threads: None,
        }
    }
}

fn invalid(name: &'static str, detail: impl Into<String>) -> CentralityError {
    CentralityError::InvalidParameter {
        name,
        detail: detail.into(),
    }
}

impl CentralityParams {
    /// Checks the parameters that `metric` reads.
    pub fn validate(&self, metric: Metric) -> Result<(), CentralityError> {
        if self.weighted && !metric.supports_weights() {
            return Err(invalid(
                "weighted",
                format!("{metric} centrality is unweighted; weights are read by eigenvector, pagerank and katz"),
            ));
        }
        if self.sample.is_some() && metric != Metric::Betweenness {
            return Err(invalid(
                "sample",
                format!("sampling applies to betweenness, not {metric}"),
            ));
        }
        if self.sample == Some(0) {
            return Err(invalid(
                "sample",
                "the number of sampled sources must be at least 1",
            ));
        }
        if self.threads == Some(0) {
            return Err(invalid("threads", "at least one thread is needed"));
        }
        if metric.is_iterative() {
            if self.max_iter == Some(0) {
                return Err(invalid("max_iter", "at least one iteration is needed"));
            }
            if let Some(t) = self.tol {
                if !(t.is_finite() && t > 0.0) {
                    return Err(invalid("tol", format!("{t} is not a positive number")));
                }
            }
        }
        match metric {
            Metric::Pagerank
                if !(self.damping.is_finite() && (0.0..1.0).contains(&self.damping)) =>
            {
                Err(invalid(
                    "damping",
                    format!("{} is not in [0, 1)", self.damping),
                ))
            }
            Metric::Katz if !(self.alpha.is_finite() && self.alpha > 0.0) => Err(invalid(
                "alpha",
                format!("{} is not a positive number", self.alpha),
            )),
            Metric::Katz if !self.beta.is_finite() => {
                Err(invalid("beta", format!("{} is not a number", self.beta)))
            }
            _ => Ok(()),
        }
    }

    fn max_iter(&self) -> usize {
        self.max_iter.unwrap_or(DEFAULT_MAX_ITER)
    }
    fn tol(&self) -> f64 {
        self.tol.unwrap_or(DEFAULT_TOL)
    }
}

/// The values of a metric, one per node index, and how they were obtained.
#[derive(Clone, Debug, PartialEq)]
pub struct Values {
    pub values: Vec<f64>,
    /// Iterations used by an iterative metric.
    pub iterations: Option<usize>,
    /// Sources used by sampled betweenness.
    pub sources: Option<usize>,
}

impl Values {
    fn plain(values: Vec<f64>) -> Values {
        Values {
            values,
            iterations: None,
            sources: None,
        }
    }
}

/// Computes `metric` on `g`; one value per node index.
pub fn compute(
    g: &Csr,
    metric: Metric,
    params: &CentralityParams,
) -> Result<Vec<f64>, CentralityError> {
    compute_detailed(g, metric, params).map(|v| v.values)
}

/// Computes `metric` on `g`, with the iteration count or sample size used.
pub fn compute_detailed(
    g: &Csr,
    metric: Metric,
    params: &CentralityParams,
) -> Result<Values, CentralityError> {
    compute_cancellable(g, metric, params, &Cancel::never())
}

/// [`compute_detailed`], stopping with [`CentralityError::Cancelled`] once `cancel` says so: the
/// searches of betweenness, closeness and harmonic check it every few sources, clustering every few
/// nodes, the iterative metrics once per iteration. Progress is counted in sources searched, nodes
/// visited or iterations.
pub fn compute_cancellable(
    g: &Csr,
    metric: Metric,
    params: &CentralityParams,
    cancel: &Cancel,
) -> Result<Values, CentralityError> {
    params.validate(metric)?;
    cancel.check()?;
    let threads = params.threads;
    Ok(match metric {
        Metric::Degree => Values::plain(degree(g, params.normalized)),
        Metric::Betweenness => match params.sample {
            Some(k) if k < g.node_count() => {
                let (v, exact) = sampled(g, k, params.seed, params.normalized, threads, cancel)?;
                Values {
                    values: v,
                    iterations: None,
                    sources: Some(if exact { g.node_count() } else { k }),
                }
            }
            Some(_) => Values {
                values: betweenness_checked(g, params.normalized, threads, cancel)?,
                iterations: None,
                sources: Some(g.node_count()),
            },
            None => Values::plain(betweenness_checked(g, params.normalized, threads, cancel)?),
        },
        Metric::Closeness => {
            Values::plain(closeness_checked(g, params.normalized, threads, cancel)?)
        }
        Metric::Harmonic => Values::plain(harmonic_checked(g, threads, cancel)?),
        Metric::Eigenvector => {
            eigenvector_checked(g, params.weighted, params.max_iter(), params.tol(), cancel)?
        }
        Metric::Pagerank => pagerank_checked(
            g,
            params.damping,
            params.weighted,
            params.max_iter(),
            params.tol(),
            cancel,
        )?,
        Metric::Katz => katz_checked(
            g,
            &KatzParams {
                alpha: params.alpha,
                beta: params.beta,
                weighted: params.weighted,
                normalized: params.normalized,
                max_iter: params.max_iter(),
                tol: params.tol(),
            },
            cancel,
        )?,
        Metric::Core => Values::plain(core_number(g).into_iter().map(f64::from).collect()),
        Metric::Clustering => Values::plain(clustering_checked(g, threads, cancel)?),
    })
}

// ---------------------------------------------------------------------------------------------
// Parallel drivers

fn thread_count(requested: Option<usize>, work: usize) -> usize {
    let t =
        requested.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    t.clamp(1, work.max(1))
}

/// Sources or nodes between two checks of the cancellation handle in the parallel drivers.
const CHECK_EVERY: u64 = 8;

/// `out[v] = f(state, v)` for every node, in parallel over blocks of nodes; checks `cancel` every
/// [`CHECK_EVERY`] nodes (single thread) or every block, counting nodes as progress.
fn par_map_nodes<S, I, F>(
    n: usize,
    threads: Option<usize>,
    cancel: &Cancel,
    init: I,
    f: F,
) -> Result<Vec<f64>, Cancelled>
where
    I: Fn() -> S + Sync,
    F: Fn(&mut S, usize) -> f64 + Sync,
{
    cancel.add_work(n as u64);
    let mut out = vec![0.0f64; n];
    let threads = thread_count(threads, n / 64);
    if threads <= 1 {
        let mut st = init();
        let mut tick = cancel.ticker(CHECK_EVERY);
        for (v, o) in out.iter_mut().enumerate() {
            tick.tick()?;
            *o = f(&mut st, v);
        }
        return Ok(out);
    }
    let chunk = (n / (threads * 32)).max(16);
    let work = Mutex::new(out.chunks_mut(chunk).enumerate());
    let stopped = Mutex::new(None);
    std::thread::scope(|sc| {
        for _ in 0..threads {
            sc.spawn(|| {
                let mut st = init();
                loop {
                    let next = work.lock().expect("a worker panicked").next();
                    let Some((ci, slice)) = next else { break };
                    if let Err(e) = cancel.advance(slice.len() as u64) {
                        *stopped.lock().expect("a worker panicked") = Some(e);
                        break;
                    }
                    for (j, o) in slice.iter_mut().enumerate() {
                        *o = f(&mut st, ci * chunk + j);
                    }
                }
            });
        }
    });
    match stopped.into_inner().expect("a worker panicked") {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// Number of source blocks of an accumulation: fixed by the number of sources only, so that the
/// summation order does not depend on the number of threads.
const ACC_BLOCKS: usize = 64;

/// Sums, over `sources`, the per-source contributions that `f(state, s, acc)` adds into `acc`
/// (length `n`). Sources are cut into at most [`ACC_BLOCKS`] consecutive blocks; each block is
/// summed in source order into its own buffer and the buffers are added to the total in block
/// order, whatever thread computed them. Checks `cancel` every [`CHECK_EVERY`] sources, counting
/// sources as progress.
fn par_accumulate<S, I, F>(
    n: usize,
    sources: &[u32],
    threads: Option<usize>,
    cancel: &Cancel,
    init: I,
    f: F,
) -> Result<Vec<f64>, Cancelled>
where
    S: Send,
    I: Fn() -> S + Sync,
    F: Fn(&mut S, u32, &mut [f64]) + Sync,
{
    cancel.add_work(sources.len() as u64);
    let block = sources.len().div_ceil(ACC_BLOCKS).max(1);
    let blocks: Vec<&[u32]> = sources.chunks(block).collect();
    let threads = thread_count(threads, blocks.len());
    let mut total = vec![0.0f64; n];
    if threads <= 1 {
        let mut st = init();
        let mut buf = vec![0.0f64; n];
        let mut tick = cancel.ticker(CHECK_EVERY);
        for b in &blocks {
            for &s in *b {
                tick.tick()?;
                f(&mut st, s, &mut buf);
            }
            for (t, x) in total.iter_mut().zip(buf.iter_mut()) {
                *t += *x;
                *x = 0.0;
            }
        }
        return Ok(total);
    }
    struct Fold {
        next: usize,
        pending: BTreeMap<usize, Vec<f64>>,
        total: Vec<f64>,
        spare: Vec<Vec<f64>>,
        stopped: Option<Cancelled>,
    }
    let fold = Mutex::new(Fold {
        next: 0,
        pending: BTreeMap::new(),
        total,
        spare: Vec::new(),
        stopped: None,
    });
    let claim = AtomicUsize::new(0);
    std::thread::scope(|sc| {
        for _ in 0..threads {
            sc.spawn(|| {
                let mut st = init();
                let mut buf = vec![0.0f64; n];
                let mut tick = cancel.ticker(CHECK_EVERY);
                'blocks: loop {
                    let bi = claim.fetch_add(1, Ordering::Relaxed);
                    if bi >= blocks.len() {
                        break;
                    }
                    for &s in blocks[bi] {
                        if let Err(e) = tick.tick() {
                            fold.lock().expect("a worker panicked").stopped = Some(e);
                            break 'blocks;
                        }
                        f(&mut st, s, &mut buf);
                    }
                    let mut guard = fold.lock().expect("a worker panicked");
                    let fl = &mut *guard;
                    fl.pending.insert(bi, buf);
                    while let Some(b) = fl.pending.remove(&fl.next) {
                        let mut b = b;
                        for (t, x) in fl.total.iter_mut().zip(b.iter_mut()) {
                            *t += *x;
                            *x = 0.0;
                        }
                        fl.spare.push(b);
                        fl.next += 1;
                    }
                    buf = fl.spare.pop().unwrap_or_else(|| vec![0.0f64; n]);
                }
            });
        }
    });
    let fold = fold.into_inner().expect("a worker panicked");
    match fold.stopped {
        Some(e) => Err(e),
        None => Ok(fold.total),
    }
}

// ---------------------------------------------------------------------------------------------
// Degree

/// Degree centrality: `deg(v) / (n - 1)` when `normalized` (1 for every node of a graph with at most
/// one node, as NetworkX `degree_centrality`), else the degree.
pub fn degree(g: &Csr, normalized: bool) -> Vec<f64> {
    let n = g.node_count();
    if !normalized {
        return (0..n).map(|v| g.degree(v) as f64).collect();
    }
    if n <= 1 {
        return vec![1.0; n];
    }
    let s = 1.0 / (n as f64 - 1.0);
    (0..n).map(|v| g.degree(v) as f64 * s).collect()
}

// ---------------------------------------------------------------------------------------------
// Betweenness (Brandes)

const UNSEEN: u32 = u32::MAX;

/// Per-node state of one Brandes search, packed so that a visit touches one cache line.
#[derive(Clone, Copy)]
struct NodeState {
    dist: u32,
    npred: u32,
    sigma: f64,
    delta: f64,
}

const FRESH: NodeState = NodeState {
    dist: UNSEEN,
    npred: 0,
    sigma: 0.0,
    delta: 0.0,
};

struct BrandesState {
    node: Vec<NodeState>,
    order: Vec<u32>,
    /// Predecessors of `w` on shortest paths from the source, stored in the slots of `w`'s row
    /// (`offsets[w]..offsets[w] + npred`).
    preds: Vec<u32>,
}

impl BrandesState {
    fn new(g: &Csr) -> BrandesState {
        BrandesState {
            node: vec![FRESH; g.node_count()],
            order: Vec::with_capacity(g.node_count()),
            preds: vec![0; g.targets.len()],
        }
    }

    /// Adds `source_weight * delta_s(v)` to `acc[v]` for every `v != s`, where the dependency
    /// `delta_s(v) = sum over w with v a predecessor of w of sigma_sv / sigma_sw * (weight[w] + delta_s(w))`
    /// (Brandes; with unit weights each ordered pair `(s, t)` is counted once, so an undirected pair
    /// is counted twice over all sources, as in NetworkX before rescaling).
    ///
    /// With `SCALED`, the pair `(s, t)` is credited to an intermediate `v` with a share
    /// `f(d(s, v), d(s, t))` of its weight instead of all of it, where `f(d, D) = (d - 1) / (D - 2)`
    /// for `D >= 3` and `f(1, 2) = 1 / 2`: a shifted form of the linear scaling of Geisberger,
    /// Sanders and Schultes (2008), which uses `d / D`. On a shortest `s`-`t` path
    /// `d(s, v) + d(v, t) = d(s, t)`, so `f(d(s, v), D) + f(d(t, v), D) = 1`: the searches from `s`
    /// and from `t` credit an unordered pair once in total, where the plain dependencies credit it
    /// twice. The neighbours of a source get nothing from its pairs of length 3 or more (they get
    /// them from the other end), which removes the large, rare contributions that a source with
    /// few links makes to the hub it hangs from. In Brandes form, with
    /// `a_s(v) = sum over w with v a predecessor of w of sigma_sv / sigma_sw * (weight[w] / (d(s, w) - 2) + a_s(w))`
    /// over the `w` at distance 3 or more, and the pairs at distance 2 halved, `acc[v]` gets
    /// `source_weight * (d(s, v) - 1) * a_s(v)` (for `d(s, v) >= 2`) plus the halves.
    fn single_source<const SCALED: bool>(
        &mut self,
        g: &Csr,
        weight: &[f64],
        s: u32,
        source_weight: f64,
        acc: &mut [f64],
    ) {
        let BrandesState { node, order, preds } = self;
        order.clear();
        node[s as usize].dist = 0;
        node[s as usize].sigma = 1.0;
        order.push(s);
        let mut head = 0;
        while head < order.len() {
            let v = order[head];
            head += 1;
            let NodeState {
                dist: dv,
                sigma: sv,
                ..
            } = node[v as usize];
            for &w in g.neighbors(v as usize) {
                let w = w as usize;
                let nw = &mut node[w];
                if nw.dist == UNSEEN {
                    nw.dist = dv + 1;
                    nw.sigma = sv;
                    nw.npred = 1;
                    order.push(w as u32);
                    preds[g.offsets[w]] = v;
                } else if nw.dist == dv + 1 {
                    nw.sigma += sv;
                    preds[g.offsets[w] + nw.npred as usize] = v;
                    nw.npred += 1;
                }
            }
        }
        for &w in order[1..].iter().rev() {
            let w = w as usize;
            let NodeState {
                dist,
                npred,
                sigma,
                delta,
            } = node[w];
            if SCALED {
                // delta holds a_s(w), or for d(s, w) = 1 the halves of the pairs at distance 2.
                if dist >= 2 {
                    let coeff = if dist == 2 {
                        0.5 * weight[w] / sigma
                    } else {
                        (weight[w] / f64::from(dist - 2) + delta) / sigma
                    };
                    let at = g.offsets[w];
                    for &v in &preds[at..at + npred as usize] {
                        let nv = &mut node[v as usize];
                        nv.delta += nv.sigma * coeff;
                    }
                }
                let share = if dist >= 2 { f64::from(dist - 1) } else { 1.0 };
                acc[w] += source_weight * (share * delta);
            } else {
                let coeff = (weight[w] + delta) / sigma;
                let at = g.offsets[w];
                for &v in &preds[at..at + npred as usize] {
                    let nv = &mut node[v as usize];
                    nv.delta += nv.sigma * coeff;
                }
                acc[w] += source_weight * delta;
            }
        }
        for &v in order.iter() {
            node[v as usize] = FRESH;
        }
    }
}

/// Sum over `sources` of `source_weight[s] * delta_s` with target weights `weight` (the scaled
/// dependencies with `SCALED`, see [`BrandesState::single_source`]).
fn brandes_raw<const SCALED: bool>(
    g: &Csr,
    weight: &[f64],
    source_weight: &[f64],
    sources: &[u32],
    threads: Option<usize>,
    cancel: &Cancel,
) -> Result<Vec<f64>, Cancelled> {
    let n = g.node_count();
    par_accumulate(
        n,
        sources,
        threads,
        cancel,
        || BrandesState::new(g),
        |st, s, acc| st.single_source::<SCALED>(g, weight, s, source_weight[s as usize], acc),
    )
}

/// The normalisation of betweenness: `1 / ((n - 1)(n - 2))` of the ordered-pair sum when
/// `normalized` (none for `n <= 2`), else `1 / 2` (each unordered pair once).
fn betweenness_scale(n: usize, normalized: bool) -> f64 {
    if normalized {
        if n <= 2 {
            1.0
        } else {
            1.0 / ((n as f64 - 1.0) * (n as f64 - 2.0))
        }
    } else {
        0.5
    }
}

/// A graph with the trees hanging off it peeled.
///
/// Degree-1 nodes are removed repeatedly; each remaining ("core") node `u` carries `omega(u)` = 1 +
/// the number of nodes removed through it, and every removed node has the core node its tree hangs
/// from as its root. A shortest path between nodes of two different core nodes' trees runs inside the
/// trees to their roots and along shortest paths of the core, so the core is solved by Brandes
/// with source and target weights `omega`. Pairs with an endpoint in a tree pass through every node
/// between that endpoint and its root; for any node `v` whose removed branches have sizes `c_i`, in
/// a component of `N` nodes, those pairs number `sum_{i<j} c_i c_j + (sum_i c_i)(N - 1 - sum_i c_i)`
/// (unordered), which `tree_raw` holds (doubled, as ordered pairs).
struct Peeled {
    /// Core nodes (original indices), in core index order (breadth-first).
    core: Vec<u32>,
    /// The core graph on core indices.
    reduced: Csr,
    /// `omega` per core index.
    omega: Vec<f64>,
    /// Ordered-pair betweenness carried by the trees, per original node.
    tree_raw: Vec<f64>,
}

fn peel(g: &Csr) -> Peeled {
    let n = g.node_count();
    let (label, count) = crate::algo::components::component_labels(g);
    let mut comp_size = vec![0u64; count];
    for &l in &label {
        comp_size[l as usize] += 1;
    }
    let mut deg: Vec<u32> = (0..n).map(|v| g.degree(v) as u32).collect();
    let mut parent = vec![u32::MAX; n];
    let mut removal: Vec<u32> = Vec::new();
    let mut omega = vec![1u64; n];
    let mut sum_c = vec![0u64; n];
    let mut sumsq_c = vec![0.0f64; n];
    let mut queue: std::collections::VecDeque<u32> =
        (0..n as u32).filter(|&v| deg[v as usize] == 1).collect();
    while let Some(x) = queue.pop_front() {
        let x = x as usize;
        if deg[x] != 1 {
            continue;
        }
        let p = g
            .neighbors(x)
            .iter()
            .map(|&w| w as usize)
            .find(|&w| parent[w] == u32::MAX && deg[w] > 0)
            .expect("a node of degree 1 has a live neighbour");
        parent[x] = p as u32;
        removal.push(x as u32);
        deg[x] = 0;
        omega[p] += omega[x];
        sum_c[p] += omega[x];
        sumsq_c[p] += (omega[x] as f64) * (omega[x] as f64);
        deg[p] -= 1;
        if deg[p] == 1 {
            queue.push_back(p as u32);
        }
    }
    let removed = |v: usize| parent[v] != u32::MAX;
    // Core nodes numbered in breadth-first order (each component from its highest-degree node), so
    // that nodes close in the graph are close in memory.
    let mut by_degree: Vec<u32> = (0..n as u32).filter(|&v| !removed(v as usize)).collect();
    by_degree.sort_by_key(|&v| (std::cmp::Reverse(deg[v as usize]), v));
    let mut root = vec![u32::MAX; n];
    let mut core: Vec<u32> = Vec::with_capacity(by_degree.len());
    for &start in &by_degree {
        if root[start as usize] != u32::MAX {
            continue;
        }
        root[start as usize] = core.len() as u32;
        let mut head = core.len();
        core.push(start);
        while head < core.len() {
            let v = core[head] as usize;
            head += 1;
            for &w in g.neighbors(v) {
                if !removed(w as usize) && root[w as usize] == u32::MAX {
                    root[w as usize] = core.len() as u32;
                    core.push(w);
                }
            }
        }
    }
    // A removed node's parent was removed later or is a core node: resolve in reverse removal order.
    for &x in removal.iter().rev() {
        root[x as usize] = root[parent[x as usize] as usize];
    }
    let mut offsets = Vec::with_capacity(core.len() + 1);
    offsets.push(0);
    let mut targets = Vec::new();
    for &v in &core {
        let start = targets.len();
        targets.extend(
            g.neighbors(v as usize)
                .iter()
                .filter(|&&w| !removed(w as usize))
                .map(|&w| root[w as usize]),
        );
        targets[start..].sort_unstable();
        offsets.push(targets.len());
    }
    let reduced = Csr {
        offsets,
        targets,
        weights: None,
    };
    let omega_core: Vec<f64> = core.iter().map(|&v| omega[v as usize] as f64).collect();
    let tree_raw: Vec<f64> = (0..n)
        .map(|v| {
            let c = sum_c[v] as f64;
            if c == 0.0 {
                return 0.0;
            }
            let size = comp_size[label[v] as usize] as f64;
            2.0 * ((c * c - sumsq_c[v]) / 2.0 + c * (size - 1.0 - c))
        })
        .collect();
    Peeled {
        core,
        reduced,
        omega: omega_core,
        tree_raw,
    }
}

/// `tree_raw + core_scale * core part`, in original indices.
fn combine(p: &Peeled, core_raw: &[f64], core_scale: f64) -> Vec<f64> {
    let mut raw = p.tree_raw.clone();
    for (i, &v) in p.core.iter().enumerate() {
        raw[v as usize] += core_scale * core_raw[i];
    }
    raw
}

/// Exact betweenness centrality (Brandes): for each node `v`, the sum over unordered pairs `{s, t}`
/// (`s != v != t`) of the share of shortest `s`-`t` paths that pass through `v`; multiplied by
/// `2 / ((n - 1)(n - 2))` when `normalized` (for `n > 2`). Equal to NetworkX
/// `betweenness_centrality(G, normalized=...)`. Trees hanging off the graph are peeled first and
/// counted in closed form, which leaves fewer and smaller searches.
pub fn betweenness(g: &Csr, normalized: bool, threads: Option<usize>) -> Vec<f64> {
    betweenness_checked(g, normalized, threads, &Cancel::never()).expect("never cancelled")
}

/// [`betweenness`], checking `cancel` every few sources.
pub fn betweenness_checked(
    g: &Csr,
    normalized: bool,
    threads: Option<usize>,
    cancel: &Cancel,
) -> Result<Vec<f64>, Cancelled> {
    let n = g.node_count();
    let p = peel(g);
    cancel.check()?;
    let sources: Vec<u32> = (0..p.core.len() as u32).collect();
    let core_raw = brandes_raw::<false>(&p.reduced, &p.omega, &p.omega, &sources, threads, cancel)?;
    let scale = betweenness_scale(n, normalized);
    Ok(combine(&p, &core_raw, 1.0)
        .into_iter()
        .map(|x| x * scale)
        .collect())
}

/// Exact betweenness by plain Brandes from every source (no peeling); the reference the peeled
/// computation is tested against.
pub fn betweenness_plain(g: &Csr, normalized: bool, threads: Option<usize>) -> Vec<f64> {
    let n = g.node_count();
    let sources: Vec<u32> = (0..n as u32).collect();
    let ones = vec![1.0; n];
    let raw = brandes_raw::<false>(g, &ones, &ones, &sources, threads, &Cancel::never())
        .expect("never cancelled");
    let scale = betweenness_scale(n, normalized);
    raw.into_iter().map(|x| x * scale).collect()
}

/// The sampling frame of sampled betweenness: the core nodes with at least one core neighbour (a
/// search from any other core node finds no pair to credit), ascending.
fn frame(p: &Peeled) -> Vec<u32> {
    (0..p.core.len() as u32)
        .filter(|&i| p.reduced.degree(i as usize) > 0)
        .collect()
}

/// Inclusion probabilities, per core index, of a sample of `k` units of `frame` drawn with
/// probability proportional to `omega` (PPS): `pi_u = min(1, c * omega_u)` with `c` such that the
/// probabilities sum to `k`, so the units whose share would reach 1 are taken with certainty and the
/// others share what is left in proportion to `omega`. Zero outside the frame; all ones when
/// `k >= frame.len()`.
fn inclusion_probabilities(omega: &[f64], frame: &[u32], k: usize) -> Vec<f64> {
    let mut pi = vec![0.0f64; omega.len()];
    if k >= frame.len() {
        for &u in frame {
            pi[u as usize] = 1.0;
        }
        return pi;
    }
    let mut by_weight = frame.to_vec();
    by_weight.sort_by(|&a, &b| {
        omega[b as usize]
            .total_cmp(&omega[a as usize])
            .then(a.cmp(&b))
    });
    // rest[i]: the total weight of by_weight[i..], summed from the smallest (omega are counts, so
    // the sums are exact).
    let mut rest = vec![0.0f64; by_weight.len() + 1];
    for i in (0..by_weight.len()).rev() {
        rest[i] = rest[i + 1] + omega[by_weight[i] as usize];
    }
    let mut certain = 0;
    while certain < k && omega[by_weight[certain] as usize] * (k - certain) as f64 >= rest[certain]
    {
        pi[by_weight[certain] as usize] = 1.0;
        certain += 1;
    }
    if certain < k {
        let c = (k - certain) as f64 / rest[certain];
        for &u in &by_weight[certain..] {
            pi[u as usize] = (omega[u as usize] * c).min(1.0);
        }
    }
    pi
}

/// Systematic sampling of the units of `order` with inclusion probabilities `pi`: the units are laid
/// end to end on a line in `order`, unit `u` covering a length `pi_u`, and the sample is the units
/// under the points `start, start + 1, start + 2, ...` (`start` in `[0, 1)`). Units with `pi = 1`
/// are always hit; a unit with `pi_u < 1` is hit for a share `pi_u` of the starts, whatever the
/// order. Ascending.
fn systematic(pi: &[f64], order: &[u32], start: f64) -> Vec<u32> {
    let mut out = Vec::new();
    let mut end = 0.0f64;
    let mut next = start;
    for &u in order {
        end += pi[u as usize];
        if next < end {
            out.push(u);
            next += 1.0;
        }
    }
    out.sort_unstable();
    out
}

/// The sampling design of sampled betweenness: inclusion probabilities, the order of
/// [`systematic`] and its start.
struct Design {
    pi: Vec<f64>,
    /// Every frame unit once (certain units included: they are hit from any start).
    order: Vec<u32>,
    start: f64,
}

/// The design for `k` sources and `seed`. The order is a breadth-first walk of the core from roots
/// taken in a random order (a ChaCha8 generator seeded with `seed` shuffles the frame; the walk
/// starts from the first unit not yet visited), and the start is drawn by the same generator. Units
/// close in the graph are close in the order, so a systematic sample spreads its sources over the
/// graph (an implicit stratification); the inclusion probabilities do not depend on the order.
fn design(p: &Peeled, k: usize, seed: u64) -> Design {
    use rand::seq::SliceRandom;
    use rand::Rng;
    let mut frame = frame(p);
    let pi = inclusion_probabilities(&p.omega, &frame, k);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    frame.shuffle(&mut rng);
    let g = &p.reduced;
    let mut seen = vec![false; g.node_count()];
    let mut order: Vec<u32> = Vec::with_capacity(frame.len());
    for &r in &frame {
        if seen[r as usize] {
            continue;
        }
        seen[r as usize] = true;
        let mut head = order.len();
        order.push(r);
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            for &w in g.neighbors(v) {
                if !seen[w as usize] {
                    seen[w as usize] = true;
                    order.push(w);
                }
            }
        }
    }
    let start = rng.random::<f64>();
    Design { pi, order, start }
}

/// The sources that sampled betweenness searches with `k` and `seed`, as original node indices
/// (ascending), each with its inclusion probability (see [`betweenness_sampled`]). Every source is
/// a node of the peeled core; with `k` at least the number of core nodes that have a core
/// neighbour, all of them are taken, with probability 1.
pub fn sample_sources(g: &Csr, k: usize, seed: u64) -> Vec<(u32, f64)> {
    let p = peel(g);
    let d = design(&p, k, seed);
    let mut out: Vec<(u32, f64)> = systematic(&d.pi, &d.order, d.start)
        .into_iter()
        .map(|u| (p.core[u as usize], d.pi[u as usize]))
        .collect();
    out.sort_unstable_by_key(|x| x.0);
    out
}

/// Sampled betweenness: `k` single-source searches instead of one per core node, with an expected
/// value equal to the exact [`betweenness`] (and the exact value itself when `k` covers every
/// source that matters).
///
/// Trees hanging off the graph are peeled as for [`betweenness`]: pairs with an endpoint in a tree
/// are counted exactly, and only the core is sampled. A core node `u` stands for the `omega_u`
/// nodes of its tree, so `k` distinct core nodes are drawn with probability proportional to
/// `omega_u` (systematic PPS sampling, see [`inclusion_probabilities`], along a breadth-first
/// order of the core from randomly ordered roots, both drawn by a ChaCha8 generator seeded with
/// `seed`); a core node whose share would reach 1 is taken with certainty. Each drawn source `u`
/// has the inclusion probability `pi_u` and its search is weighted by `omega_u / pi_u`
/// (Horvitz-Thompson), which makes the sum over the sample an unbiased estimate of the sum over
/// all sources. The searches credit each pair to its intermediate nodes with shares that depend on
/// the distances (`(d(s, v) - 1) / (d(s, t) - 2)`, see [`BrandesState::single_source`]), so that
/// the shares of `(s, t)` and `(t, s)` sum to 1; their sum over all sources, doubled, is the
/// ordered-pair sum of the exact computation. The source's near neighbourhood gets a small share
/// of its pairs, which removes most of the variance that a few sources close to a hub cause, and
/// the breadth-first order spreads the sources over the graph.
///
/// When `k` is at least the number of core nodes with a core neighbour (in particular `k >= n`),
/// every source is taken and the result is [`betweenness`], bit for bit.
pub fn betweenness_sampled(
    g: &Csr,
    k: usize,
    seed: u64,
    normalized: bool,
    threads: Option<usize>,
) -> Vec<f64> {
    sampled(g, k, seed, normalized, threads, &Cancel::never())
        .expect("never cancelled")
        .0
}

/// [`betweenness_sampled`], and whether the value is the exact one (every source taken).
fn sampled(
    g: &Csr,
    k: usize,
    seed: u64,
    normalized: bool,
    threads: Option<usize>,
    cancel: &Cancel,
) -> Result<(Vec<f64>, bool), Cancelled> {
    let p = peel(g);
    cancel.check()?;
    let d = design(&p, k, seed);
    let sources = systematic(&d.pi, &d.order, d.start);
    let exact = k >= d.order.len();
    Ok((
        sampled_from(g, &p, &sources, &d.pi, normalized, threads, cancel)?,
        exact,
    ))
}

/// Sampled betweenness from the given core `sources` with inclusion probabilities `pi` (see
/// [`betweenness_sampled`]); the exact computation when every unit of the frame has `pi = 1`.
fn sampled_from(
    g: &Csr,
    p: &Peeled,
    sources: &[u32],
    pi: &[f64],
    normalized: bool,
    threads: Option<usize>,
    cancel: &Cancel,
) -> Result<Vec<f64>, Cancelled> {
    let n = g.node_count();
    let scale = betweenness_scale(n, normalized);
    if frame(p).iter().all(|&u| pi[u as usize] >= 1.0) {
        let all: Vec<u32> = (0..p.core.len() as u32).collect();
        let core_raw = brandes_raw::<false>(&p.reduced, &p.omega, &p.omega, &all, threads, cancel)?;
        return Ok(combine(p, &core_raw, 1.0)
            .into_iter()
            .map(|x| x * scale)
            .collect());
    }
    let mut weight = vec![0.0f64; p.core.len()];
    for &u in sources {
        weight[u as usize] = 2.0 * p.omega[u as usize] / pi[u as usize];
    }
    let core_raw = brandes_raw::<true>(&p.reduced, &p.omega, &weight, sources, threads, cancel)?;
    Ok(combine(p, &core_raw, 1.0)
        .into_iter()
        .map(|x| x * scale)
        .collect())
}

// ---------------------------------------------------------------------------------------------
// Distance sums: closeness and harmonic

struct BfsState {
    dist: Vec<u32>,
    queue: Vec<u32>,
}

impl BfsState {
    fn new(n: usize) -> BfsState {
        BfsState {
            dist: vec![UNSEEN; n],
            queue: Vec::with_capacity(n),
        }
    }

    /// BFS from `s`: `(nodes reached other than s, sum of their distances, sum of inverse distances)`.
    fn sums(&mut self, g: &Csr, s: usize) -> (u64, u64, f64) {
        let BfsState { dist, queue } = self;
        queue.clear();
        dist[s] = 0;
        queue.push(s as u32);
        let mut head = 0;
        let (mut total, mut inv) = (0u64, 0.0f64);
        // Sum 1/d level by level, in increasing distance, as a count per level.
        let mut level = 0u32;
        let mut at_level = 0u64;
        while head < queue.len() {
            let v = queue[head] as usize;
            head += 1;
            let dv = dist[v];
            if dv != level {
                if level > 0 {
                    inv += at_level as f64 / f64::from(level);
                }
                level = dv;
                at_level = 0;
            }
            if dv > 0 {
                at_level += 1;
                total += u64::from(dv);
            }
            for &w in g.neighbors(v) {
                let w = w as usize;
                if dist[w] == UNSEEN {
                    dist[w] = dv + 1;
                    queue.push(w as u32);
                }
            }
        }
        if level > 0 {
            inv += at_level as f64 / f64::from(level);
        }
        for &v in queue.iter() {
            dist[v as usize] = UNSEEN;
        }
        (queue.len() as u64 - 1, total, inv)
    }
}

/// Closeness centrality: with `r` the number of other nodes `v` reaches and `S` the sum of their
/// distances, `r / S`, multiplied by `r / (n - 1)` when `wf_improved` (Wasserman-Faust; NetworkX's
/// default); 0 when `v` reaches nothing. Equal to NetworkX `closeness_centrality(G, wf_improved=...)`.
pub fn closeness(g: &Csr, wf_improved: bool, threads: Option<usize>) -> Vec<f64> {
    closeness_checked(g, wf_improved, threads, &Cancel::never()).expect("never cancelled")
}

/// [`closeness`], checking `cancel` every few sources.
pub fn closeness_checked(
    g: &Csr,
    wf_improved: bool,
    threads: Option<usize>,
    cancel: &Cancel,
) -> Result<Vec<f64>, Cancelled> {
    let n = g.node_count();
    par_map_nodes(
        n,
        threads,
        cancel,
        || BfsState::new(n),
        |st, v| {
            let (r, total, _) = st.sums(g, v);
            if total == 0 || n <= 1 {
                return 0.0;
            }
            let mut c = r as f64 / total as f64;
            if wf_improved {
                c *= r as f64 / (n as f64 - 1.0);
            }
            c
        },
    )
}

/// Harmonic centrality: the sum of `1 / d(v, u)` over the nodes `u != v` that `v` reaches
/// (NetworkX `harmonic_centrality`, not normalised).
pub fn harmonic(g: &Csr, threads: Option<usize>) -> Vec<f64> {
    harmonic_checked(g, threads, &Cancel::never()).expect("never cancelled")
}

/// [`harmonic`], checking `cancel` every few sources.
pub fn harmonic_checked(
    g: &Csr,
    threads: Option<usize>,
    cancel: &Cancel,
) -> Result<Vec<f64>, Cancelled> {
    let n = g.node_count();
    par_map_nodes(
        n,
        threads,
        cancel,
        || BfsState::new(n),
        |st, v| st.sums(g, v).2,
    )
}

// ---------------------------------------------------------------------------------------------
// Iterative metrics

fn weight_of(g: &Csr, i: usize, weighted: bool) -> f64 {
    match (&g.weights, weighted) {
        (Some(w), true) => w[i],
        _ => 1.0,
    }
}

/// `out[v] = sum over neighbours u of v of x[u] * w(u, v)` (`w = 1` unless `weighted`).
fn adjacency_times(g: &Csr, x: &[f64], weighted: bool, out: &mut [f64]) {
    for (v, o) in out.iter_mut().enumerate() {
        let (lo, hi) = (g.offsets[v], g.offsets[v + 1]);
        let mut s = 0.0;
        match (&g.weights, weighted) {
            (Some(w), true) => {
                for (&t, &wt) in g.targets[lo..hi].iter().zip(&w[lo..hi]) {
                    s += x[t as usize] * wt;
                }
            }
            _ => {
                for &t in &g.targets[lo..hi] {
                    s += x[t as usize];
                }
            }
        }
        *o = s;
    }
}

fn l1_diff(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum()
}

fn euclid(x: &[f64]) -> f64 {
    x.iter().map(|v| v * v).sum::<f64>().sqrt()
}

/// Eigenvector centrality as NetworkX `eigenvector_centrality`: start from `1/n`, repeat
/// `x <- (A + I) x / ||(A + I) x||_2` until `sum |x - x_prev| < n * tol`. Weighted when `weighted`
/// (weights as strengths). Empty for the empty graph.
pub fn eigenvector(
    g: &Csr,
    weighted: bool,
    max_iter: usize,
    tol: f64,
) -> Result<Values, CentralityError> {
    eigenvector_checked(g, weighted, max_iter, tol, &Cancel::never())
}

/// [`eigenvector`], checking `cancel` once per iteration.
pub fn eigenvector_checked(
    g: &Csr,
    weighted: bool,
    max_iter: usize,
    tol: f64,
    cancel: &Cancel,
) -> Result<Values, CentralityError> {
    let n = g.node_count();
    if n == 0 {
        return Ok(Values {
            values: Vec::new(),
            iterations: Some(0),
            sources: None,
        });
    }
    let mut x = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    cancel.add_work(max_iter as u64);
    for it in 1..=max_iter {
        cancel.advance(1)?;
        adjacency_times(g, &x, weighted, &mut next);
        for (nv, xv) in next.iter_mut().zip(&x) {
            *nv += xv;
        }
        let norm = euclid(&next);
        let norm = if norm == 0.0 { 1.0 } else { norm };
        for y in next.iter_mut() {
            *y /= norm;
        }
        let err = l1_diff(&next, &x);
        std::mem::swap(&mut x, &mut next);
        if !err.is_finite() {
            break;
        }
        if err < n as f64 * tol {
            return Ok(Values {
                values: x,
                iterations: Some(it),
                sources: None,
            });
        }
    }
    Err(CentralityError::NotConverged {
        metric: Metric::Eigenvector,
        iterations: max_iter,
        detail: format!(
            "the change stayed above n * tol = {:e}; raise max_iter or tol",
            n as f64 * tol
        ),
    })
}

/// PageRank as NetworkX `pagerank` (dangling nodes and teleport spread uniformly): start from `1/n`,
/// repeat `x <- d (x P + s / n) + (1 - d) / n` where `P` is the adjacency divided by each row's
/// (weighted) degree and `s` the mass on nodes without edges, until `sum |x - x_prev| < n * tol`.
/// The values sum to 1 (up to the tolerance).
pub fn pagerank(
    g: &Csr,
    damping: f64,
    weighted: bool,
    max_iter: usize,
    tol: f64,
) -> Result<Values, CentralityError> {
    pagerank_checked(g, damping, weighted, max_iter, tol, &Cancel::never())
}

/// [`pagerank`], checking `cancel` once per iteration.
pub fn pagerank_checked(
    g: &Csr,
    damping: f64,
    weighted: bool,
    max_iter: usize,
    tol: f64,
    cancel: &Cancel,
) -> Result<Values, CentralityError> {
    let n = g.node_count();
    if n == 0 {
        return Ok(Values {
            values: Vec::new(),
            iterations: Some(0),
            sources: None,
        });
    }
    let nf = n as f64;
    let strength: Vec<f64> = (0..n)
        .map(|v| {
            (g.offsets[v]..g.offsets[v + 1])
                .map(|i| weight_of(g, i, weighted))
                .sum()
        })
        .collect();
    let inv: Vec<f64> = strength
        .iter()
        .map(|&s| if s != 0.0 { 1.0 / s } else { 0.0 })
        .collect();
    let dangling: Vec<usize> = (0..n).filter(|&v| strength[v] == 0.0).collect();
    let mut x = vec![1.0 / nf; n];
    let mut share = vec![0.0; n];
    let mut next = vec![0.0; n];
    cancel.add_work(max_iter as u64);
    for it in 1..=max_iter {
        cancel.advance(1)?;
        for ((sh, xv), iv) in share.iter_mut().zip(&x).zip(&inv) {
            *sh = xv * iv;
        }
        let dsum: f64 = dangling.iter().map(|&v| x[v]).sum();
        let base = damping * dsum / nf + (1.0 - damping) / nf;
        adjacency_times(g, &share, weighted, &mut next);
        for nv in next.iter_mut() {
            *nv = damping * *nv + base;
        }
        let err = l1_diff(&next, &x);
        std::mem::swap(&mut x, &mut next);
        if err < nf * tol {
            return Ok(Values {
                values: x,
                iterations: Some(it),
                sources: None,
            });
        }
    }
    Err(CentralityError::NotConverged {
        metric: Metric::Pagerank,
        iterations: max_iter,
        detail: format!(
            "the change stayed above n * tol = {:e}; raise max_iter or tol",
            nf * tol
        ),
    })
}

/// A lower bound on the largest eigenvalue of the (weighted) adjacency matrix: the Rayleigh quotient
/// of a vector after a few power iterations of `A + I` (for a symmetric matrix every Rayleigh
/// quotient is at most the largest eigenvalue).
pub fn spectral_radius_lower_bound(g: &Csr, weighted: bool) -> f64 {
    spectral_bound_checked(g, weighted, &Cancel::never()).expect("never cancelled")
}

/// Iterations of [`spectral_radius_lower_bound`] at most.
const SPECTRAL_ITERATIONS: usize = 200;

/// [`spectral_radius_lower_bound`], checking `cancel` once per iteration.
fn spectral_bound_checked(g: &Csr, weighted: bool, cancel: &Cancel) -> Result<f64, Cancelled> {
    let n = g.node_count();
    if n == 0 || g.targets.is_empty() {
        return Ok(0.0);
    }
    let mut x = vec![1.0 / (n as f64).sqrt(); n];
    let mut y = vec![0.0; n];
    let mut best = 0.0f64;
    for _ in 0..SPECTRAL_ITERATIONS {
        cancel.check()?;
        adjacency_times(g, &x, weighted, &mut y);
        // Rayleigh quotient x.Ax / x.x with ||x|| = 1.
        let rq: f64 = x.iter().zip(&y).map(|(a, b)| a * b).sum();
        let prev = best;
        best = best.max(rq);
        for (yv, xv) in y.iter_mut().zip(&x) {
            *yv += xv;
        }
        let norm = euclid(&y);
        if norm == 0.0 {
            break;
        }
        for (xv, yv) in x.iter_mut().zip(&y) {
            *xv = yv / norm;
        }
        if (best - prev).abs() <= 1e-12 * best.abs() {
            break;
        }
    }
    Ok(best)
}

/// Katz centrality as NetworkX `katz_centrality(normalized=True)`: from `x = 0`, repeat
/// `x <- alpha A x + beta` until `sum |x - x_prev| < n * tol`, then divide by the Euclidean norm
/// (when `normalized`). The series converges only for `alpha < 1 / lambda_max`; when a lower bound on
/// `lambda_max` already shows `alpha >= 1 / lambda_max`, the result is
/// [`CentralityError::NotConverged`] without iterating.
pub fn katz(
    g: &Csr,
    alpha: f64,
    beta: f64,
    weighted: bool,
    normalized: bool,
    max_iter: usize,
    tol: f64,
) -> Result<Values, CentralityError> {
    katz_checked(
        g,
        &KatzParams {
            alpha,
            beta,
            weighted,
            normalized,
            max_iter,
            tol,
        },
        &Cancel::never(),
    )
}

/// The parameters of [`katz`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KatzParams {
    pub alpha: f64,
    pub beta: f64,
    pub weighted: bool,
    pub normalized: bool,
    pub max_iter: usize,
    pub tol: f64,
}

/// [`katz`], checking `cancel` once per iteration (of the spectral bound too).
pub fn katz_checked(g: &Csr, p: &KatzParams, cancel: &Cancel) -> Result<Values, CentralityError> {
    let KatzParams {
        alpha,
        beta,
        weighted,
        normalized,
        max_iter,
        tol,
    } = *p;
    let n = g.node_count();
    if n == 0 {
        return Ok(Values {
            values: Vec::new(),
            iterations: Some(0),
            sources: None,
        });
    }
    let lambda = spectral_bound_checked(g, weighted, cancel)?;
    if alpha * lambda >= 1.0 {
        return Err(CentralityError::NotConverged {
            metric: Metric::Katz,
            iterations: 0,
            detail: format!(
                "the series diverges: alpha = {alpha} is not below 1 / lambda_max, and the largest adjacency eigenvalue is at least {lambda:.6}, so alpha must be below {:.6}",
                1.0 / lambda
            ),
        });
    }
    let mut x = vec![0.0; n];
    let mut next = vec![0.0; n];
    cancel.add_work(max_iter as u64);
    for it in 1..=max_iter {
        cancel.advance(1)?;
        adjacency_times(g, &x, weighted, &mut next);
        for nv in next.iter_mut() {
            *nv = alpha * *nv + beta;
        }
        let err = l1_diff(&next, &x);
        std::mem::swap(&mut x, &mut next);
        if !err.is_finite() {
            break;
        }
        if err < n as f64 * tol {
            if normalized {
                let norm = euclid(&x);
                let s = if norm == 0.0 { 1.0 } else { 1.0 / norm };
                for v in x.iter_mut() {
                    *v *= s;
                }
            }
            return Ok(Values {
                values: x,
                iterations: Some(it),
                sources: None,
            });
        }
    }
    Err(CentralityError::NotConverged {
        metric: Metric::Katz,
        iterations: max_iter,
        detail: format!(
            "the change stayed above n * tol = {:e} (the largest adjacency eigenvalue is at least {lambda:.6}); lower alpha or raise max_iter",
            n as f64 * tol
        ),
    })
}

// ---------------------------------------------------------------------------------------------
// Core number and clustering

/// Core number of every node: the largest `k` such that the node belongs to the `k`-core (the
/// maximal subgraph whose nodes all have degree at least `k`), as NetworkX `core_number`
/// (Batagelj-Zaversnik, O(m)).
pub fn core_number(g: &Csr) -> Vec<u32> {
    let n = g.node_count();
    let mut deg: Vec<u32> = (0..n).map(|v| g.degree(v) as u32).collect();
    let md = deg.iter().copied().max().unwrap_or(0) as usize;
    let mut bin = vec![0usize; md + 1];
    for &d in &deg {
        bin[d as usize] += 1;
    }
    let mut start = 0;
    for b in bin.iter_mut() {
        let c = *b;
        *b = start;
        start += c;
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0u32; n];
    for v in 0..n {
        let d = deg[v] as usize;
        pos[v] = bin[d];
        vert[pos[v]] = v as u32;
        bin[d] += 1;
    }
    for d in (1..=md).rev() {
        bin[d] = bin[d - 1];
    }
    bin[0] = 0;
    for i in 0..n {
        let v = vert[i] as usize;
        for &u in g.neighbors(v) {
            let u = u as usize;
            if deg[u] > deg[v] {
                let du = deg[u] as usize;
                let pu = pos[u];
                let pw = bin[du];
                let w = vert[pw] as usize;
                if u != w {
                    pos[u] = pw;
                    vert[pu] = w as u32;
                    pos[w] = pu;
                    vert[pw] = u as u32;
                }
                bin[du] += 1;
                deg[u] -= 1;
            }
        }
    }
    deg
}

/// Local clustering coefficient: `2 T(v) / (deg(v) (deg(v) - 1))` where `T(v)` is the number of
/// triangles through `v`; 0 when `deg(v) < 2` (NetworkX `clustering`, unweighted).
pub fn clustering(g: &Csr, threads: Option<usize>) -> Vec<f64> {
    clustering_checked(g, threads, &Cancel::never()).expect("never cancelled")
}

/// [`clustering`], checking `cancel` every few nodes.
pub fn clustering_checked(
    g: &Csr,
    threads: Option<usize>,
    cancel: &Cancel,
) -> Result<Vec<f64>, Cancelled> {
    let n = g.node_count();
    par_map_nodes(
        n,
        threads,
        cancel,
        || vec![UNSEEN; n],
        |mark, u| {
            let nb = g.neighbors(u);
            let d = nb.len();
            if d < 2 {
                return 0.0;
            }
            for &v in nb {
                mark[v as usize] = u as u32;
            }
            let mut links = 0u64;
            for &v in nb {
                for &w in g.neighbors(v as usize) {
                    if mark[w as usize] == u as u32 {
                        links += 1;
                    }
                }
            }
            // `links` counts each triangle edge twice: links = 2 T(u).
            links as f64 / (d as f64 * (d as f64 - 1.0))
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Ranking and results

/// The key under which two values tie: the value rounded to 12 significant digits, so that values
/// equal up to floating-point noise share a rank.
fn tie_key(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let e = v.abs().log10().floor() as i32;
    let s = 10f64.powi(11 - e);
    (v * s).round() / s
}

/// Ranks nodes by value: sorted by value descending, ties broken by id ascending, with competition
/// ranking ("1224": tied values share the best rank and the next rank skips). Values that agree to
/// 12 significant digits tie. Returns `(rank, node index)` for the first `top` nodes (all when
/// `None`).
pub fn rank<S: AsRef<str>>(ids: &[S], values: &[f64], top: Option<usize>) -> Vec<(usize, usize)> {
    assert_eq!(ids.len(), values.len(), "one value per node");
    let keys: Vec<f64> = values.iter().map(|&v| tie_key(v)).collect();
    let cmp = |a: &usize, b: &usize| {
        keys[*b]
            .total_cmp(&keys[*a])
            .then_with(|| ids[*a].as_ref().cmp(ids[*b].as_ref()))
    };
    let mut idx: Vec<usize> = (0..values.len()).collect();
    let k = top.unwrap_or(idx.len()).min(idx.len());
    if k == 0 {
        return Vec::new();
    }
    if k < idx.len() {
        idx.select_nth_unstable_by(k - 1, cmp);
        idx.truncate(k);
    }
    idx.sort_unstable_by(cmp);
    let mut out = Vec::with_capacity(k);
    for (pos, &i) in idx.iter().enumerate() {
        let r = if pos > 0 && keys[idx[pos - 1]] == keys[i] {
            out.last().map_or(1, |&(r, _)| r)
        } else {
            pos + 1
        };
        out.push((r, i));
    }
    out
}

/// One node of a centrality ranking.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RankedNode {
    /// Competition rank (1224): 1 + the number of nodes with a strictly greater value.
    pub rank: usize,
    /// City or network id.
    pub id: String,
    /// City or network name.
    pub name: String,
    pub kind: NodeKind,
    /// The metric's value.
    pub value: f64,
}

/// How sampled betweenness was sampled.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SampleInfo {
    /// Sources asked for (single-source searches).
    pub requested: usize,
    /// Sources used: `requested`, or the number of nodes when the value is the exact one, as if
    /// every node were a source (when `requested` is at least the number of nodes, or at least the
    /// number of core nodes that can be a source once the trees hanging off the graph are counted
    /// in closed form).
    pub used: usize,
    /// Seed of the ChaCha8 generator that drew the sources.
    pub seed: u64,
}

/// A centrality metric on a projection, ranked.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CentralityResult {
    pub metric: Metric,
    pub projection: ProjectionKind,
    /// The day the projection describes (`YYYY-MM-DD`).
    pub as_of: String,
    /// Nodes in the projection (`n` of the normalisations).
    pub nodes: usize,
    /// Undirected edges in the projection.
    pub edges: usize,
    /// Whether the normalisation was applied (degree, betweenness, closeness, katz; absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalized: Option<bool>,
    /// Whether edge weights were read.
    pub weighted: bool,
    /// Iterations used (eigenvector, pagerank, katz).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iterations: Option<usize>,
    /// Iteration cap (eigenvector, pagerank, katz).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_iter: Option<usize>,
    /// Tolerance: iteration stops when the L1 change is below `nodes * tol` (eigenvector, pagerank,
    /// katz).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tol: Option<f64>,
    /// PageRank damping factor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub damping: Option<f64>,
    /// Katz attenuation factor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alpha: Option<f64>,
    /// Katz constant term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beta: Option<f64>,
    /// Present for sampled betweenness.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample: Option<SampleInfo>,
    /// Nodes by value descending, ties by id (the first `top` when asked).
    pub ranking: Vec<RankedNode>,
}

/// Computes `metric` on `proj` and ranks the nodes (the first `top` when given).
pub fn centrality(
    proj: &Projection,
    metric: Metric,
    params: &CentralityParams,
    top: Option<usize>,
) -> Result<CentralityResult, CentralityError> {
    centrality_cancellable(proj, metric, params, top, &Cancel::never())
}

/// [`centrality`], stopping once `cancel` says so (see [`compute_cancellable`]).
pub fn centrality_cancellable(
    proj: &Projection,
    metric: Metric,
    params: &CentralityParams,
    top: Option<usize>,
    cancel: &Cancel,
) -> Result<CentralityResult, CentralityError> {
    let v = compute_cancellable(&proj.graph, metric, params, cancel)?;
    let ranking = rank(&proj.ids, &v.values, top)
        .into_iter()
        .map(|(r, i)| RankedNode {
            rank: r,
            id: proj.ids[i].to_string(),
            name: proj.labels[i].to_string(),
            kind: proj.node_kind(i),
            value: v.values[i],
        })
        .collect();
    Ok(CentralityResult {
        metric,
        projection: proj.kind,
        as_of: proj.filter.as_of.to_string(),
        nodes: proj.node_count(),
        edges: proj.edge_count(),
        normalized: metric.has_normalization().then_some(params.normalized),
        weighted: params.weighted,
        iterations: v.iterations,
        max_iter: metric.is_iterative().then(|| params.max_iter()),
        tol: metric.is_iterative().then(|| params.tol()),
        damping: (metric == Metric::Pagerank).then_some(params.damping),
        alpha: (metric == Metric::Katz).then_some(params.alpha),
        beta: (metric == Metric::Katz).then_some(params.beta),
        sample: params.sample.map(|k| SampleInfo {
            requested: k,
            used: v.sources.unwrap_or(k.min(proj.node_count())),
            seed: params.seed,
        }),
        ranking,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::algo::filter::Filter;
    use crate::algo::projection::project;
    use crate::algo::projection::tests::{city, day, link, snap};

    fn path(n: u32) -> Csr {
        Csr::from_edges(n as usize, (1..n).map(|i| (i - 1, i)))
    }
    fn star(leaves: u32) -> Csr {
        Csr::from_edges(leaves as usize + 1, (1..=leaves).map(|i| (0, i)))
    }
    fn cycle(n: u32) -> Csr {
        Csr::from_edges(n as usize, (0..n).map(|i| (i, (i + 1) % n)))
    }
    fn complete(n: u32) -> Csr {
        Csr::from_edges(
            n as usize,
            (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))),
        )
    }
    /// Path 0-1-2, edge 3-4, isolated 5.
    fn pieces() -> Csr {
        Csr::from_edges(6, [(0, 1), (1, 2), (3, 4)])
    }
    fn close(a: &[f64], b: &[f64], tol: f64) {
        assert_eq!(a.len(), b.len(), "{a:?} vs {b:?}");
        for (i, (x, y)) in a.iter().zip(b).enumerate() {
            assert!(
                (x - y).abs() <= tol,
                "node {i}: {x} vs {y} (all: {a:?} vs {b:?})"
            );
        }
    }
    fn p() -> CentralityParams {
        CentralityParams::default()
    }

    #[test]
    fn degree_on_small_graphs() {
        close(
            &degree(&star(4), true),
            &[1.0, 0.25, 0.25, 0.25, 0.25],
            1e-15,
        );
        close(&degree(&star(4), false), &[4.0, 1.0, 1.0, 1.0, 1.0], 0.0);
        close(&degree(&Csr::from_edges(1, []), true), &[1.0], 0.0);
        assert!(degree(&Csr::default(), true).is_empty());
    }

    #[test]
    fn betweenness_on_small_graphs() {
        close(
            &betweenness(&path(5), false, None),
            &[0.0, 3.0, 4.0, 3.0, 0.0],
            1e-12,
        );
        close(
            &betweenness(&path(5), true, None),
            &[0.0, 0.5, 4.0 / 6.0, 0.5, 0.0],
            1e-12,
        );
        close(
            &betweenness(&star(4), true, None),
            &[1.0, 0.0, 0.0, 0.0, 0.0],
            1e-12,
        );
        close(
            &betweenness(&star(4), false, None),
            &[6.0, 0.0, 0.0, 0.0, 0.0],
            1e-12,
        );
        close(&betweenness(&cycle(5), false, None), &[1.0; 5], 1e-12);
        // In a 4-cycle each node carries half of the one pair it separates.
        close(&betweenness(&cycle(4), false, None), &[0.5; 4], 1e-12);
        close(&betweenness(&complete(4), true, None), &[0.0; 4], 0.0);
        close(
            &betweenness(&pieces(), true, None),
            &[0.0, 0.1, 0.0, 0.0, 0.0, 0.0],
            1e-12,
        );
        close(&betweenness(&path(2), true, None), &[0.0, 0.0], 0.0);
    }

    #[test]
    fn closeness_and_harmonic_on_small_graphs() {
        close(
            &closeness(&path(5), true, None),
            &[0.4, 4.0 / 7.0, 4.0 / 6.0, 4.0 / 7.0, 0.4],
            1e-12,
        );
        close(
            &closeness(&star(4), true, None),
            &[1.0, 4.0 / 7.0, 4.0 / 7.0, 4.0 / 7.0, 4.0 / 7.0],
            1e-12,
        );
        // Wasserman-Faust scales by the reachable share; without it, closeness inside the component.
        close(
            &closeness(&pieces(), true, None),
            &[4.0 / 15.0, 0.4, 4.0 / 15.0, 0.2, 0.2, 0.0],
            1e-12,
        );
        close(
            &closeness(&pieces(), false, None),
            &[2.0 / 3.0, 1.0, 2.0 / 3.0, 1.0, 1.0, 0.0],
            1e-12,
        );
        let h0 = 1.0 + 0.5 + 1.0 / 3.0 + 0.25;
        close(
            &harmonic(&path(5), None),
            &[h0, 2.5 + 1.0 / 3.0, 3.0, 2.5 + 1.0 / 3.0, h0],
            1e-12,
        );
        close(
            &harmonic(&pieces(), None),
            &[1.5, 2.0, 1.5, 1.0, 1.0, 0.0],
            1e-12,
        );
    }

    #[test]
    fn core_and_clustering_on_small_graphs() {
        // A triangle with a pendant node, plus an isolated node.
        let g = Csr::from_edges(5, [(0, 1), (1, 2), (0, 2), (2, 3)]);
        assert_eq!(core_number(&g), vec![2, 2, 2, 1, 0]);
        close(
            &clustering(&g, None),
            &[1.0, 1.0, 1.0 / 3.0, 0.0, 0.0],
            1e-15,
        );
        assert_eq!(core_number(&complete(5)), vec![4; 5]);
        close(&clustering(&complete(5), None), &[1.0; 5], 0.0);
        assert_eq!(core_number(&star(3)), vec![1; 4]);
        close(&clustering(&cycle(5), None), &[0.0; 5], 0.0);
        assert!(core_number(&Csr::default()).is_empty());
    }

    #[test]
    fn eigenvector_and_pagerank_on_small_graphs() {
        let s = 1.0 / 8f64.sqrt();
        let e = eigenvector(&star(4), false, 1000, 1e-12).unwrap();
        close(&e.values, &[1.0 / 2f64.sqrt(), s, s, s, s], 1e-9);
        close(
            &eigenvector(&complete(4), false, 100, 1e-6).unwrap().values,
            &[0.5; 4],
            1e-12,
        );
        let pr = pagerank(&star(4), 0.85, false, 1000, 1e-12).unwrap().values;
        let c = 0.132 / 0.2775;
        close(
            &pr,
            &[
                c,
                0.03 + 0.2125 * c,
                0.03 + 0.2125 * c,
                0.03 + 0.2125 * c,
                0.03 + 0.2125 * c,
            ],
            1e-9,
        );
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // An isolated node is dangling: its mass is spread uniformly.
        let pr = pagerank(&pieces(), 0.85, false, 1000, 1e-12)
            .unwrap()
            .values;
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        close(&[pr[3]], &[pr[4]], 1e-12);
        assert!(pr[1] > pr[0] && pr[5] < pr[3]);
    }

    /// Katz by a direct solve of `(I - alpha A) x = beta 1` (Gaussian elimination).
    fn katz_direct(g: &Csr, alpha: f64, beta: f64) -> Vec<f64> {
        let n = g.node_count();
        let mut m = vec![vec![0.0; n + 1]; n];
        for (v, row) in m.iter_mut().enumerate() {
            row[v] = 1.0;
            for &u in g.neighbors(v) {
                row[u as usize] -= alpha;
            }
            row[n] = beta;
        }
        for c in 0..n {
            let piv = (c..n)
                .max_by(|&a, &b| m[a][c].abs().total_cmp(&m[b][c].abs()))
                .unwrap();
            m.swap(c, piv);
            let pivot = m[c].clone();
            for (r, row) in m.iter_mut().enumerate() {
                if r != c {
                    let f = row[c] / pivot[c];
                    for (a, b) in row[c..].iter_mut().zip(&pivot[c..]) {
                        *a -= f * b;
                    }
                }
            }
        }
        let x: Vec<f64> = (0..n).map(|r| m[r][n] / m[r][r]).collect();
        let norm = euclid(&x);
        x.iter().map(|v| v / norm).collect()
    }

    #[test]
    fn katz_matches_the_closed_form_and_refuses_divergence() {
        for g in [path(6), star(5), pieces(), cycle(7)] {
            let k = katz(&g, 0.1, 1.0, false, true, 1000, 1e-13).unwrap();
            close(&k.values, &katz_direct(&g, 0.1, 1.0), 1e-10);
        }
        // K12 has lambda_max = 11 > 1 / 0.1: the series diverges.
        let err = katz(&complete(12), 0.1, 1.0, false, true, 1000, 1e-10).unwrap_err();
        assert_eq!(err.code(), "not_converged");
        assert!(err.to_string().contains("must be below"), "{err}");
        assert!(spectral_radius_lower_bound(&complete(12), false) > 10.99);
        // Just below the threshold it converges.
        assert!(katz(&complete(12), 0.08, 1.0, false, true, 1000, 1e-10).is_ok());
        // Unnormalised Katz of an edgeless graph is beta everywhere.
        close(
            &katz(&Csr::from_edges(3, []), 0.1, 2.0, false, false, 10, 1e-10)
                .unwrap()
                .values,
            &[2.0; 3],
            0.0,
        );
    }

    #[test]
    fn iterative_metrics_report_non_convergence() {
        let err = pagerank(&path(50), 0.85, false, 2, 1e-12).unwrap_err();
        assert!(matches!(
            err,
            CentralityError::NotConverged {
                metric: Metric::Pagerank,
                iterations: 2,
                ..
            }
        ));
        let err = eigenvector(&path(50), false, 2, 1e-12).unwrap_err();
        assert_eq!(err.code(), "not_converged");
    }

    #[test]
    fn weights_change_the_iterative_metrics_only_when_asked() {
        let g = Csr::from_weighted_edges(3, [(0, 1, 5.0), (1, 2, 1.0)]);
        let un = pagerank(&g, 0.85, false, 1000, 1e-12).unwrap().values;
        let w = pagerank(&g, 0.85, true, 1000, 1e-12).unwrap().values;
        close(&[un[0]], &[un[2]], 1e-12);
        assert!(w[0] > w[2] + 0.1);
        let params = CentralityParams {
            weighted: true,
            ..p()
        };
        assert_eq!(
            compute(&g, Metric::Betweenness, &params)
                .unwrap_err()
                .code(),
            "invalid_parameter"
        );
        assert!(compute(&g, Metric::Eigenvector, &params).is_ok());
    }

    #[test]
    fn parameters_are_validated() {
        let g = path(4);
        let bad = [
            (
                Metric::Pagerank,
                CentralityParams {
                    damping: 1.0,
                    ..p()
                },
            ),
            (Metric::Katz, CentralityParams { alpha: -0.1, ..p() }),
            (
                Metric::Katz,
                CentralityParams {
                    beta: f64::NAN,
                    ..p()
                },
            ),
            (
                Metric::Eigenvector,
                CentralityParams {
                    tol: Some(0.0),
                    ..p()
                },
            ),
            (
                Metric::Eigenvector,
                CentralityParams {
                    max_iter: Some(0),
                    ..p()
                },
            ),
            (
                Metric::Betweenness,
                CentralityParams {
                    sample: Some(0),
                    ..p()
                },
            ),
            (
                Metric::Closeness,
                CentralityParams {
                    sample: Some(3),
                    ..p()
                },
            ),
        ];
        for (m, params) in bad {
            assert_eq!(
                compute(&g, m, &params).unwrap_err().code(),
                "invalid_parameter",
                "{m} {params:?}"
            );
        }
        assert_eq!(
            "fame".parse::<Metric>().unwrap_err().code(),
            "unknown_metric"
        );
        for m in Metric::ALL {
            assert_eq!(m.as_str().parse::<Metric>().unwrap(), m);
            assert_eq!(serde_json::to_string(&m).unwrap(), format!("\"{m}\""));
            compute(&g, m, &p()).unwrap();
        }
    }

    #[test]
    fn sampled_betweenness_with_every_source_is_exact() {
        // 40 nodes in a ring-like core, a tree of two nodes on node 0 and leaves on 7 and 20.
        let g = Csr::from_edges(
            44,
            (0..39u32)
                .map(|i| (i, (i * 7 + 3) % 40))
                .chain((0..39).map(|i| (i, i + 1)))
                .chain([(40, 0), (41, 40), (42, 7), (43, 20)]),
        );
        let exact = betweenness(&g, true, Some(3));
        let all = betweenness_sampled(&g, 44, 9, true, Some(2));
        assert_eq!(exact, all);
        let more = compute(
            &g,
            Metric::Betweenness,
            &CentralityParams {
                sample: Some(1000),
                ..p()
            },
        )
        .unwrap();
        assert_eq!(exact, more);
        // The sources are distinct core nodes, seeded.
        let s1 = sample_sources(&g, 10, 1);
        assert_eq!(s1.len(), 10);
        assert!(s1.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(s1.iter().all(|&(_, pi)| pi > 0.0 && pi <= 1.0));
        assert_eq!(s1, sample_sources(&g, 10, 1));
        assert_ne!(s1, sample_sources(&g, 10, 2));
        // Every core node with a core neighbour is searched: exact, though k < n.
        let p = peel(&g);
        let frame = frame(&p).len();
        assert_eq!(frame, 40);
        assert_eq!(betweenness_sampled(&g, frame, 3, true, Some(2)), exact);
        assert_ne!(betweenness_sampled(&g, frame - 1, 3, true, Some(2)), exact);
    }

    #[test]
    fn inclusion_probabilities_are_proportional_to_tree_sizes() {
        // Omega 12 takes a certain place (12 * 3 / 20 >= 1); the other two places go to the rest
        // (total weight 8) in proportion to omega: 2 * 1 / 8 for weight 1, 2 * 2 / 8 for weight 2.
        let omega = [1.0, 12.0, 2.0, 2.0, 3.0];
        let frame = [0u32, 1, 2, 3, 4];
        let pi = inclusion_probabilities(&omega, &frame, 3);
        close(&pi, &[0.25, 1.0, 0.5, 0.5, 0.75], 1e-15);
        assert_eq!(inclusion_probabilities(&omega, &frame[1..], 6)[0], 0.0);
        assert!(inclusion_probabilities(&omega, &frame, 5)
            .iter()
            .all(|&x| x == 1.0));
        // Systematic sampling hits each unit for a share pi of the starts.
        let order = [4u32, 0, 1, 3, 2];
        assert_eq!(systematic(&pi, &order, 0.1), vec![1, 3, 4]);
        assert_eq!(systematic(&pi, &order, 0.8), vec![0, 1, 2]);
        let mut hits = [0usize; 5];
        for i in 0..1000 {
            for u in systematic(&pi, &order, (i as f64 + 0.5) / 1000.0) {
                hits[u as usize] += 1;
            }
        }
        let share: Vec<f64> = hits.iter().map(|&h| h as f64 / 1000.0).collect();
        close(&share, &pi, 1e-12);
    }

    #[test]
    fn ranks_use_competition_ranking_and_ids_for_ties() {
        let ids = ["d", "a", "c", "b", "e"];
        let vals = [0.5, 0.9, 0.5, 0.5 + 1e-15, 0.1];
        let r = rank(&ids, &vals, None);
        let named: Vec<(usize, &str)> = r.iter().map(|&(k, i)| (k, ids[i])).collect();
        assert_eq!(
            named,
            vec![(1, "a"), (2, "b"), (2, "c"), (2, "d"), (5, "e")]
        );
        let top = rank(&ids, &vals, Some(3));
        assert_eq!(top, r[..3].to_vec());
        assert!(rank(&ids, &vals, Some(0)).is_empty());
    }

    #[test]
    fn centrality_result_on_a_projection() {
        let s = snap(&[
            city("a", "europe", "FR"),
            city("b", "europe", "DE"),
            city("c", "europe", "IT"),
            city("z", "europe", "ES"),
            link("a", "b", "sister_city", &["established@1990"]),
            link("b", "c", "sister_city", &["established@1990"]),
        ]);
        let proj = project(&s, ProjectionKind::Twinning, &Filter::on(day("2000"))).unwrap();
        let r = centrality(&proj, Metric::Betweenness, &p(), Some(2)).unwrap();
        assert_eq!(r.ranking.len(), 2);
        assert_eq!((r.ranking[0].id.as_str(), r.ranking[0].rank), ("b", 1));
        // b lies on 1 of the 3 pairs of the 4 nodes: 1 * 2 / (3 * 2).
        assert!((r.ranking[0].value - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!((r.ranking[1].id.as_str(), r.ranking[1].rank), ("a", 2));
        assert_eq!(r.normalized, Some(true));
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["metric"], "betweenness");
        assert_eq!(json["projection"], "twinning");
        assert_eq!(json["as_of"], "2000-01-01");
        assert_eq!(json["ranking"][0]["kind"], "city");
        let r = centrality(
            &proj,
            Metric::Betweenness,
            &CentralityParams {
                sample: Some(2),
                seed: 4,
                ..p()
            },
            None,
        )
        .unwrap();
        // The path a-b-c is a tree: counted in closed form, so the value is exact.
        assert_eq!(
            r.sample,
            Some(SampleInfo {
                requested: 2,
                used: 4,
                seed: 4
            })
        );
        let r = centrality(&proj, Metric::Pagerank, &p(), None).unwrap();
        assert!(r.iterations.unwrap() > 1);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            (json["damping"].as_f64(), json["tol"].as_f64()),
            (Some(0.85), Some(DEFAULT_TOL))
        );
        assert!(json.get("alpha").is_none() && json.get("normalized").is_none());
        assert_eq!(r.ranking.last().unwrap().id, "z");
    }

    fn arb_graph() -> impl Strategy<Value = Csr> {
        (1usize..28).prop_flat_map(|n| {
            proptest::collection::vec((0..n as u32, 0..n as u32), 0..(n * 3))
                .prop_map(move |e| Csr::from_edges(n, e))
        })
    }

    /// A `w` x `h` grid: no trees to peel, so every node is a source of betweenness.
    fn grid(w: u32, h: u32) -> Csr {
        let id = |x: u32, y: u32| y * w + x;
        let mut edges = Vec::new();
        for y in 0..h {
            for x in 0..w {
                if x + 1 < w {
                    edges.push((id(x, y), id(x + 1, y)));
                }
                if y + 1 < h {
                    edges.push((id(x, y), id(x, y + 1)));
                }
            }
        }
        Csr::from_edges((w * h) as usize, edges)
    }

    /// Runs `f` with a live handle, cancels it from another thread once a tenth of the work (or a
    /// thousand units) is done, and checks that `f` stopped with `Abandoned` before the end of its
    /// work.
    fn stops_when_cancelled(f: impl FnOnce(&Cancel) -> Result<(), CentralityError> + Send) {
        let cancel = Cancel::new(None);
        let watcher = cancel.clone();
        let result = std::thread::scope(|sc| {
            sc.spawn(move || loop {
                let p = watcher.progress();
                if p.total > 0 && (p.done * 10 >= p.total || p.done >= 1000) {
                    watcher.cancel();
                    return;
                }
                std::thread::yield_now();
            });
            f(&cancel)
        });
        assert_eq!(
            result,
            Err(CentralityError::Cancelled(Cancelled::Abandoned))
        );
        let p = cancel.progress();
        assert!(
            p.done < p.total,
            "the computation ran to its end ({} of {}) instead of stopping",
            p.done,
            p.total
        );
    }

    #[test]
    fn bfs_family_stops_when_cancelled_and_at_its_deadline() {
        let g = grid(40, 40);
        for threads in [Some(1), Some(2)] {
            let params = CentralityParams { threads, ..p() };
            for metric in [Metric::Betweenness, Metric::Closeness, Metric::Harmonic] {
                stops_when_cancelled(|c| compute_cancellable(&g, metric, &params, c).map(|_| ()));
                let late = Cancel::new(Some(std::time::Instant::now()));
                assert_eq!(
                    compute_cancellable(&g, metric, &params, &late).map(|_| ()),
                    Err(CentralityError::Cancelled(Cancelled::Deadline)),
                    "{metric}"
                );
            }
        }
        // A live handle that never fires changes nothing.
        let live = Cancel::new(None);
        assert_eq!(
            compute_cancellable(&g, Metric::Betweenness, &p(), &live)
                .unwrap()
                .values,
            betweenness(&g, true, None)
        );
        assert_eq!(live.progress().done, live.progress().total);
    }

    #[test]
    fn iterative_family_stops_when_cancelled_and_at_its_deadline() {
        // With tol = 0 no iteration converges: only the handle (or max_iter) stops them.
        let g = grid(8, 8);
        let max_iter = 1_000_000;
        let run = |metric: Metric, c: &Cancel| -> Result<(), CentralityError> {
            match metric {
                Metric::Pagerank => pagerank_checked(&g, 0.85, false, max_iter, 0.0, c),
                Metric::Eigenvector => eigenvector_checked(&g, false, max_iter, 0.0, c),
                _ => katz_checked(
                    &g,
                    &KatzParams {
                        alpha: 0.1,
                        beta: 1.0,
                        weighted: false,
                        normalized: true,
                        max_iter,
                        tol: 0.0,
                    },
                    c,
                ),
            }
            .map(|_| ())
        };
        for metric in [Metric::Pagerank, Metric::Eigenvector, Metric::Katz] {
            stops_when_cancelled(|c| run(metric, c));
            let soon = Cancel::new(Some(
                std::time::Instant::now() + std::time::Duration::from_millis(50),
            ));
            assert_eq!(
                run(metric, &soon),
                Err(CentralityError::Cancelled(Cancelled::Deadline)),
                "{metric}"
            );
            let done = soon.progress().done;
            assert!(
                done >= 1 && done < max_iter as u64,
                "{metric}: {done} iterations"
            );
        }
    }

    #[test]
    fn sampling_family_stops_when_cancelled_and_at_its_deadline() {
        let g = grid(40, 40);
        let params = CentralityParams {
            sample: Some(1000),
            seed: 3,
            threads: Some(1),
            ..p()
        };
        stops_when_cancelled(|c| {
            compute_cancellable(&g, Metric::Betweenness, &params, c).map(|_| ())
        });
        let late = Cancel::new(Some(std::time::Instant::now()));
        assert_eq!(
            compute_cancellable(&g, Metric::Betweenness, &params, &late).map(|_| ()),
            Err(CentralityError::Cancelled(Cancelled::Deadline))
        );
        let live = Cancel::new(None);
        let v = compute_cancellable(&g, Metric::Betweenness, &params, &live).unwrap();
        assert_eq!(v.values, betweenness_sampled(&g, 1000, 3, true, Some(1)));
        assert_eq!(live.progress().done, 1000);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn betweenness_and_closeness_agree_with_rustworkx(g in arb_graph()) {
            let pg = g.to_petgraph();
            let n = g.node_count();
            for normalized in [true, false] {
                let ours = betweenness(&g, normalized, Some(2));
                let plain = betweenness_plain(&g, normalized, Some(1));
                for v in 0..n { prop_assert!((ours[v] - plain[v]).abs() < 1e-9, "peeled {v}: {} vs {}", ours[v], plain[v]); }
                let theirs: Vec<f64> = rustworkx_core::centrality::betweenness_centrality(&pg, false, normalized, usize::MAX)
                    .into_iter().map(|x| x.unwrap()).collect();
                for v in 0..n { prop_assert!((ours[v] - theirs[v]).abs() < 1e-9, "betweenness {v}: {} vs {}", ours[v], theirs[v]); }
            }
            for wf in [true, false] {
                let ours = closeness(&g, wf, Some(2));
                let theirs: Vec<f64> = rustworkx_core::centrality::closeness_centrality(&pg, wf, usize::MAX)
                    .into_iter().map(|x| x.unwrap()).collect();
                for v in 0..n { prop_assert!((ours[v] - theirs[v]).abs() < 1e-12, "closeness {v}: {} vs {}", ours[v], theirs[v]); }
            }
            let cores = rustworkx_core::connectivity::core_number(&pg);
            let ours = core_number(&g);
            for v in 0..n {
                prop_assert_eq!(ours[v] as usize, cores[&petgraph::graph::NodeIndex::new(v)]);
            }
        }

        #[test]
        fn sampled_betweenness_is_exact_in_expectation(g in arb_graph(), seed in 0u64..4) {
            // Linear scaling alone: with every core node as a source, the shares d(s, v) / d(s, t)
            // sum to the exact betweenness.
            let n = g.node_count();
            let exact = betweenness(&g, false, Some(1));
            let p = peel(&g);
            let all: Vec<u32> = (0..p.core.len() as u32).collect();
            let twice: Vec<f64> = p.omega.iter().map(|w| 2.0 * w).collect();
            let linear = brandes_raw::<true>(&p.reduced, &p.omega, &twice, &all, Some(1), &Cancel::never()).unwrap();
            let linear: Vec<f64> = combine(&p, &linear, 1.0).into_iter().map(|x| x * 0.5).collect();
            for v in 0..n {
                prop_assert!((linear[v] - exact[v]).abs() < 1e-9 * exact[v].max(1.0), "linear {v}: {} vs {}", linear[v], exact[v]);
            }
            // The design: for a given order the sample changes only where a start crosses the end of
            // a unit, so the expectation over the start is a finite sum over those intervals. It
            // equals the exact value for every k and every order drawn.
            let frame = frame(&p);
            for k in 1..=frame.len() + 1 {
                let d = design(&p, k, seed);
                let mut cuts = vec![0.0, 1.0];
                let mut end = 0.0f64;
                for &u in &d.order {
                    end += d.pi[u as usize];
                    cuts.push(end - end.floor());
                }
                cuts.sort_by(f64::total_cmp);
                cuts.dedup();
                let mut mean = vec![0.0; n];
                for w in cuts.windows(2) {
                    let len = w[1] - w[0];
                    if len <= 0.0 {
                        continue;
                    }
                    let sources = systematic(&d.pi, &d.order, (w[0] + w[1]) / 2.0);
                    prop_assert!(sources.len().abs_diff(k.min(frame.len())) <= 1);
                    let est = sampled_from(&g, &p, &sources, &d.pi, false, Some(1), &Cancel::never()).unwrap();
                    for (m, x) in mean.iter_mut().zip(est) {
                        *m += len * x;
                    }
                }
                for v in 0..n {
                    prop_assert!((mean[v] - exact[v]).abs() < 1e-9 * exact[v].max(1.0), "k={k} {v}: {} vs {}", mean[v], exact[v]);
                }
            }
        }

        #[test]
        fn results_do_not_depend_on_the_thread_count(g in arb_graph(), k in 1usize..30, seed in 0u64..5) {
            prop_assert_eq!(betweenness(&g, true, Some(1)), betweenness(&g, true, Some(3)));
            prop_assert_eq!(betweenness_sampled(&g, k, seed, true, Some(1)), betweenness_sampled(&g, k, seed, true, Some(2)));
            prop_assert_eq!(closeness(&g, true, Some(1)), closeness(&g, true, Some(4)));
            prop_assert_eq!(harmonic(&g, Some(1)), harmonic(&g, Some(2)));
            prop_assert_eq!(clustering(&g, Some(1)), clustering(&g, Some(2)));
        }

        #[test]
        fn metric_invariants(g in arb_graph()) {
            let n = g.node_count();
            let pr = pagerank(&g, 0.85, false, 1000, 1e-12).unwrap().values;
            prop_assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-8);
            let cores = core_number(&g);
            let cl = clustering(&g, None);
            let bc = betweenness(&g, true, None);
            for v in 0..n {
                prop_assert!(cores[v] as usize <= g.degree(v));
                prop_assert!((0.0..=1.0).contains(&cl[v]));
                prop_assert!(bc[v] >= 0.0 && bc[v] <= 1.0 + 1e-12);
            }
            if let Ok(e) = eigenvector(&g, false, 5000, 1e-12) {
                prop_assert!((euclid(&e.values) - 1.0).abs() < 1e-9);
            }
        }
    }
}
