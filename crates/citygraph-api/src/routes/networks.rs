//! `/v1/networks` and `/v1/memberships`.

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use citygraph_core::{Membership, Network};
use citygraph_service::{entities, query};

use super::cities::internal;
use crate::body::{self, DayStr, MemberRows, MembersBody};
use crate::dto::{
    DeleteQuery, DeletedView, MembersQuery, MembersView, MembershipPage, NetworkPage, PageQuery,
};
use crate::error::{ApiError, Problem};
use crate::respond::{self, graph_json, written};
use crate::state::{AppState, ReadAuth, WriteAuth};

type Data = web::Data<AppState>;

/// List networks in id order.
#[utoipa::path(
    tag = "networks",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of networks", body = NetworkPage),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/networks")]
pub async fn list_networks(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.snapshot(&req);
    let page = query::page_of(
        &snap.networks,
        q.cursor.as_deref(),
        respond::limit(q.limit)?,
        |_| true,
    )?;
    let body = NetworkPage {
        items: page.items.iter().map(|n| (**n).clone()).collect(),
        next: respond::next_link(&req, page.next),
        version: snap.version,
    };
    Ok(graph_json(&req, snap.version, None, &body))
}

/// Create a network.
#[utoipa::path(
    tag = "networks",
    request_body = Network,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = Network),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The id is taken", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/networks")]
pub async fn create_network(
    a: WriteAuth,
    st: Data,
    body: web::Json<Network>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (n, version) = a
        .block(move || svc.create_network(body.into_inner()))
        .await
        .map_err(internal)??;
    Ok(written(StatusCode::CREATED, version, &*n))
}

/// Get one network.
#[utoipa::path(
    tag = "networks",
    params(("id" = String, Path, description = "Network id")),
    responses(
        (status = 200, description = "The network", body = Network),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/networks/{id}")]
pub async fn get_network(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.snapshot(&req);
    let n = entities::network(&snap, &id)?;
    Ok(graph_json(&req, snap.version, None, &**n))
}

/// Update a network with a JSON merge patch (RFC 7386); the id cannot change.
#[utoipa::path(
    tag = "networks",
    params(("id" = String, Path, description = "Network id")),
    request_body(content = Object, description = "JSON merge patch of the network's fields"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The updated network", body = Network),
        (status = 400, description = "Malformed patch", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/networks/{id}")]
pub async fn patch_network(
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (n, version) = a
        .block(move || svc.patch_network(&id, &body))
        .await
        .map_err(internal)??;
    Ok(written(StatusCode::OK, version, &*n))
}

/// Delete a network; refused while memberships reference it unless `cascade=true`.
#[utoipa::path(
    tag = "networks",
    params(("id" = String, Path, description = "Network id"), DeleteQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Deleted", body = DeletedView),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Still referenced", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/networks/{id}")]
pub async fn delete_network(
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
    q: web::Query<DeleteQuery>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let cascade = q.cascade.unwrap_or(false);
    let r = a
        .block(move || svc.delete_network(&id, cascade))
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

/// Members of a network on a day.
#[utoipa::path(
    tag = "networks",
    params(("id" = String, Path, description = "Network id"), MembersQuery),
    responses(
        (status = 200, description = "Members, by membership id", body = MembersView),
        (status = 304, description = "Not modified since the ETag"),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/networks/{id}/members")]
pub async fn network_members(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
    q: web::Query<MembersQuery>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.snapshot(&req);
    let day = respond::as_of(q.as_of.as_deref())?;
    respond::cheap_read(&st, &req, snap.version, day, || {
        let list = query::members(&snap, &id, day, q.all.unwrap_or(false))?;
        let count = list.len();
        let page =
            respond::sub_list_page(list, q.limit, q.cursor.as_deref(), |(m, _)| m.id.as_str())?;
        let next = respond::next_link(&req, page.next);
        let body = MembersBody {
            network: &id,
            as_of: DayStr(day),
            count,
            members: MemberRows(&page.items),
            next: next.as_deref(),
            version: snap.version,
        };
        Ok(body::to_vec(&body, body.size_hint()))
    })
}

/// List memberships in id order.
#[utoipa::path(
    tag = "memberships",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of memberships", body = MembershipPage),
        (status = 400, description = "A bad parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/memberships")]
pub async fn list_memberships(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.snapshot(&req);
    let page = query::page_of(
        &snap.memberships,
        q.cursor.as_deref(),
        respond::limit(q.limit)?,
        |_| true,
    )?;
    let body = MembershipPage {
        items: page.items.iter().map(|m| (**m).clone()).collect(),
        next: respond::next_link(&req, page.next),
        version: snap.version,
    };
    Ok(graph_json(&req, snap.version, None, &body))
}

/// Create a membership (id defaults to `{network}--{city}`).
#[utoipa::path(
    tag = "memberships",
    request_body = Membership,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = Membership),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The id is taken", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values or unknown city/network", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/memberships")]
pub async fn create_membership(
    a: WriteAuth,
    st: Data,
    body: web::Json<Membership>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (m, version) = a
        .block(move || svc.create_membership(body.into_inner()))
        .await
        .map_err(internal)??;
    Ok(written(StatusCode::CREATED, version, &*m))
}

/// Get one membership.
#[utoipa::path(
    tag = "memberships",
    params(("id" = String, Path, description = "Membership id")),
    responses(
        (status = 200, description = "The membership", body = Membership),
        (status = 401, description = "Reads need a token here", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such membership", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/memberships/{id}")]
pub async fn get_membership(
    _a: ReadAuth,
    st: Data,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let snap = st.snapshot(&req);
    let m = entities::membership(&snap, &id)?;
    Ok(graph_json(&req, snap.version, None, &**m))
}

/// Update a membership with a JSON merge patch; `id`, `city` and `network` cannot change.
#[utoipa::path(
    tag = "memberships",
    params(("id" = String, Path, description = "Membership id")),
    request_body(content = Object, description = "JSON merge patch of the membership's fields"),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The updated membership", body = Membership),
        (status = 400, description = "Malformed patch", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such membership", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid values", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/memberships/{id}")]
pub async fn patch_membership(
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let (m, version) = a
        .block(move || svc.patch_membership(&id, &body))
        .await
        .map_err(internal)??;
    Ok(written(StatusCode::OK, version, &*m))
}

/// Delete a membership.
#[utoipa::path(
    tag = "memberships",
    params(("id" = String, Path, description = "Membership id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Deleted", body = DeletedView),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such membership", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/memberships/{id}")]
pub async fn delete_membership(
    a: WriteAuth,
    st: Data,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let svc = st.svc.clone();
    let r = a
        .block(move || svc.delete_membership(&id))
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
