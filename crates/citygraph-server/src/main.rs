//! citygraph: the binary. Subcommands `serve`, `import`, `export`, `analytics`, `openapi`,
//! `seed build`, `generate` and `migrate`.
//!
//! The store is the sled folder `--data-dir` unless `--store postgres://...` (or
//! `CITYGRAPH_STORE_URL`) names a PostgreSQL database, which any number of servers share; the data
//! folder then keeps only this server's checkpoints, and a follower thread applies what the other
//! servers write (`citygraph_service::follow`).
//!
//! This crate owns configuration (flags and `CITYGRAPH_*` environment variables), the tracing
//! subscriber, the progress bar, and the wiring of store, service and API. It is the only crate that
//! uses `anyhow`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use citygraph_api::{ApiConfig, AppState};
use citygraph_service::import::{read_path, Located};
use citygraph_service::{Service, ServiceConfig};

mod analytics_cli;
use citygraph_store::{ResilientStore, SledStore, StoreOptions};
use clap::{Parser, Subcommand};

mod generate;

#[derive(Parser)]
#[command(
    name = "citygraph",
    version,
    about = "A graph database service for city diplomacy"
)]
struct Cli {
    /// Folder of the embedded database.
    #[arg(
        long,
        global = true,
        env = "CITYGRAPH_DATA_DIR",
        default_value = "./citygraph-data"
    )]
    data_dir: PathBuf,
    /// Megabytes of the store's page cache (reads are served from memory regardless).
    #[arg(long, global = true, env = "CITYGRAPH_CACHE_MB", default_value_t = 256)]
    cache_mb: u64,
    /// Commits of more writes than this (large imports) are written as bulk commits (pages first,
    /// then the commit point), all or nothing, instead of one in-memory transaction.
    #[arg(
        long,
        global = true,
        env = "CITYGRAPH_BULK_THRESHOLD",
        default_value_t = 20_000
    )]
    bulk_threshold: usize,
    /// A checkpoint of the graph (what a start loads instead of replaying the change log) is
    /// written in the background every this many versions, and after every bulk import.
    #[arg(
        long,
        global = true,
        env = "CITYGRAPH_CHECKPOINT_EVERY",
        default_value_t = 1000
    )]
    checkpoint_every: u64,
    /// A shared store instead of the sled folder: `postgres://user@host:port/db` (PostgreSQL). The
    /// data folder then holds only this server's checkpoints.
    #[arg(
        long = "store",
        global = true,
        env = "CITYGRAPH_STORE_URL",
        hide_env_values = true
    )]
    store_url: Option<String>,
    /// The PostgreSQL schema of the store (several stores can share one database).
    #[arg(
        long,
        global = true,
        env = "CITYGRAPH_PG_SCHEMA",
        default_value = "citygraph"
    )]
    pg_schema: String,
    /// Connections in the PostgreSQL pool.
    #[arg(long, global = true, env = "CITYGRAPH_PG_POOL", default_value_t = 8)]
    pg_pool: usize,
    /// Megabytes that must stay free on the data folder's disk: writes are refused (507) below it.
    #[arg(
        long,
        global = true,
        env = "CITYGRAPH_MIN_FREE_MB",
        default_value_t = 64
    )]
    min_free_mb: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP service (loads the seed data into an empty data folder first).
    Serve {
        /// Address to listen on.
        #[arg(long, env = "CITYGRAPH_BIND", default_value = "127.0.0.1:8080")]
        bind: String,
        /// Seed folder loaded when the data folder is empty.
        #[arg(long, env = "CITYGRAPH_SEED_DIR", default_value = "seed-data")]
        seed_dir: PathBuf,
        /// Seed files to leave out (comma-separated): a source tag (`climactor`, `etmun`,
        /// `urbact`, `baltic`) leaves out every file that carries it; a file name
        /// (`memberships-climactor.ndjson`) that file and the files of its kind with more tags.
        #[arg(long, env = "CITYGRAPH_SEED_EXCLUDE", value_delimiter = ',')]
        seed_exclude: Vec<String>,
        /// Do not load the seed data into an empty data folder.
        #[arg(long)]
        no_seed: bool,
        /// Bearer tokens accepted for writes (comma-separated).
        #[arg(
            long,
            env = "CITYGRAPH_API_TOKENS",
            value_delimiter = ',',
            hide_env_values = true
        )]
        api_tokens: Vec<String>,
        /// Require a token for reads too (`1`/`true`).
        #[arg(long, env = "CITYGRAPH_READ_AUTH", default_value = "0")]
        read_auth: String,
        /// Origins allowed by CORS (comma-separated; `*` for any).
        #[arg(long, env = "CITYGRAPH_CORS_ORIGINS", value_delimiter = ',')]
        cors_origins: Vec<String>,
        /// Largest JSON body, in bytes.
        #[arg(long, env = "CITYGRAPH_JSON_LIMIT", default_value_t = 1 << 20)]
        json_limit: usize,
        /// Largest import body, in bytes.
        #[arg(long, env = "CITYGRAPH_IMPORT_LIMIT", default_value_t = 256 << 20)]
        import_limit: usize,
        /// Megabytes of the cache of the cheap reads' answers at the current version (partners,
        /// a city's networks, a network's members, histories); 0 turns it off.
        #[arg(long, env = "CITYGRAPH_READ_CACHE_MB", default_value_t = 4)]
        read_cache_mb: usize,
        /// Analytics computations run at once (the analytics workers).
        #[arg(long, env = "CITYGRAPH_MAX_COMPUTATIONS", default_value_t = 2)]
        max_computations: usize,
        #[command(flatten)]
        limits: Limits,
        /// HTTP worker threads (default: one per core).
        #[arg(long, env = "CITYGRAPH_WORKERS")]
        workers: Option<usize>,
    },
    /// Import NDJSON seed-format files or gen_graph CSV folders, all or nothing.
    Import {
        /// Files (.ndjson) or folders (cities.csv, partnerships.csv, networks.csv, memberships.csv).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Export the graph: geojson, graphml, gexf, csv (zip), nodes.csv, edges.csv or ndjson.
    Export {
        /// Output format.
        #[arg(long, default_value = "ndjson")]
        format: String,
        /// Output file (`-` for standard output).
        #[arg(long)]
        out: PathBuf,
        /// The graph as it was on this day (YYYY[-MM[-DD]]; default today).
        #[arg(long)]
        as_of: Option<String>,
        /// `twinning` (default) or `bipartite`.
        #[arg(long)]
        projection: Option<String>,
        /// Only cities of this survey region.
        #[arg(long)]
        region: Option<String>,
        /// Only cities of this country (ISO 3166-1 alpha-2).
        #[arg(long)]
        country: Option<String>,
        /// Only members of this network on `as_of`.
        #[arg(long)]
        network: Option<String>,
        /// Only links of this kind.
        #[arg(long)]
        kind: Option<String>,
        /// `in_force` (default), `active`, `suspended`, `ended` or `all`.
        #[arg(long)]
        status: Option<String>,
    },
    /// Run an analytics query on the data folder, without a server, and print its answer.
    ///
    /// QUERY is one of centrality, components, path, neighbourhood, overlap, top_pairs,
    /// saturation, saturation_timeline, similar_cities, network_recommendations, lapses, survival,
    /// timeline, city_timeline. Its parameters are those of the GET route, as flags
    /// (`--as-of 2018-06-01` or `--as_of 2018-06-01`; a flag without a value is `true`); a per-city
    /// query takes the city id first. Example: `citygraph analytics centrality --metric
    /// betweenness --as-of 2018-06-01 --top 20 --format csv`.
    #[command(
        override_usage = "citygraph analytics QUERY [CITY] [--PARAM VALUE]... [--format json|csv] [--timeout SECONDS]"
    )]
    Analytics {
        /// The query.
        query: String,
        /// The city of a per-city query, then `--param value` pairs.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Write a synthetic dataset (cities, networks, memberships, partnerships, summary.json) in the
    /// CSV layout `import` reads; the same seed gives the same bytes on every machine.
    Generate {
        /// small (3k cities, 8k links, 200 networks), medium (50k, 150k, 1k) or large (1M, 5M, 5k).
        #[arg(long, default_value = "small", value_parser = ["small", "medium", "large"])]
        scale: String,
        /// Seed of the random draws.
        #[arg(long, default_value_t = citygraph_generate::DEFAULT_SEED)]
        seed: u64,
        /// Output folder (created if missing; the five files in it are replaced).
        #[arg(long)]
        out: PathBuf,
        /// Number of cities instead of the scale's.
        #[arg(long)]
        cities: Option<u32>,
        /// Number of sister-city links instead of the scale's.
        #[arg(long)]
        links: Option<u64>,
        /// Number of networks instead of the scale's.
        #[arg(long)]
        networks: Option<u32>,
    },
    /// Move a graph from one store into another, empty one, through the NDJSON export format:
    /// a sled folder into PostgreSQL or back. The target's export is checked byte for byte
    /// against the source's.
    Migrate {
        /// The source: a sled folder, or a `postgres://` URL.
        #[arg(long)]
        from: String,
        /// The target (empty): a sled folder, or a `postgres://` URL.
        #[arg(long)]
        to: String,
    },
    /// Seed data: rebuild `seed-data/` from the public raw sources.
    Seed {
        #[command(subcommand)]
        command: SeedCommand,
    },
}

