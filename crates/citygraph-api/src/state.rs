//! Shared state of the HTTP layer: the service, auth settings, limits and metrics.

use std::sync::Arc;

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest};
use citygraph_service::Service;
use subtle::ConstantTimeEq;

use crate::error::ApiError;
use crate::metrics::Metrics;

/// Settings of the HTTP layer.
#[derive(Clone, Debug)]
pub struct ApiConfig {
    /// Bearer tokens accepted for writes (and reads when `read_auth`). Empty: writes are refused.
    pub tokens: Vec<String>,
    /// Whether reads need a token too.
    pub read_auth: bool,
    /// Origins allowed by CORS (`*` for any).
    pub cors_origins: Vec<String>,
    /// Largest JSON body accepted, in bytes.
    pub json_limit: usize,
    /// Largest import body accepted, in bytes.
    pub import_limit: usize,
}

impl Default for ApiConfig {
    fn default() -> Self {
        ApiConfig {
            tokens: vec![],
            read_auth: false,
            cors_origins: vec![],
            json_limit: 1 << 20,
            import_limit: 256 << 20,
        }
    }
}

/// What every handler can reach.
pub struct AppState {
    pub svc: Arc<Service>,
    pub config: ApiConfig,
    pub metrics: Metrics,
}

impl AppState {
    pub fn new(svc: Arc<Service>, config: ApiConfig) -> web::Data<AppState> {
        web::Data::new(AppState {
            svc,
            config,
            metrics: Metrics::default(),
        })
    }

    fn token_ok(&self, req: &HttpRequest) -> Result<(), ApiError> {
        if self.config.tokens.is_empty() {
            return Err(ApiError::http(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "this server has no API tokens configured (CITYGRAPH_API_TOKENS), so it accepts no writes",
            ));
        }
        let presented = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        let Some(presented) = presented else {
            return Err(ApiError::http(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "send Authorization: Bearer <token>",
            ));
        };
        // Compare against every token, in constant time for each, without stopping early.
        let mut ok = subtle::Choice::from(0u8);
        for t in &self.config.tokens {
            ok |= t.as_bytes().ct_eq(presented.as_bytes());
        }
        if bool::from(ok) {
            Ok(())
        } else {
            Err(ApiError::http(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "the bearer token is not valid",
            ))
        }
    }
}

/// Extractor that admits a request only with a valid bearer token.
pub struct WriteAuth;

impl FromRequest for WriteAuth {
    type Error = ApiError;
    type Future = std::future::Ready<Result<WriteAuth, ApiError>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req
            .app_data::<web::Data<AppState>>()
            .expect("state is registered");
        std::future::ready(state.token_ok(req).map(|()| WriteAuth))
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
            state.token_ok(req).map(|()| ReadAuth)
        } else {
            Ok(ReadAuth)
        };
        std::future::ready(r)
    }
}
