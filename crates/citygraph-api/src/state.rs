//! Shared state of the HTTP layer: the service, auth settings, limits and metrics.
//!
//! Who a client is, for the service's per-client limits: the bearer token it presents when that
//! token is valid, otherwise the peer address of the connection (one address is one client, so
//! clients behind a shared proxy share a limit).

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use citygraph_service::write::{Precondition, WriteContext};
use citygraph_service::{ClientId, Service};
use subtle::ConstantTimeEq;

use crate::error::ApiError;
use crate::metrics::Metrics;

/// Settings of the HTTP layer.
#[derive(Clone, Debug)]
pub struct ApiConfig {
    /// Bearer tokens accepted for writes (and reads when `read_auth`), each `name:secret` (the
    /// name is what the change log records as who wrote; a bare secret is named `token-` and a
    /// hash of it). Empty: writes are refused.
    pub tokens: Vec<String>,
    /// Whether reads need a token too.
    pub read_auth: bool,
    /// Origins allowed by CORS (`*` for any).
    pub cors_origins: Vec<String>,
    /// Largest JSON body accepted, in bytes.
    pub json_limit: usize,
    /// Largest import body accepted, in bytes.
    pub import_limit: usize,
    /// Whether creating a job needs a token even when reads do not (`CITYGRAPH_JOBS_AUTH`).
    pub jobs_auth: bool,
    /// Blocking scans (city search, list filters, the change feed) run at once off the async
    /// workers; more wait for a turn (without holding a thread) up to `scan_wait`.
    pub scan_threads: usize,
    /// How long a scan waits for a turn before the request is refused as busy.
    pub scan_wait: std::time::Duration,
    /// Request line and header size limits, checked before routing ([`crate::edge`]).
    pub limits: crate::edge::Limits,
    /// Whether writes can succeed now (the store's disk has space, the store is healthy); `/readyz`
    /// answers 503 with the reason while they cannot.
    pub readiness: Option<Readiness>,
    /// Bytes of the cheap reads' answer cache ([`crate::read_cache`]); 0 turns it off.
    pub read_cache_bytes: usize,
}

/// A check of whether writes can succeed now; the reason when not.
#[derive(Clone)]
pub struct Readiness(pub Arc<dyn Fn() -> Result<(), String> + Send + Sync>);

impl std::fmt::Debug for Readiness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Readiness(..)")
    }
}

impl Default for ApiConfig {
    fn default() -> Self {
        ApiConfig {
            tokens: vec![],
            read_auth: false,
            cors_origins: vec![],
            json_limit: 1 << 20,
            import_limit: 256 << 20,
            jobs_auth: false,
            scan_threads: 4,
            scan_wait: std::time::Duration::from_secs(10),
            limits: crate::edge::Limits::default(),
            readiness: None,
            read_cache_bytes: 4 << 20,
        }
    }
}

/// A configured token: the name recorded for its writes, and its secret.
#[derive(Clone)]
pub struct NamedToken {
    pub name: String,
    secret: String,
}

impl std::fmt::Debug for NamedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NamedToken({})", self.name)
    }
}

/// Reads one entry of `CITYGRAPH_API_TOKENS`: `name:secret`, or a bare secret (named by a hash of
/// it, so that the log never shows a secret).
pub fn named_token(raw: &str) -> NamedToken {
    let raw = raw.trim();
    match raw.split_once(':') {
        Some((name, secret)) if !name.trim().is_empty() && !secret.is_empty() => NamedToken {
            name: name.trim().to_owned(),
            secret: secret.to_owned(),
        },
        _ => {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            raw.hash(&mut h);
            NamedToken {
                name: format!("token-{:08x}", h.finish() as u32),
                secret: raw.to_owned(),
            }
        }
    }
}

/// What every handler can reach.
pub struct AppState {
    pub svc: Arc<Service>,
    pub config: ApiConfig,
    /// The tokens of `config.tokens`, read.
    pub tokens: Vec<NamedToken>,
    pub metrics: Metrics,
    /// Turns of the blocking scans (see [`ApiConfig::scan_threads`]).
    pub scans: tokio::sync::Semaphore,
    /// The cheap reads' answers at the current version ([`ApiConfig::read_cache_bytes`]).
    pub reads: crate::read_cache::ReadCache,
}