/// Limits of the shared service (analytics, jobs, exports, scans).
#[derive(clap::Args)]
struct Limits {
    /// How many versions behind the newest a read may name with `at_version` (older ones answer
    /// 410 `version_not_retained`).
    #[arg(long, env = "CITYGRAPH_VERSION_RETENTION", default_value_t = citygraph_service::versions::DEFAULT_RETENTION)]
    version_retention: u64,
    /// Seconds a request may compute before it stops with 503 `deadline_exceeded`.
    #[arg(long, env = "CITYGRAPH_ANALYTICS_TIMEOUT", default_value_t = 30.0)]
    analytics_timeout: f64,
    /// Most estimated work (about one unit per node or edge visited) a request may take before
    /// it is refused with 422 `query_too_expensive`; jobs get it scaled by their longer deadline.
    #[arg(long, env = "CITYGRAPH_ANALYTICS_BUDGET", default_value_t = citygraph_service::DEFAULT_ANALYTICS_BUDGET)]
    analytics_budget: u64,
    /// Computations waiting for an analytics worker at most (more get 503 `busy`).
    #[arg(long, env = "CITYGRAPH_ANALYTICS_QUEUE", default_value_t = 16)]
    analytics_queue: usize,
    /// Computations one client (token, or address when anonymous) may have in flight, running or
    /// queued (more get 429); one client runs on at most all analytics workers but one.
    #[arg(long, env = "CITYGRAPH_ANALYTICS_PER_CLIENT", default_value_t = 4)]
    analytics_per_client: usize,
    /// Threads one computation may use (default: every core).
    #[arg(long, env = "CITYGRAPH_ANALYTICS_THREADS")]
    analytics_threads: Option<usize>,
    /// Megabytes of the analytics result cache.
    #[arg(long, env = "CITYGRAPH_RESULT_CACHE_MB", default_value_t = 256)]
    result_cache_mb: u64,
    /// Seconds a job may compute.
    #[arg(long, env = "CITYGRAPH_JOB_TIMEOUT", default_value_t = 3600.0)]
    job_timeout: f64,
    /// Jobs enqueued or processing at once (more get 429 `too_many_jobs`).
    #[arg(long, env = "CITYGRAPH_MAX_JOBS", default_value_t = 8)]
    max_jobs: usize,
    /// Jobs one client may have enqueued or processing.
    #[arg(long, env = "CITYGRAPH_JOBS_PER_CLIENT", default_value_t = 2)]
    jobs_per_client: usize,
    /// Job computations run at once.
    #[arg(long, env = "CITYGRAPH_JOB_WORKERS", default_value_t = 1)]
    job_workers: usize,
    /// Seconds a finished job is kept (at most 256 finished jobs are kept).
    #[arg(long, env = "CITYGRAPH_JOB_RETENTION", default_value_t = 3600)]
    job_retention: u64,
    /// Require a token to create jobs (`1`/`true`); reads may stay open.
    #[arg(long, env = "CITYGRAPH_JOBS_AUTH", default_value = "0")]
    jobs_auth: String,
    /// Exports streamed at once (one per client).
    #[arg(long, env = "CITYGRAPH_MAX_EXPORTS", default_value_t = 2)]
    max_exports: usize,
    /// Seconds an export may stream.
    #[arg(long, env = "CITYGRAPH_EXPORT_TIMEOUT", default_value_t = 600.0)]
    export_timeout: f64,
    /// Blocking scans (searches, filtered lists, the change feed) run at once.
    #[arg(long, env = "CITYGRAPH_SCAN_THREADS", default_value_t = 4)]
    scan_threads: usize,
    /// Change-feed readers long-polling at once (`wait=`); more get 503 `busy`.
    #[arg(long, env = "CITYGRAPH_FEED_WAITERS", default_value_t = citygraph_service::feed::DEFAULT_FEED_WAITERS)]
    feed_waiters: usize,
}

