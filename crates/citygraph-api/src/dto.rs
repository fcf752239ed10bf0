//! Request and response shapes of the JSON API (the contract in `api-spec/openapi.json`).

use std::sync::Arc;

use citygraph_core::{
    City, Event, Membership, Network, PartialDate, Partnership, PartnershipKind, Status,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A city, as stored.
pub type CityView = City;

/// A page of a list. `next` is the URL of the next page, absent on the last one.
#[derive(Serialize, ToSchema)]
pub struct CityPage {
    pub items: Vec<City>,
    pub next: Option<String>,
    /// Graph version the page was read from.
    pub version: u64,
}

#[derive(Serialize, ToSchema)]
pub struct NetworkPage {
    pub items: Vec<Network>,
    pub next: Option<String>,
    pub version: u64,
}

#[derive(Serialize, ToSchema)]
pub struct MembershipPage {
    pub items: Vec<Membership>,
    pub next: Option<String>,
    pub version: u64,
}

#[derive(Serialize, ToSchema)]
pub struct PartnershipPage {
    pub items: Vec<PartnershipView>,
    pub next: Option<String>,
    pub version: u64,
}

/// A partnership with what its history implies.
#[derive(Serialize, ToSchema)]
pub struct PartnershipView {
    #[serde(flatten)]
    pub partnership: Partnership,
    /// Status after every recorded event.
    pub status: Status,
    /// Date of the establishment event; absent when the history does not record it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub established: Option<PartialDate>,
    /// Date of the final lapse or termination, when the link has ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<PartialDate>,
}

impl From<&Arc<Partnership>> for PartnershipView {
    fn from(p: &Arc<Partnership>) -> Self {
        PartnershipView {
            status: p.status_now(),
            established: p.established(),
            ended: p.ended(),
            partnership: (**p).clone(),
        }
    }
}

/// A short reference to a city, with where it is.
#[derive(Serialize, ToSchema)]
#[schema(as = CityPlace)]
pub struct CityRef {
    pub id: String,
    pub name: String,
    pub country: String,
    pub region: String,
    pub lat: f64,
    pub lon: f64,
}

impl From<&City> for CityRef {
    fn from(c: &City) -> Self {
        CityRef {
            id: c.id.to_string(),
            name: c.name.clone(),
            country: c.country.to_string(),
            region: c.region.to_string(),
            lat: c.lat,
            lon: c.lon,
        }
    }
}

/// One partner of a city on a day.
#[derive(Serialize, ToSchema)]
pub struct PartnerView {
    pub city: CityRef,
    /// The partnership id.
    pub partnership: String,
    pub kind: PartnershipKind,
    /// Status of the link on `as_of`.
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub established: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<PartialDate>,
}

/// The partners of a city on a day.
#[derive(Serialize, ToSchema)]
pub struct PartnersView {
    pub city: CityRef,
    /// The day the answer is about (YYYY-MM-DD).
    pub as_of: String,
    /// The number of items in the whole list (every page).
    pub count: usize,
    pub partners: Vec<PartnerView>,
    /// The next page, when `limit` or `cursor` was given and more items follow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    pub version: u64,
}

/// A member of a network.
#[derive(Serialize, ToSchema)]
pub struct MemberView {
    pub city: CityRef,
    pub membership: Membership,
}

#[derive(Serialize, ToSchema)]
pub struct MembersView {
    pub network: String,
    pub as_of: String,
    /// The number of items in the whole list (every page).
    pub count: usize,
    pub members: Vec<MemberView>,
    /// The next page, when `limit` or `cursor` was given and more items follow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    pub version: u64,
}

/// A short reference to a network.
#[derive(Serialize, ToSchema)]
pub struct NetworkRef {
    pub id: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct CityNetworkView {
    pub network: NetworkRef,
    pub membership: Membership,
}

#[derive(Serialize, ToSchema)]
pub struct CityNetworksView {
    pub city: String,
    pub as_of: String,
    /// The number of items in the whole list (every page).
    pub count: usize,
    pub networks: Vec<CityNetworkView>,
    /// The next page, when `limit` or `cursor` was given and more items follow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    pub version: u64,
}

/// A partnership's history and its status on a day.
#[derive(Serialize, ToSchema)]
pub struct HistoryView {
    pub id: String,
    pub cities: Vec<CityRef>,
    pub kind: PartnershipKind,
    pub events: Vec<Event>,
    /// Status after every recorded event.
    pub status: Status,
    pub as_of: String,
    /// Status on `as_of`; absent when the link was not established yet on that day.
    pub status_on_as_of: Option<Status>,
    pub version: u64,
}

/// What a delete removed.
#[derive(Serialize, ToSchema)]
pub struct DeletedView {
    pub deleted: String,
    /// Records removed with it by a cascading delete.
    pub cascaded: Vec<String>,
    pub version: u64,
}

/// What an import did.
#[derive(Serialize, ToSchema)]
pub struct ImportReportView {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub version: u64,
}

/// One entity touched by a change.
#[derive(Serialize, ToSchema)]
pub struct ChangeRefView {
    /// `city`, `network`, `membership` or `partnership`.
    pub entity: String,
    pub id: String,
    /// `put` or `delete`.
    pub action: String,
}

/// One committed change.
#[derive(Serialize, ToSchema)]
pub struct ChangeView {
    pub version: u64,
    /// Commit time, milliseconds since the Unix epoch.
    pub at_ms: u64,
    pub op: String,
    pub count: u64,
    pub changes: Vec<ChangeRefView>,
    /// Whether `changes` lists only the first 1000 entities of a large change (`count` says how
    /// many there are); the rest are at `next`.
    pub truncated: bool,
    /// Who made the change: the name of the token that wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    /// Why, as the writer said (`reason`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// On a truncated entry: the link to the rest of its entities
    /// (`/v1/changes/{version}?cursor=...`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// One page of the entities one committed change touched, in commit order.
#[derive(Serialize, ToSchema)]
pub struct EntryChangesView {
    pub version: u64,
    /// Commit time, milliseconds since the Unix epoch.
    pub at_ms: u64,
    pub op: String,
    /// Entities the change touched, in all.
    pub count: u64,
    /// Position of the first of `changes` among them.
    pub offset: u64,
    pub changes: Vec<ChangeRefView>,
    /// The link to the next page, while there are more.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntryChangesQuery {
    /// Where to continue: the `cursor` of a `next` link (default: the first entity).
    pub cursor: Option<String>,
    /// At most this many entities, 1..=10000 (default 1000).
    pub limit: Option<usize>,
}

#[derive(Serialize, ToSchema)]
pub struct ChangesView {
    pub since: u64,
    /// The current graph version.
    pub version: u64,
    pub changes: Vec<ChangeView>,
    /// Pass this as `since` to continue.
    pub next_since: u64,
}

/// Health.
#[derive(Serialize, ToSchema)]
pub struct HealthView {
    pub status: String,
    pub version: u64,
    pub cities: usize,
    pub partnerships: usize,
    pub networks: usize,
    pub memberships: usize,
    /// Why the shared store (PostgreSQL) cannot be reached, when it cannot: reads are served from
    /// memory meanwhile, writes and `/readyz` answer 503 `store_unavailable`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_problem: Option<String>,
    pub store: StoreHealthView,
    pub analytics: AnalyticsSlotsView,
}

/// The store a server writes to.
#[derive(Serialize, ToSchema)]
pub struct StoreHealthView {
    /// `sled` (this server's folder) or `postgresql` (shared by several servers).
    pub kind: String,
    /// Whether the store answered when last asked.
    pub reachable: bool,
}

/// The interactive analytics workers.
#[derive(Serialize, ToSchema)]
pub struct AnalyticsSlotsView {
    /// Computations that run at once.
    pub slots: usize,
    pub running: usize,
    /// Computations waiting for a slot.
    pub queued: usize,
    /// Whether a computation asked now starts at once.
    pub free: bool,
}

/// An event to add to a partnership's history.
pub type EventRequest = Event;

/// `as_of`: the day an answer is about.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfQuery {
    /// What was true on this day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a partial date stands for the
    /// first day of its period). Default: today.
    pub as_of: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CityListQuery {
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Survey region slug.
    pub region: Option<String>,
    /// Only members of this network on `as_of`.
    pub network: Option<String>,
    /// Name contains this text, ignoring case and diacritics.
    pub q: Option<String>,
    /// Day for the `network` filter (default today).
    pub as_of: Option<String>,
    /// Page size, 1..=1000 (default 100).
    pub limit: Option<usize>,
    /// Opaque cursor from a previous page's `next`.
    pub cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page size, 1..=1000 (default 100).
    pub limit: Option<usize>,
    /// Opaque cursor from a previous page's `next`.
    pub cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PartnershipListQuery {
    /// Only links of this kind.
    pub kind: Option<PartnershipKind>,
    /// `in_force` (active or suspended; default), `active`, `suspended`, `ended` or `all`: the
    /// link's status on `as_of` (the same values and default on every route).
    pub status: Option<String>,
    /// Day the status filter is about (default today).
    pub as_of: Option<String>,
    pub limit: Option<usize>,
    pub cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PartnersQuery {
    /// `in_force` (active or suspended; default), `active`, `suspended`, `ended` or `all`: the
    /// link's status on `as_of` (the same values and default on every route).
    pub status: Option<String>,
    /// Only links of this kind.
    pub kind: Option<PartnershipKind>,
    /// Default today. Links not yet established on that day are never listed.
    pub as_of: Option<String>,
    /// Page size, 1..=1000. Without `limit` and `cursor` the whole list is answered.
    pub limit: Option<usize>,
    /// Opaque cursor from a previous page's `next`.
    pub cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MembersQuery {
    /// Default today.
    pub as_of: Option<String>,
    /// `true`: every membership ever recorded, whatever `as_of`.
    pub all: Option<bool>,
    /// Page size, 1..=1000. Without `limit` and `cursor` the whole list is answered.
    pub limit: Option<usize>,
    /// Opaque cursor from a previous page's `next`.
    pub cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeleteQuery {
    /// Also delete the partnerships and memberships that reference the record.
    pub cascade: Option<bool>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangesQuery {
    /// Return changes after this graph version (default 0: from the start).
    pub since: Option<u64>,
    /// At most this many entries, 1..=1000 (default 100).
    pub limit: Option<usize>,
    /// Long poll: when no entry is newer than `since`, wait up to this many seconds (0..=30,
    /// default 0) for one, then answer (with no entries if none came).
    pub wait: Option<u64>,
}

/// The names of the queries a job can run (the synchronous routes' analytics).
fn job_query_names() -> utoipa::openapi::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(
            citygraph_service::analytics::request::QueryName::ALL.map(|q| q.as_str()),
        ))
        .description(Some("The query: the synchronous analytics route it runs"))
        .build()
}

/// The body of `POST /v1/jobs`: a query and its parameters.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JobRequest {
    /// `centrality`, `components`, `path`, `neighbourhood`, `overlap`, `top_pairs`, `saturation`,
    /// `saturation_timeline`, `similar_cities`, `network_recommendations`, `lapses`, `survival`,
    /// `timeline` or `city_timeline`.
    #[schema(schema_with = job_query_names)]
    pub query: String,
    /// The parameters of the synchronous GET route, by the same names and with the same meanings
    /// (strings, numbers or booleans); the city of a per-city route as `id`.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub params: serde_json::Map<String, serde_json::Value>,
}

/// A job: a query running in the background.
#[derive(Serialize, ToSchema)]
pub struct JobView {
    pub id: String,
    #[schema(schema_with = job_query_names)]
    pub query: String,
    /// The parameters as given.
    #[schema(value_type = Object)]
    pub params: serde_json::Map<String, serde_json::Value>,
    pub state: citygraph_service::jobs::JobState,
    /// Fraction done, 0 to 1 (1 once succeeded).
    pub progress: f64,
    /// Seconds left, estimated from the progress so far; null before there is any.
    pub eta_seconds: Option<f64>,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339, once a job worker started it.
    pub started_at: Option<String>,
    /// RFC 3339, once it ended (succeeded, failed or canceled).
    pub finished_at: Option<String>,
    /// The graph version the job computes on.
    pub graph_version: u64,
    /// Where its answer is, once it succeeded.
    pub result_url: Option<String>,
    /// Why it failed, as the synchronous route would have answered.
    pub error: Option<crate::error::Problem>,
}

/// A job just created, with the secret that cancels it (shown only here).
#[derive(Serialize, ToSchema)]
pub struct JobCreatedView {
    #[serde(flatten)]
    pub job: JobView,
    /// Send it as `X-Job-Secret` to cancel the job without a token.
    pub secret: String,
}

/// A page of jobs, newest first.
#[derive(Serialize, ToSchema)]
pub struct JobPage {
    pub items: Vec<JobView>,
    pub next: Option<String>,
    /// The current graph version.
    pub version: u64,
}