impl AppState {
    pub fn new(svc: Arc<Service>, config: ApiConfig) -> web::Data<AppState> {
        let scans = tokio::sync::Semaphore::new(config.scan_threads.max(1));
        let tokens = config
            .tokens
            .iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| named_token(t))
            .collect();
        let reads = crate::read_cache::ReadCache::new(config.read_cache_bytes);
        web::Data::new(AppState {
            svc,
            reads,
            tokens,
            config,
            metrics: Metrics::default(),
            scans,
        })
    }

    /// Whether the request presents a valid bearer token.
    pub fn has_valid_token(&self, req: &HttpRequest) -> bool {
        self.token_ok(req).is_ok()
    }

    /// The client a request comes from (see the module docs).
    pub fn client_id(&self, req: &HttpRequest) -> ClientId {
        if let Some(token) = bearer(req).filter(|_| self.has_valid_token(req)) {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            token.hash(&mut h);
            return ClientId(format!("token:{:016x}", h.finish()));
        }
        match req.peer_addr() {
            Some(addr) => ClientId(format!("addr:{}", addr.ip())),
            None => ClientId("addr:unknown".to_owned()),
        }
    }

    /// Runs a blocking scan `f` on a blocking thread once a scan turn is free, so that the async
    /// workers never scan and scans never take the threads writes use.
    pub async fn scan<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let permit = tokio::time::timeout(self.config.scan_wait, self.scans.acquire())
            .await
            .map_err(|_| {
                ApiError::Service(citygraph_service::Error::Busy {
                    limit: self.config.scan_threads,
                    retry_after_secs: self.svc.config().retry_after_secs,
                })
            })?
            .map_err(|e| ApiError::Service(citygraph_service::Error::Internal(e.to_string())))?;
        let out = web::block(f)
            .await
            .map_err(|e| ApiError::Service(citygraph_service::Error::Internal(e.to_string())));
        drop(permit);
        out
    }

    /// The graph a read answers from: the version `at_version` named (resolved by
    /// [`crate::consistency`]), else the current one.
    pub fn snapshot(&self, req: &HttpRequest) -> Arc<citygraph_core::Snapshot> {
        match req.extensions().get::<crate::consistency::ReadAt>() {
            Some(at) => at.0.clone(),
            None => self.svc.snapshot(),
        }
    }

    /// The name of the valid token the request presents.
    fn token_ok(&self, req: &HttpRequest) -> Result<&str, ApiError> {
        if self.tokens.is_empty() {
            return Err(ApiError::http(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "this server has no API tokens configured (CITYGRAPH_API_TOKENS), so it accepts no writes",
            ));
        }
        let Some(presented) = bearer(req) else {
            return Err(ApiError::http(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "send Authorization: Bearer <token>",
            ));
        };
        // Compare against every token, in constant time for each, without stopping early.
        let mut found = None;
        for t in &self.tokens {
            if bool::from(t.secret.as_bytes().ct_eq(presented.as_bytes())) {
                found = found.or(Some(t.name.as_str()));
            }
        }
        if let Some(name) = found {
            Ok(name)
        } else {
            Err(ApiError::http(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "the bearer token is not valid",
            ))
        }
    }
}

/// The bearer token a request presents, if any. The scheme name is case-insensitive (RFC 9110
/// section 11.1): `Bearer`, `bearer` and `BEARER` are the same.
fn bearer(req: &HttpRequest) -> Option<&str> {
    let v = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .trim();
    let (scheme, token) = v.split_once([' ', '\t'])?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// Extractor that admits a request only with a valid bearer token, and reads its write context:
/// who (the token's name), why (the `reason` query parameter, at most [`MAX_REASON`] characters)
/// and the precondition (`If-Match`, see [`citygraph_service::write`]).
pub struct WriteAuth {
    pub context: WriteContext,
    svc: Arc<Service>,
}

/// The longest `reason` a write may give.
pub const MAX_REASON: usize = 1000;

#[derive(serde::Deserialize)]
struct ReasonQuery {
    reason: Option<String>,
}

impl WriteAuth {
    /// Runs the write `f` on a blocking thread within this request's write context (as
    /// `web::block` does, which every write handler would otherwise call).
    pub fn block<F, R>(
        &self,
        f: F,
    ) -> impl std::future::Future<Output = Result<R, actix_web::error::BlockingError>>
    where
        F: FnOnce() -> R + Send + 'static,
        R: Send + 'static,
    {
        let ctx = self.context.clone();
        let svc = self.svc.clone();
        web::block(move || svc.writing(ctx, f))
    }

    fn read(state: &AppState, req: &HttpRequest) -> Result<WriteAuth, ApiError> {
        let who = state.token_ok(req)?.to_owned();
        let precondition = match req.headers().get(actix_web::http::header::IF_MATCH) {
            None => None,
            Some(v) => Some(
                v.to_str()
                    .ok()
                    .and_then(Precondition::parse)
                    .ok_or_else(|| {
                        ApiError::http(
                            StatusCode::BAD_REQUEST,
                            "invalid_precondition",
                            "If-Match must be `*`, one ETag of a read (\"v12\" or W/\"v12-2019-06-01\") or a graph version",
                        )
                    })?,
            ),
        };
        let why = web::Query::<ReasonQuery>::from_query(req.query_string())
            .ok()
            .and_then(|q| q.into_inner().reason)
            .filter(|r| !r.trim().is_empty());
        if let Some(r) = &why {
            if r.chars().count() > MAX_REASON {
                return Err(ApiError::http(
                    StatusCode::BAD_REQUEST,
                    "invalid_parameter",
                    format!("invalid parameter reason: at most {MAX_REASON} characters"),
                ));
            }
        }
        Ok(WriteAuth {
            context: WriteContext {
                who: Some(who),
                why,
                precondition,
            },
            svc: state.svc.clone(),
        })
    }
}

impl FromRequest for WriteAuth {
    type Error = ApiError;
    type Future = std::future::Ready<Result<WriteAuth, ApiError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req
            .app_data::<web::Data<AppState>>()
            .expect("state is registered");
        std::future::ready(WriteAuth::read(state, req))
    }
}

/// Extractor for reads: admits everyone unless `CITYGRAPH_READ_AUTH=1`.
pub struct ReadAuth;

impl FromRequest for ReadAuth {
    type Error = ApiError;
    type Future = std::future::Ready<Result<ReadAuth, ApiError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req
            .app_data::<web::Data<AppState>>()
            .expect("state is registered");
        let r = if state.config.read_auth {
            state.token_ok(req).map(|_| ReadAuth)
        } else {
            Ok(ReadAuth)
        };
        std::future::ready(r)
    }
}