/// A boolean setting in any usual spelling (case-insensitive `1/0`, `true/false`, `yes/no`,
/// `on/off`, `y/n`, `t/f`; empty is false), or an error naming the setting.
fn flag(name: &str, s: &str) -> Result<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" | "y" | "t" => Ok(true),
        "0" | "false" | "no" | "off" | "n" | "f" | "" => Ok(false),
        _ => anyhow::bail!(
            "{name}: {s:?} is not a boolean (use true or false, 1 or 0, yes or no, on or off)"
        ),
    }
}

fn seconds(name: &str, s: f64) -> Result<std::time::Duration> {
    std::time::Duration::try_from_secs_f64(s)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| anyhow::anyhow!("{name}: {s} is not a positive number of seconds"))
}

fn positive(name: &str, n: usize) -> Result<usize> {
    if n == 0 {
        anyhow::bail!("{name}: expected a positive integer, got '0'");
    }
    Ok(n)
}

/// Parses the command line and the `CITYGRAPH_*` variables. A value that does not parse is
/// refused naming the variable it came from (or the flag, when it was given as one), and the
/// process exits with status 2.
fn parse_cli() -> Cli {
    match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => match name_the_setting(&e) {
            Some(msg) => {
                eprintln!("error: {msg}");
                std::process::exit(2);
            }
            None => e.exit(),
        },
    }
}

