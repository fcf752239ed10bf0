//! `/v1/cities`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use citygraph_core::City;
use citygraph_service::{entities, query};

use crate::body::{
    self, CityNetworksBody, CityPlace, DayStr, NetworkRows, PartnerRows, PartnersBody,
};
use crate::dto::{
    CityListQuery, CityNetworksView, CityPage, DeleteQuery, DeletedView, PartnersQuery,
    PartnersView,
};
use crate::error::{ApiError, Problem};
use crate::respond::{self, graph_json, written};
use crate::state::{AppState, ReadAuth, WriteAuth};

type Data = web::Data<AppState>;

/// List cities in id order, filtered, with cursor pagination.
#[utoipa::path(
    tag = "cities",
    params(CityListQuery),
    responses(
        (status = 200, description = "One page of cities", body = CityPage),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Unknown network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/cities")]
pub async fn list_cities(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<CityListQuery>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.snapshot(&req);
    let query = query::CityQuery {
        country: respond::country(q.country.as_deref())?,
        region: respond::region(q.region.as_deref())?,
        network: q.network.clone().filter(|s| !s.is_empty()),
        q: q.q.clone().filter(|s| !s.is_empty()),
        as_of: Some(respond::as_of(q.as_of.as_deref())?),
        limit: respond::limit(q.limit)?,
        after: q.cursor.clone().filter(|s| !s.is_empty()),
    };
    // A filtered list or a name search may scan every city: off the async workers.
    let page = {
        let (snap, query) = (snap.clone(), query.clone());
        st.scan(move || query::list_cities(&snap, &query)).await??
    };
    let body = CityPage {
        items: page.items.iter().map(|c| (**c).clone()).collect(),
        next: respond::next_link(&req, page.next),
        version: snap.version,
    };
    Ok(graph_json(
        &req,
        snap.version,
        query.as_of.filter(|_| query.network.is_some()),
        &body,
    ))
}

/// Create a city.
#[utoipa::path(
    tag = "cities",
    request_body = City,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = City),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The id is taken", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/cities")]
pub async fn create_city(
    a: WriteAuth,
    st: Data,
    body: web::Json<City>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (city, version) = a
        .block(move || svc.create_city(body.into_inner()))
        .await
        .map_err(internal)??;
    Ok(written(StatusCode::CREATED, version, &*city))
}

/// Get one city.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id")),
    responses(
        (status = 200, description = "The city", body = City),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/cities/{id}")]
pub async fn get_city(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.snapshot(&req);
    let city = entities::city(&snap, &id)?;
    Ok(graph_json(&req, snap.version, None, &**city))
}

/// Update a city with a JSON merge patch (RFC 7386); the id cannot change.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id")),
    request_body(content = Object, description = "JSON merge patch of the city's fields"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The updated city", body = City),
        (status = 400, description = "Malformed patch", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/cities/{id}")]
pub async fn patch_city(
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (city, version) = a
        .block(move || svc.patch_city(&id, &body))
        .await
        .map_err(internal)??;
    Ok(written(StatusCode::OK, version, &*city))
}

/// Delete a city. Refused (409 `still_referenced`) while partnerships or memberships reference it,
/// unless `cascade=true`.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id"), DeleteQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Deleted", body = DeletedView),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Still referenced", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/cities/{id}")]
pub async fn delete_city(
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
    q: web::Query<DeleteQuery>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let cascade = q.cascade.unwrap_or(false);
    let r = a
        .block(move || svc.delete_city(&id, cascade))
        .await
        .map_err(internal)??;
    Ok(written(
        StatusCode::OK,
        r.version,
        &DeletedView {
            deleted: r.deleted,
            cascaded: r.cascaded,
            version: r.version,
        },
    ))
}

/// The partners of a city on a day.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id"), PartnersQuery),
    responses(
        (status = 200, description = "Partners, by name", body = PartnersView),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/cities/{id}/partners")]
pub async fn city_partners(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
    q: web::Query<PartnersQuery>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.snapshot(&req);
    let day = respond::as_of(q.as_of.as_deref())?;
    // A cheap read (the city's own links), answered here: it never waits for analytics and never
    // enters the analytics cache. Written straight from the snapshot into the response's buffer,
    // or taken from the read cache.
    respond::cheap_read(&st, &req, snap.version, day, || {
        let status = query::StatusFilter::parse_or_default(q.status.as_deref())?;
        let found = query::partners(&snap, &id, day, status, q.kind)?;
        let count = found.partners.len();
        let page = respond::sub_list_page(found.partners, q.limit, q.cursor.as_deref(), |p| {
            p.partnership.id.as_str()
        })?;
        let next = respond::next_link(&req, page.next);
        let body = PartnersBody {
            city: CityPlace::from(found.city),
            as_of: DayStr(day),
            count,
            partners: PartnerRows(&page.items),
            next: next.as_deref(),
            version: snap.version,
        };
        Ok(body::to_vec(&body, body.size_hint()))
    })
}

/// The networks a city belongs to on a day.
#[utoipa::path(
    tag = "cities",
    params(("id" = String, Path, description = "City id"), crate::dto::MembersQuery),
    responses(
        (status = 200, description = "Memberships of the city", body = CityNetworksView),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such city", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/cities/{id}/networks")]
pub async fn city_networks(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
    q: web::Query<crate::dto::MembersQuery>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.snapshot(&req);
    let day = respond::as_of(q.as_of.as_deref())?;
    respond::cheap_read(&st, &req, snap.version, day, || {
        let list = query::networks_of(&snap, &id, day, q.all.unwrap_or(false))?;
        let count = list.len();
        let page =
            respond::sub_list_page(list, q.limit, q.cursor.as_deref(), |(m, _)| m.id.as_str())?;
        let next = respond::next_link(&req, page.next);
        let body = CityNetworksBody {
            city: &id,
            as_of: DayStr(day),
            count,
            networks: NetworkRows(&page.items),
            next: next.as_deref(),
            version: snap.version,
        };
        Ok(body::to_vec(&body, body.size_hint()))
    })
}

pub(crate) fn internal(e: actix_web::error::BlockingError) -> ApiError {
    ApiError::Service(citygraph_service::Error::Internal(e.to_string()))
}
