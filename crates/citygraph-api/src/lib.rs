//! citygraph-api: the REST API (actix-web), its JSON shapes and its OpenAPI document (utoipa).
//!
//! It owns the HTTP contract: routes under `/v1`, request and response DTOs ([`dto`]), the mapping of
//! service errors to `application/problem+json` ([`error`]), bearer-token auth and CORS ([`state`]),
//! Prometheus metrics ([`metrics`]), the cheap reads' bodies written straight from the snapshot
//! ([`body`]) and their answer cache ([`read_cache`]), and the OpenAPI document ([`openapi`],
//! committed at `api-spec/openapi.json`). It calls `citygraph-service` for everything else and never touches the
//! store directly; it installs no tracing subscriber (the binary does).
//!
//! Start with [`app`], then one handler module in `routes`.

pub mod body;
pub mod consistency;
pub mod dto;
pub mod edge;
pub mod error;
pub mod metrics;
pub mod read_cache;
pub mod respond;
pub mod routes;
pub mod state;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{from_fn, ErrorHandlers};
use actix_web::{web, App, HttpResponse};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::{scope, AppExt};
use utoipa_swagger_ui::SwaggerUi;

pub use state::{ApiConfig, AppState};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "citygraph",
        description = "A graph database service for city diplomacy: cities, the city networks they belong to, their memberships, and sister-city links with the full history of each link.\n\nDates: `as_of` and every date accept `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial date stands for the first day of the period it names (an event dated `1957` is in force from 1957-01-01). Reads that depend on time answer for `as_of` (default: today).\n\nErrors are `application/problem+json` (RFC 9457) with a stable `code`.\n\nWrites need `Authorization: Bearer <token>`.",
        license(name = "Apache-2.0")
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "cities", description = "Cities and their partners and networks"),
        (name = "networks", description = "City networks and their members"),
        (name = "memberships", description = "A city's membership of a network"),
        (name = "partnerships", description = "Links between cities and their event history"),
        (name = "analytics", description = "Centrality, components, paths, overlap, saturation, lapses, survival"),
        (name = "jobs", description = "Analytics queries run in the background, with progress and cancellation"),
        (name = "import-export", description = "Bulk import, exports and the change feed"),
        (name = "dashboard", description = "The compact map the dashboard at /dashboard/ is drawn from"),
        (name = "operations", description = "Health, readiness and metrics")
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

fn v1(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    use routes::{analytics, cities, graph, jobs, networks, ops, partnerships};
    cfg.service(graph::centrality_ranking)
        .service(graph::components_report)
        .service(graph::path)
        .service(graph::neighbourhood)
        .service(graph::lapse_report)
        .service(graph::survival_report)
        .service(graph::timeline_series)
        .service(graph::city_timeline)
        .service(analytics::overlap_report)
        .service(analytics::overlap_top)
        .service(analytics::saturation_report)
        .service(analytics::saturation_timeline)
        .service(analytics::similar)
        .service(analytics::recommendations)
        .service(jobs::create_job)
        .service(jobs::list_jobs)
        .service(jobs::get_job)
        .service(jobs::job_result)
        .service(jobs::cancel_job)
        .service(cities::list_cities)
        .service(cities::create_city)
        .service(cities::get_city)
        .service(cities::patch_city)
        .service(cities::delete_city)
        .service(cities::city_partners)
        .service(cities::city_networks)
        .service(networks::list_networks)
        .service(networks::create_network)
        .service(networks::get_network)
        .service(networks::patch_network)
        .service(networks::delete_network)
        .service(networks::network_members)
        .service(networks::list_memberships)
        .service(networks::create_membership)
        .service(networks::get_membership)
        .service(networks::patch_membership)
        .service(networks::delete_membership)
        .service(partnerships::list_partnerships)
        .service(partnerships::create_partnership)
        .service(partnerships::get_partnership)
        .service(partnerships::delete_partnership)
        .service(partnerships::add_event)
        .service(partnerships::history)
        .service(partnerships::patch_partnership)
        .service(partnerships::put_partnership)
        .service(partnerships::patch_event)
        .service(partnerships::delete_event)
        .service(routes::replace::put_city)
        .service(routes::replace::put_network)
        .service(routes::replace::put_membership)
        .service(ops::import)
        .service(ops::export)
        .service(ops::changes)
        .service(ops::change_entry)
        .service(routes::dashboard::map_data);
}

fn root(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    use routes::ops;
    cfg.service(ops::healthz)
        .service(ops::readyz)
        .service(ops::metrics);
}

/// The OpenAPI document of the API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(scope::scope("/v1").configure(v1))
        .configure(root)
        .split_for_parts();
    consistency::document(edge::document(routes::with_bounds(api)))
}

/// The one application: routes, OpenAPI and Swagger UI, error handling, auth, CORS, tracing and
/// metrics. The server and the tests both build it here.
pub fn app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let config = state.config.clone();
    let cors = cors(&config.cors_origins);
    App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .app_data(state)
        .app_data(
            web::JsonConfig::default()
                .limit(config.json_limit)
                .error_handler(error::json_error),
        )
        .app_data(web::PayloadConfig::new(config.import_limit))
        .app_data(web::QueryConfig::default().error_handler(error::query_error))
        .app_data(web::PathConfig::default().error_handler(error::path_error))
        .service(scope::scope("/v1").configure(v1))
        .configure(root)
        .openapi_service(|api| {
            SwaggerUi::new("/docs/{_:.*}").url(
                "/openapi.json",
                consistency::document(edge::document(routes::with_bounds(api))),
            )
        })
        .into_app()
        .configure(routes::dashboard::pages)
        .default_service(web::to(|| async { HttpResponse::NotFound().finish() }))
        .wrap(ErrorHandlers::new().default_handler(error::to_problem))
        .wrap(from_fn(consistency::read_your_writes))
        .wrap(actix_web::middleware::Compress::default())
        .wrap(tracing_actix_web::TracingLogger::<RequestSpan>::new())
        .wrap(cors)
        .wrap(from_fn(edge::edge))
}

/// The root span of each request (method, route, status, request id) at DEBUG: with the default
/// `info` filter it is not built, which keeps the hot read path cheap; `CITYGRAPH_LOG=debug` (or
/// `info,citygraph_api=debug`, the spans' target) turns request spans on.
pub struct RequestSpan;

impl tracing_actix_web::RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> tracing::Span {
        // The macro reads the matched route pattern (a walk of the route map) before it knows
        // whether the span is wanted: ask first.
        if !tracing::enabled!(tracing::Level::DEBUG) {
            return tracing::Span::none();
        }
        tracing_actix_web::root_span!(level = tracing::Level::DEBUG, request)
    }

    fn on_request_end<B: MessageBody>(
        span: tracing::Span,
        outcome: &Result<ServiceResponse<B>, actix_web::Error>,
    ) {
        tracing_actix_web::DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

fn cors(origins: &[String]) -> actix_cors::Cors {
    let base = actix_cors::Cors::default()
        .allowed_methods(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
        .allowed_headers([
            actix_web::http::header::AUTHORIZATION,
            actix_web::http::header::CONTENT_TYPE,
            actix_web::http::header::IF_NONE_MATCH,
            actix_web::http::header::IF_MATCH,
            actix_web::http::header::HeaderName::from_static("x-job-secret"),
        ])
        .expose_headers(["ETag", "X-Graph-Version", "Retry-After", "Location"])
        .max_age(3600);
    if origins.iter().any(|o| o == "*") {
        return base.allow_any_origin();
    }
    origins.iter().fold(base, |c, o| c.allowed_origin(o))
}