/// The message of a refused value, naming the setting, for clap's value errors.
fn name_the_setting(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use clap::CommandFactory;
    if !matches!(
        e.kind(),
        ErrorKind::ValueValidation | ErrorKind::InvalidValue
    ) {
        return None;
    }
    let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    let value = match e.get(ContextKind::InvalidValue) {
        Some(ContextValue::String(v)) => v.clone(),
        _ => String::new(),
    };
    let long = arg
        .split_whitespace()
        .next()?
        .strip_prefix("--")?
        .to_owned();
    let env = find_env(&Cli::command(), &long)?;
    let flag = format!("--{long}");
    let on_command_line = std::env::args().any(|a| a == flag || a.starts_with(&format!("{flag}=")));
    let setting = if on_command_line { flag } else { env };
    let source = std::error::Error::source(e);
    let expected = if source.is_some_and(|s| s.is::<std::num::ParseIntError>()) {
        "expected a non-negative integer".to_owned()
    } else if source.is_some_and(|s| s.is::<std::num::ParseFloatError>()) {
        "expected a number".to_owned()
    } else if let Some(s) = source {
        format!("expected a valid value ({s})")
    } else {
        "expected a valid value".to_owned()
    };
    Some(format!("{setting}: {expected}, got '{value}'"))
}

/// The environment variable of the flag `--long` of `cmd` or one of its subcommands.
fn find_env(cmd: &clap::Command, long: &str) -> Option<String> {
    cmd.get_arguments()
        .find(|a| a.get_long() == Some(long))
        .and_then(|a| a.get_env())
        .map(|v| v.to_string_lossy().into_owned())
        .or_else(|| cmd.get_subcommands().find_map(|c| find_env(c, long)))
}

impl Limits {
    fn service_config(&self, max_computations: usize) -> Result<ServiceConfig> {
        Ok(ServiceConfig {
            max_concurrent_computations: max_computations.max(1),
            analytics_queue: self.analytics_queue,
            analytics_per_client: self.analytics_per_client.max(1),
            analytics_timeout: seconds("CITYGRAPH_ANALYTICS_TIMEOUT", self.analytics_timeout)?,
            analytics_budget: self.analytics_budget,
            analytics_threads: self.analytics_threads,
            result_cache_bytes: (self.result_cache_mb << 20) as usize,
            job_workers: self.job_workers.max(1),
            job_timeout: seconds("CITYGRAPH_JOB_TIMEOUT", self.job_timeout)?,
            jobs: citygraph_service::jobs::JobsConfig {
                max_jobs: self.max_jobs.max(1),
                per_client: self.jobs_per_client.max(1),
                retention: std::time::Duration::from_secs(self.job_retention),
                ..Default::default()
            },
            max_exports: self.max_exports.max(1),
            exports_per_client: 1,
            export_timeout: seconds("CITYGRAPH_EXPORT_TIMEOUT", self.export_timeout)?,
            version_retention: self.version_retention,
            feed_waiters: positive("CITYGRAPH_FEED_WAITERS", self.feed_waiters)?,
            ..ServiceConfig::default()
        })
    }
}

#[derive(Subcommand)]
enum SeedCommand {
    /// Resolve the raw sources into the normalised seed files (deterministic: the same sources give
    /// the same bytes).
    Build {
        /// Folder of the raw sources (wikipedia-twincities-hekman/, wikidata-p190-2016-l3viathan/,
        /// geonames-cities15000/, climactor/, curated-lapse-events/, etmun-gourdon/,
        /// urbact-gourdon/, baltic-twinning-bussmann-nickel/, unesco-creative-cities/,
        /// eurocities-members/).
        #[arg(long, default_value = "../shared/data/raw")]
        raw: PathBuf,
        /// Output folder.
        #[arg(long, default_value = "seed-data")]
        out: PathBuf,
        /// Restricted sources to leave out of the build (comma-separated: climactor, etmun, urbact,
        /// baltic): the other sources' records stay whole, where leaving their files out of a
        /// load drops the open facts merged into them.
        #[arg(long, value_delimiter = ',')]
        without: Vec<citygraph_seed::Restricted>,
    },
}

