//! The dashboard: `GET /v1/map` (the one compact read the map is drawn from), the page and its
//! files at `/dashboard/` (embedded by `citygraph-dashboard`), and `/` redirecting there.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use citygraph_service::map::{self, MapData, MapScope};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::{ApiError, Problem};
use crate::respond;
use crate::state::{AppState, ReadAuth};

type Data = web::Data<AppState>;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MapParams {
    /// Only cities of this survey region (a link when both ends are).
    pub region: Option<String>,
    /// Only cities of this country (ISO 3166-1 alpha-2; a link when both ends are).
    pub country: Option<String>,
}

/// Every city with its coordinates, every link with its dated state changes and every membership
/// with its interval, in one compact, columnar answer for maps that filter by day in the client
/// (the dashboard's time slider does not call the server). Days are counted from 1970-01-01. The
/// status of link `i` on day `d` is `links.initial[i]` when none of its changes
/// (`changes[links.changes_from[i] .. links.changes_from[i+1]]`) has `day <= d`, else the
/// `status` of the last one that has: the partial-date rule and the history's transitions are
/// already applied. A membership is in force on `d` when `from` is null or `<= d`, and `to` is null
/// or `> d`. Built once per graph version; follow changes with `If-None-Match`. At most 300,000
/// cities and 300,000 links (`map_too_large` past that: narrow by region or country).
#[utoipa::path(
    tag = "dashboard",
    params(MapParams),
    responses(
        (status = 200, description = "The map", body = MapData),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter (`invalid_region`, `invalid_country`) or a map past the size bounds (`map_too_large`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/map")]
pub async fn map_data(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<MapParams>,
) -> Result<HttpResponse, ApiError> {
    let scope = MapScope {
        region: respond::region(q.region.as_deref())?,
        country: respond::country(q.country.as_deref())?,
    };
    let snap = st.snapshot(&req);
    let version = snap.version;
    // Built off the async workers, on a scan turn (at most once per snapshot and scope).
    let bytes = st.scan(move || map::map_json(&snap, &scope)).await??;
    let mut res = respond::graph_bytes(&req, version, None, web::Bytes::from_owner(bytes));
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(res)
}

/// The dashboard's pages: registered on the app directly, outside the OpenAPI document (they are
/// files, not API).
pub fn pages(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/")
            .route(web::get().to(to_dashboard))
            .route(web::head().to(to_dashboard)),
    )
    .service(
        web::resource("/dashboard")
            .route(web::get().to(to_dashboard))
            .route(web::head().to(to_dashboard)),
    )
    .service(
        web::resource("/dashboard/{path:.*}")
            .route(web::get().to(asset))
            .route(web::head().to(asset)),
    );
}

/// `/` and `/dashboard` go to `/dashboard/`, keeping the query (a shared view).
async fn to_dashboard(req: HttpRequest) -> HttpResponse {
    let qs = req.query_string();
    let to = if qs.is_empty() {
        "/dashboard/".to_owned()
    } else {
        format!("/dashboard/?{qs}")
    };
    HttpResponse::Found()
        .insert_header((header::LOCATION, to))
        .finish()
}

async fn asset(req: HttpRequest, path: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let Some(a) = citygraph_dashboard::asset(&path) else {
        return Err(ApiError::http(
            StatusCode::NOT_FOUND,
            "asset_not_found",
            format!("the dashboard has no file {:?}", path.as_str()),
        ));
    };
    let etag = a.etag();
    let fresh = respond::not_modified(&req, &etag);
    let mut res = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    res.insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, a.caching.cache_control()))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            citygraph_dashboard::CONTENT_SECURITY_POLICY,
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::REFERRER_POLICY, "no-referrer"))
        .insert_header(("Cross-Origin-Opener-Policy", "same-origin"));
    if fresh {
        return Ok(res.finish());
    }
    Ok(res
        .insert_header((header::CONTENT_TYPE, a.content_type))
        .body(a.bytes))
}