fn main() -> Result<()> {
    let cli = parse_cli();
    let store_options = StoreOptions {
        cache_bytes: cli.cache_mb.max(1) << 20,
        bulk_threshold: cli.bulk_threshold,
    };
    init_tracing();
    let checkpoint_every = cli.checkpoint_every;
    let pg = PgSettings {
        schema: cli.pg_schema.clone(),
        pool: cli.pg_pool,
    };
    let location = StoreLocation::parse(
        "CITYGRAPH_STORE_URL (--store)",
        cli.store_url.as_deref(),
        &cli.data_dir,
    )?;
    match cli.command {
        Command::Serve {
            bind,
            seed_dir,
            seed_exclude,
            no_seed,
            api_tokens,
            read_auth,
            cors_origins,
            json_limit,
            import_limit,
            read_cache_mb,
            max_computations,
            limits,
            workers,
        } => {
            let read_auth = flag("CITYGRAPH_READ_AUTH", &read_auth)?;
            if std::net::ToSocketAddrs::to_socket_addrs(bind.as_str()).is_err() {
                anyhow::bail!(
                    "CITYGRAPH_BIND (--bind): expected an address such as 127.0.0.1:8080, got '{bind}'"
                );
            }
            let workers = workers
                .map(|w| positive("CITYGRAPH_WORKERS", w))
                .transpose()?;
            let jobs_auth = flag("CITYGRAPH_JOBS_AUTH", &limits.jobs_auth)?;
            let (svc, store) = open_service_with_store(
                &location,
                &pg,
                &store_options,
                cli.min_free_mb << 20,
                limits.service_config(max_computations)?,
                checkpoint_every,
            )?;
            if svc.version() == 0 && !no_seed {
                load_seed(&svc, &seed_dir, &seed_exclude)?;
            }
            let tokens: Vec<String> = api_tokens
                .into_iter()
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
                .collect();
            if tokens.is_empty() {
                tracing::warn!("no API tokens configured (CITYGRAPH_API_TOKENS): this server refuses every write");
            }
            let config = ApiConfig {
                tokens,
                read_auth,
                cors_origins: cors_origins.into_iter().filter(|o| !o.is_empty()).collect(),
                json_limit,
                import_limit,
                read_cache_bytes: read_cache_mb.saturating_mul(1 << 20),
                jobs_auth,
                scan_threads: limits.scan_threads.max(1),
                readiness: store.map(|store| {
                    citygraph_api::state::Readiness(Arc::new(move || {
                        store.ready().map_err(|e| e.to_string())
                    }))
                }),
                ..ApiConfig::default()
            };
            serve(Arc::new(svc), config, &bind, workers)
        }
        Command::Import { files } => {
            let svc = open_service(
                &location,
                &pg,
                &store_options,
                ServiceConfig::default(),
                checkpoint_every,
            )?;
            let mut records: Vec<Located> = Vec::new();
            // Read every file before giving up, so that every bad line of every file is reported.
            let mut bad = Vec::new();
            for f in &files {
                match read_path(f) {
                    Ok(r) => records.extend(r),
                    Err(citygraph_service::Error::ImportRejected(p)) => bad.extend(p),
                    Err(e) => return Err(report_import_error(e)),
                }
            }
            if !bad.is_empty() {
                return Err(report_import_error(
                    citygraph_service::Error::ImportRejected(bad),
                ));
            }
            let report = import_with_progress(&svc, records)?;
            println!("{}", serde_json::to_string_pretty(&report)?);
            Ok(())
        }
        Command::Export {
            format,
            out,
            as_of,
            projection,
            region,
            country,
            network,
            kind,
            status,
        } => {
            let svc = open_service(
                &location,
                &pg,
                &store_options,
                ServiceConfig::default(),
                checkpoint_every,
            )?;
            let params = citygraph_service::export::ExportParams {
                as_of,
                projection,
                region,
                country,
                network,
                kind: kind
                    .as_deref()
                    .map(str::parse)
                    .transpose()
                    .map_err(anyhow::Error::msg)?,
                status,
            };
            let request = citygraph_service::export::ExportRequest::new(&format, &params)?;
            let snap = svc.snapshot();
            let cancel = citygraph_service::Cancel::never();
            let write =
                |w: &mut dyn Write| -> Result<_> { Ok(svc.export(&request, &snap, w, &cancel)?) };
            let summary = if out.as_os_str() == "-" {
                let stdout = std::io::stdout();
                let mut w = std::io::BufWriter::new(stdout.lock());
                let summary = write(&mut w)?;
                w.flush()?;
                summary
            } else {
                // Write beside the target and rename, so a failed export never leaves half a file.
                let tmp = out.with_extension("partial");
                let mut w = std::io::BufWriter::new(
                    std::fs::File::create(&tmp)
                        .with_context(|| format!("creating {}", tmp.display()))?,
                );
                let summary = write(&mut w)?;
                w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                std::fs::rename(&tmp, &out)
                    .with_context(|| format!("writing {}", out.display()))?;
                summary
            };
            eprintln!(
                "exported {} nodes and {} edges as {} (graph version {})",
                summary.nodes,
                summary.edges,
                request.format.as_str(),
                snap.version
            );
            Ok(())
        }
        Command::Analytics { query, args } => {
            let prepared = analytics_cli::prepare(&query, &args)?;
            let svc = open_service(
                &location,
                &pg,
                &store_options,
                ServiceConfig::default(),
                checkpoint_every,
            )?;
            analytics_cli::run(&svc, prepared)
        }
        Command::Seed {
            command: SeedCommand::Build { raw, out, without },
        } => {
            let options = citygraph_seed::BuildOptions {
                without: without.into_iter().collect(),
            };
            let report = citygraph_seed::build_with(&raw, &out, &options)
                .with_context(|| format!("building the seed from {}", raw.display()))?;
            println!("{report}");
            Ok(())
        }
        // A PostgreSQL side keeps its checkpoints under --data-dir.
        Command::Migrate { from, to } => migrate(
            &StoreLocation::parse("--from", Some(&from), &cli.data_dir)?,
            &StoreLocation::parse("--to", Some(&to), &cli.data_dir)?,
            &pg,
            &store_options,
        ),
        Command::Openapi => {
            println!("{}", citygraph_api::openapi().to_pretty_json()?);
            Ok(())
        }
        Command::Generate {
            scale,
            seed,
            out,
            cities,
            links,
            networks,
        } => generate::run(
            &generate::params(&scale, seed, cities, links, networks)?,
            &out,
        ),
    }
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = match std::env::var("CITYGRAPH_LOG") {
        Ok(v) if !v.trim().is_empty() => EnvFilter::try_new(&v).unwrap_or_else(|e| {
            eprintln!("error: CITYGRAPH_LOG: expected a tracing filter such as info or info,citygraph_service=debug, got '{v}' ({e})");
            std::process::exit(2);
        }),
        _ => EnvFilter::new("info"),
    };
    let json = std::env::var("CITYGRAPH_LOG_FORMAT").is_ok_and(|v| v == "json");
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// Where the graph is kept: a sled folder, or a shared PostgreSQL database (with a local folder
/// for this server's checkpoints).
enum StoreLocation {
    Sled(PathBuf),
    Postgres { url: String, checkpoints: PathBuf },
}

/// PostgreSQL settings from the flags.
struct PgSettings {
    schema: String,
    pool: usize,
}

impl StoreLocation {
    /// `url` (from `--store`, or `migrate`'s `--from`/`--to`): a `postgres://` URL, else a folder.
    /// `setting` names where `url` came from, for the error.
    fn parse(setting: &str, url: Option<&str>, data_dir: &Path) -> Result<StoreLocation> {
        Ok(match url.map(str::trim).filter(|u| !u.is_empty()) {
            Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => {
                StoreLocation::Postgres {
                    url: u.to_owned(),
                    checkpoints: data_dir.join("checkpoints"),
                }
            }
            Some(u) if u.contains("://") => anyhow::bail!(
                "{setting}: unsupported store URL {:?}: use postgres://user@host:port/database, or a sled folder",
                u.split("://").next().unwrap_or_default()
            ),
            Some(u) => StoreLocation::Sled(PathBuf::from(u)),
            None => StoreLocation::Sled(data_dir.to_owned()),
        })
    }

    fn describe(&self) -> String {
        match self {
            StoreLocation::Sled(p) => p.display().to_string(),
            StoreLocation::Postgres { url, .. } => redact(url),
        }
    }

    fn open(
        &self,
        pg: &PgSettings,
        options: &StoreOptions,
    ) -> Result<Arc<dyn citygraph_store::GraphStore>> {
        Ok(match self {
            StoreLocation::Sled(dir) => Arc::new(
                SledStore::open_with(dir, options.clone())
                    .with_context(|| format!("opening store at {}", dir.display()))?,
            ),
            StoreLocation::Postgres { url, checkpoints } => {
                let store = citygraph_store_postgres::PgStore::open(
                    url,
                    citygraph_store_postgres::PgOptions {
                        schema: pg.schema.clone(),
                        pool_size: pg.pool,
                        bulk_threshold: options.bulk_threshold,
                        checkpoint_dir: Some(checkpoints.clone()),
                        ..Default::default()
                    },
                )
                .with_context(|| format!("opening the PostgreSQL store at {}", redact(url)))?;
                Arc::new(store)
            }
        })
    }
}

/// A URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

fn open_service(
    location: &StoreLocation,
    pg: &PgSettings,
    options: &StoreOptions,
    config: ServiceConfig,
    checkpoint_every: u64,
) -> Result<Service> {
    let store = location.open(pg, options)?;
    let config = ServiceConfig {
        checkpoint_every,
        checkpoint_bulk: options.bulk_threshold,
        ..config
    };
    Service::open(store, config)
        .with_context(|| format!("loading the graph from {}", location.describe()))
}

/// `citygraph migrate`: the source's NDJSON export imported into the empty target, then both
/// exports compared byte for byte.
fn migrate(
    from: &StoreLocation,
    to: &StoreLocation,
    pg: &PgSettings,
    options: &StoreOptions,
) -> Result<()> {
    let source = open_service(from, pg, options, ServiceConfig::default(), 0)?;
    let mut export = Vec::new();
    source.export_ndjson(&mut export)?;
    let version = source.version();
    drop(source);
    let target = open_service(to, pg, options, ServiceConfig::default(), 0)?;
    if target.version() != 0 {
        anyhow::bail!(
            "the target {} is not empty (graph version {}): migrate into an empty store",
            to.describe(),
            target.version()
        );
    }
    let text = String::from_utf8(export).context("the export is not UTF-8")?;
    let records = citygraph_service::import::parse_ndjson(&text, "export.ndjson")
        .map_err(|p| report_import_error(citygraph_service::Error::ImportRejected(p)))?;
    let report = import_with_progress(&target, records)?;
    let mut check = Vec::new();
    target.export_ndjson(&mut check)?;
    if check != text.as_bytes() {
        anyhow::bail!("the target's export differs from the source's: the migration is incomplete");
    }
    target.checkpoints().request(target.snapshot());
    target.checkpoints().wait_idle();
    eprintln!(
        "migrated {} records from {} (graph version {version}) into {} (graph version {})",
        report.created,
        from.describe(),
        to.describe(),
        target.version()
    );
    Ok(())
}

/// Opens the service; on a sled folder, through a store that refuses writes below `reserve` free
/// bytes and recovers by itself once the disk has space again (returned for `/readyz`).
fn open_service_with_store(
    location: &StoreLocation,
    pg: &PgSettings,
    options: &StoreOptions,
    reserve: u64,
    config: ServiceConfig,
    checkpoint_every: u64,
) -> Result<(Service, Option<Arc<ResilientStore>>)> {
    let StoreLocation::Sled(dir) = location else {
        let svc = open_service(location, pg, options, config, checkpoint_every)?;
        return Ok((svc, None));
    };
    let store = Arc::new(
        ResilientStore::open_with(dir, options.clone(), reserve)
            .with_context(|| format!("opening store at {}", dir.display()))?,
    );
    let config = ServiceConfig {
        checkpoint_every,
        checkpoint_bulk: options.bulk_threshold,
        ..config
    };
    let svc = Service::open(store.clone(), config)
        .with_context(|| format!("loading the graph from {}", dir.display()))?;
    Ok((svc, Some(store)))
}

fn report_import_error(e: citygraph_service::Error) -> anyhow::Error {
    match e {
        citygraph_service::Error::ImportRejected(problems) => {
            let mut msg = format!(
                "import rejected, nothing was changed ({} problem(s)):",
                problems.len()
            );
            for p in problems.iter().take(50) {
                msg.push_str(&format!(
                    "\n  {}:{}: [{}] {}",
                    p.file, p.line, p.code, p.message
                ));
            }
            if problems.len() > 50 {
                msg.push_str(&format!("\n  ... and {} more", problems.len() - 50));
            }
            anyhow::anyhow!(msg)
        }
        other => anyhow::Error::new(other),
    }
}

fn import_with_progress(
    svc: &Service,
    records: Vec<Located>,
) -> Result<citygraph_service::import::ImportReport> {
    let total = records.len() as u64;
    let bar = if std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new(total);
        b.set_style(
            indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({eta})")
                .expect("static template")
                .progress_chars("=> "),
        );
        b.set_message("checking");
        Some(b)
    } else {
        None
    };
    let progress = |n: u64| {
        if let Some(b) = &bar {
            b.set_position(n);
        }
    };
    let result = svc.import(records, &progress);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    result.map_err(report_import_error)
}

fn load_seed(svc: &Service, dir: &Path, exclude: &[String]) -> Result<()> {
    if !dir.is_dir() {
        tracing::warn!(dir = %dir.display(), "no seed folder; starting with an empty graph");
        return Ok(());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ndjson"))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !exclude.iter().any(|x| seed_file_excluded(name, x))
        })
        .collect();
    files.sort();
    let start = std::time::Instant::now();
    let mut records = Vec::new();
    for f in &files {
        records.extend(read_path(f).map_err(report_import_error)?);
    }
    let report = import_with_progress(svc, records)?;
    tracing::info!(
        files = files.len(),
        created = report.created,
        seconds = start.elapsed().as_secs_f64(),
        "seed data loaded"
    );
    Ok(())
}

/// Whether a seed file is left out by an entry of `CITYGRAPH_SEED_EXCLUDE`. Seed files are named
/// `kind[-tag...].ndjson`, the tags naming the restricted sources whose facts their records carry
/// (`memberships-climactor-etmun.ndjson`). A bare tag (`etmun`) leaves out every file carrying it;
/// a file name leaves out the files of its kind that carry all of its tags.
fn seed_file_excluded(file: &str, entry: &str) -> bool {
    let entry = entry.trim();
    if entry.is_empty() {
        return false;
    }
    let parts = |s: &str| -> Vec<String> {
        s.trim_end_matches(".ndjson")
            .split('-')
            .map(str::to_owned)
            .collect()
    };
    let f = parts(file);
    let (kind, tags) = if entry.ends_with(".ndjson") {
        let e = parts(entry);
        (Some(e[0].clone()), e[1..].to_vec())
    } else {
        (None, vec![entry.to_owned()])
    };
    kind.is_none_or(|k| k == f[0]) && tags.iter().all(|t| f[1..].contains(t))
}

fn serve(svc: Arc<Service>, config: ApiConfig, bind: &str, workers: Option<usize>) -> Result<()> {
    // A shared store: follow what the other servers write.
    let _follower = svc.follow();
    let state = AppState::new(svc, config);
    let rt = actix_web::rt::System::new();
    rt.block_on(async move {
        // A client that closes its side of the connection has left: its request's future is then
        // dropped, which lets go of any computation it waited for (HTTP clients do not half-close
        // to wait for an answer).
        let mut server = actix_web::HttpServer::new(move || citygraph_api::app(state.clone()))
            .h1_allow_half_closed(false);
        if let Some(w) = workers {
            server = server.workers(w);
        }
        let server = server
            .bind(bind)
            .with_context(|| format!("CITYGRAPH_BIND (--bind): binding {bind}"))?;
        for addr in server.addrs() {
            // The tests read this line to learn the port when binding to :0.
            tracing::info!(%addr, "listening");
            eprintln!("citygraph listening on http://{addr}");
        }
        server.run().await.context("running the HTTP server")
    })
}

#[cfg(test)]
mod tests {
    use super::seed_file_excluded;

    #[test]
    fn seed_exclusions_follow_source_tags() {
        let files = [
            "cities.ndjson",
            "memberships.ndjson",
            "memberships-climactor.ndjson",
            "memberships-climactor-etmun.ndjson",
            "memberships-etmun.ndjson",
            "partnerships-baltic.ndjson",
        ];
        let left_out = |entry: &str| -> Vec<&str> {
            files
                .iter()
                .copied()
                .filter(|f| seed_file_excluded(f, entry))
                .collect()
        };
        assert_eq!(
            left_out("memberships-climactor.ndjson"),
            [
                "memberships-climactor.ndjson",
                "memberships-climactor-etmun.ndjson"
            ]
        );
        assert_eq!(
            left_out("etmun"),
            [
                "memberships-climactor-etmun.ndjson",
                "memberships-etmun.ndjson"
            ]
        );
        assert_eq!(left_out("baltic"), ["partnerships-baltic.ndjson"]);
        assert!(
            left_out("cities").is_empty(),
            "a bare word is a tag, not a kind"
        );
        assert!(left_out("").is_empty());
    }
}
