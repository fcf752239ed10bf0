//! Known facts of the real world, on the service loaded from the committed `seed-data/`.

mod common;

use std::path::PathBuf;

use common::{Server, ServerOptions};

fn seeded() -> Server {
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seed-data");
    Server::start_with(ServerOptions {
        seed_dir: Some(seed),
        ..Default::default()
    })
}

fn partner_ids(s: &Server, city: &str, query: &str) -> Vec<String> {
    let r = s.get(&format!("/v1/cities/{city}/partners?{query}"));
    r.expect(200);
    r.json["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["city"]["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn seeded_service_answers_known_facts() {
    let s = seeded();

    // Chicago's partners include Durban, Warsaw, Milan and Osaka.
    let chicago = partner_ids(&s, "us-chicago", "status=all");
    for p in ["za-durban", "pl-warsaw", "it-milan", "jp-osaka"] {
        assert!(
            chicago.contains(&p.to_owned()),
            "{p} missing from Chicago's partners {chicago:?}"
        );
    }

    // Prague and Beijing: partners on 2018-06-01, not on 2020-06-01 (terminated 2019-10).
    assert!(partner_ids(&s, "cz-prague", "as_of=2018-06-01").contains(&"cn-beijing".to_owned()));
    assert!(!partner_ids(&s, "cz-prague", "as_of=2020-06-01").contains(&"cn-beijing".to_owned()));
    assert!(
        partner_ids(&s, "cz-prague", "as_of=2020-06-01&status=ended")
            .contains(&"cn-beijing".to_owned())
    );

    // Coventry-Volgograd is suspended on 2023-01-01.
    let h = s.get("/v1/partnerships/gb-coventry--ru-volgograd/history?as_of=2023-01-01");
    h.expect(200);
    assert_eq!(h.json["status_on_as_of"], "suspended", "{}", h.json);

    // Paris and London are C40 members in the 2019 snapshot.
    let members = s.get("/v1/networks/c40/members?as_of=2019-06-01");
    members.expect(200);
    let ids: Vec<&str> = members.json["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["city"]["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"fr-paris") && ids.contains(&"gb-london"),
        "{ids:?}"
    );

    // C40 and the Global Covenant of Mayors: the overlap report uses the real member counts.
    let gcom = s.get("/v1/networks/gcom/members?as_of=2019-06-01");
    gcom.expect(200);
    let o = s.get("/v1/analytics/overlap?networks=c40,gcom&as_of=2019-06-01");
    o.expect(200);
    assert_eq!(
        o.json["networks"][0]["members"], members.json["count"],
        "{}",
        o.json
    );
    assert_eq!(
        o.json["networks"][1]["members"], gcom.json["count"],
        "{}",
        o.json
    );
    assert!(
        members.json["count"].as_u64().unwrap() >= 80
            && gcom.json["count"].as_u64().unwrap() >= 5000
    );
    let shared = o.json["pairs"][0]["shared"].as_u64().unwrap();
    assert!(shared > 0 && shared <= members.json["count"].as_u64().unwrap());

    // Exports of the seed data before the Prague-Beijing termination contain the link; after, not.
    for format in ["geojson", "graphml", "gexf", "edges.csv"] {
        let before = s.get(&format!("/v1/export/{format}?as_of=2018-06-01"));
        before.expect(200);
        let after = s.get(&format!("/v1/export/{format}?as_of=2020-06-01"));
        after.expect(200);
        assert!(
            before.text().contains("cn-beijing--cz-prague"),
            "{format} before the termination lacks the link"
        );
        assert!(
            !after.text().contains("cn-beijing--cz-prague"),
            "{format} after the termination still has the link"
        );
        assert!(
            after.text().contains("cz-prague--tw-taipei"),
            "{format} lacks Prague-Taipei (2019)"
        );
    }

    check_the_richer_network_layer(&s);

    // Recommendations for C40 cities never include C40.
    for city in ids.iter().take(15) {
        let r = s.get(&format!(
            "/v1/cities/{city}/recommendations/networks?as_of=2019-06-01"
        ));
        r.expect(200);
        for rec in r.json["recommendations"].as_array().unwrap() {
            assert_ne!(rec["network"], "c40", "{city}: {}", r.json);
        }
    }
}

#[test]
fn seeded_lapse_analytics_report_2022_and_prague() {
    let s = seeded();

    // 2022: suspended and terminated links involving Russian cities, from the lapse report...
    let r = s.get("/v1/analytics/lapses?by=country-pair&from=2022&to=2022");
    r.expect(200);
    let rows = r.json["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("{}", r.json));
    let reported: u64 = rows
        .iter()
        .filter(|row| row["group"].as_str().unwrap().split('-').any(|c| c == "RU"))
        .map(|row| row["suspended"].as_u64().unwrap() + row["terminated"].as_u64().unwrap())
        .sum();
    // ... equals a count made independently from the NDJSON export.
    let export = s.export();
    // Country and region of every city.
    let cities: std::collections::HashMap<String, (String, String)> =
        String::from_utf8(export.clone())
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|v| v["type"] == "city")
            .map(|v| {
                (
                    v["id"].as_str().unwrap().to_owned(),
                    (
                        v["country"].as_str().unwrap().to_owned(),
                        v["region"].as_str().unwrap().to_owned(),
                    ),
                )
            })
            .collect();
    let mut expected = 0u64;
    for line in String::from_utf8(export).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["type"] != "partnership" {
            continue;
        }
        let russian = v["cities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| cities[c.as_str().unwrap()].0 == "RU");
        if !russian {
            continue;
        }
        expected += v["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| {
                (e["type"] == "suspended" || e["type"] == "terminated")
                    && e["date"].as_str().unwrap().starts_with("2022")
            })
            .count() as u64;
    }
    assert!(
        expected >= 20,
        "the curated events hold dozens of 2022 lapses of Russian links, found {expected}"
    );
    assert_eq!(reported, expected, "lapse report vs the export");

    // The same report in the map's scope (both cities in Europe, sister cities only) equals the
    // count of those links' events in the export; survival and the timeline take the same scope.
    let scope = "region=europe&kind=sister_city";
    let r = s.get(&format!(
        "/v1/analytics/lapses?by=year&from=2000&to=2024&{scope}"
    ));
    r.expect(200);
    let reported_eu: u64 = r.json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            row["suspended"].as_u64().unwrap()
                + row["terminated"].as_u64().unwrap()
                + row["lapsed"].as_u64().unwrap()
        })
        .sum();
    let mut expected_eu = 0u64;
    let mut europe_links = 0u64;
    for line in String::from_utf8(s.export()).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["type"] != "partnership" || v["kind"] != "sister_city" {
            continue;
        }
        let both = v["cities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| cities[c.as_str().unwrap()].1 == "europe");
        if !both {
            continue;
        }
        europe_links += 1;
        expected_eu += v["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| {
                let year: i32 = e["date"].as_str().unwrap()[..4].parse().unwrap();
                (2000..=2024).contains(&year)
                    && ["suspended", "terminated", "lapsed"].contains(&e["type"].as_str().unwrap())
            })
            .count() as u64;
    }
    assert!(
        expected_eu > 0 && expected_eu < expected + 10_000,
        "{expected_eu}"
    );
    assert_eq!(
        reported_eu, expected_eu,
        "lapse report in scope vs the export"
    );
    let whole = s.get("/v1/analytics/lapses?by=year&from=2000&to=2024");
    whole.expect(200);
    assert_ne!(
        whole.json["rows"], r.json["rows"],
        "the scope changes the report"
    );
    let sv = s.get(&format!("/v1/analytics/survival?{scope}"));
    sv.expect(200);
    let sv_all = s.get("/v1/analytics/survival");
    sv_all.expect(200);
    let n = |k: &str| {
        sv.json[k]
            .as_u64()
            .unwrap_or_else(|| panic!("{k} in {}", sv.json))
    };
    let dated = n("links");
    assert_eq!(
        dated + n("undated_links") + n("not_yet_established"),
        europe_links,
        "survival reads the links in scope"
    );
    assert!(dated < sv_all.json["links"].as_u64().unwrap());
    let tl = s.get(&format!("/v1/analytics/timeline?from=2000&to=2024&{scope}"));
    tl.expect(200);
    let bad = s.get("/v1/analytics/lapses?region=atlantis");
    bad.expect(400);
    assert_eq!(bad.json["code"], "invalid_region", "{}", bad.json);

    // Prague's timeline lists Beijing established 2016 and terminated 2019.
    let t = s.get("/v1/cities/cz-prague/timeline");
    t.expect(200);
    let entries = t.json["entries"].as_array().unwrap();
    let beijing: Vec<(&str, &str)> = entries
        .iter()
        .filter(|e| e["partner"] == "cn-beijing")
        .map(|e| (e["event"].as_str().unwrap(), e["date"].as_str().unwrap()))
        .collect();
    assert!(
        beijing
            .iter()
            .any(|(ev, d)| *ev == "established" && d.starts_with("2016")),
        "{beijing:?}"
    );
    assert!(
        beijing
            .iter()
            .any(|(ev, d)| *ev == "terminated" && d.starts_with("2019")),
        "{beijing:?}"
    );
}

/// The memberships of a network on a day (`as_of`), or all of them (`all=true`).
fn members(s: &Server, network: &str, query: &str) -> Vec<serde_json::Value> {
    let r = s.get(&format!("/v1/networks/{network}/members?{query}"));
    r.expect(200);
    r.json["members"].as_array().unwrap().clone()
}

fn member_ids(s: &Server, network: &str, query: &str) -> Vec<String> {
    members(s, network, query)
        .iter()
        .map(|m| m["city"]["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Facts of the network layer of ETMUN, URBACT, Eurocities and UNESCO, the Baltic years and the
/// merged records (checked on the server of `seeded_service_answers_known_facts`: one seed load).
fn check_the_richer_network_layer(s: &Server) {
    // A merged city's old id still resolves, on every route that takes a city.
    let c = s.get("/v1/cities/de-frankfurt");
    c.expect(200);
    assert_eq!(c.json["id"], "de-frankfurt-am-main", "{}", c.json);
    assert_eq!(
        c.json["wikidata"], "Q1794",
        "Frankfurt (Oder)'s item stays with Frankfurt (Oder)"
    );
    assert!(c.json["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "de-frankfurt"));
    let p = s.get("/v1/cities/de-frankfurt/partners?status=all");
    p.expect(200);
    assert_eq!(p.json["city"]["id"], "de-frankfurt-am-main");
    assert!(
        p.json["count"].as_u64().unwrap() >= 17,
        "{}",
        p.json["count"]
    );
    s.get("/v1/cities/de-frankfurt/timeline").expect(200);
    // The analytics that take a city answer for the city the alias names, as for its own id.
    for (by_alias, by_id) in [
        (
            "/v1/cities/de-frankfurt/similar?as_of=2020-01-01",
            "/v1/cities/de-frankfurt-am-main/similar?as_of=2020-01-01",
        ),
        (
            "/v1/cities/de-frankfurt/neighbourhood?depth=1&as_of=2020-01-01",
            "/v1/cities/de-frankfurt-am-main/neighbourhood?depth=1&as_of=2020-01-01",
        ),
        (
            "/v1/paths?from=de-frankfurt&to=fr-lyon&as_of=2020-01-01",
            "/v1/paths?from=de-frankfurt-am-main&to=fr-lyon&as_of=2020-01-01",
        ),
    ] {
        let a = s.get(by_alias);
        a.expect(200);
        let b = s.get(by_id);
        b.expect(200);
        assert_eq!(a.json, b.json, "{by_alias}");
    }
    s.get("/v1/cities/cz-benatky/networks?all=true").expect(200);

    // ICLEI has at least 120 member cities.
    let iclei = member_ids(s, "iclei", "all=true");
    assert!(iclei.len() >= 120, "{} ICLEI members", iclei.len());

    // The Union of the Baltic Cities lists Gdańsk and Turku as members since 1991.
    let ubc_all = members(s, "ubc", "all=true");
    for id in ["pl-gdansk", "fi-turku"] {
        let m = ubc_all
            .iter()
            .find(|m| m["city"]["id"] == id)
            .unwrap_or_else(|| panic!("{id} is not a UBC member"));
        assert_eq!(m["membership"]["joined"], "1991", "{m}");
        assert!(!member_ids(s, "ubc", "as_of=1990-12-31").contains(&id.to_owned()));
    }
    // Saint Petersburg is a member on 2000-06-01 and not on 2023-06-01 (expelled in 2022).
    assert!(member_ids(s, "ubc", "as_of=2000-06-01").contains(&"ru-saint-petersburg".to_owned()));
    assert!(!member_ids(s, "ubc", "as_of=2023-06-01").contains(&"ru-saint-petersburg".to_owned()));

    // Climate Alliance has members joining in every year from 1991 to 2019.
    let joined: std::collections::BTreeSet<i64> = members(s, "climate-alliance", "all=true")
        .iter()
        .filter_map(|m| m["membership"]["joined"].as_str()?[..4].parse().ok())
        .collect();
    let missing: Vec<i64> = (1991..=2019).filter(|y| !joined.contains(y)).collect();
    assert!(
        missing.is_empty(),
        "no Climate Alliance member joined in {missing:?}"
    );

    // A link of the Baltic file is established in its year and not before.
    let before = s.get("/v1/partnerships/fi-vantaa--ru-kineshma/history?as_of=1968-12-31");
    before.expect(200);
    assert!(before.json["status_on_as_of"].is_null(), "{}", before.json);
    let after = s.get("/v1/partnerships/fi-vantaa--ru-kineshma/history?as_of=1969-06-01");
    assert_eq!(after.json["status_on_as_of"], "active", "{}", after.json);
    assert!(!partner_ids(s, "fi-vantaa", "as_of=1968-12-31").contains(&"ru-kineshma".to_owned()));
    assert!(partner_ids(s, "fi-vantaa", "as_of=1970").contains(&"ru-kineshma".to_owned()));

    // Paris gets at least three network recommendations, none of them a network it belongs to.
    let r = s.get("/v1/cities/fr-paris/recommendations/networks");
    r.expect(200);
    let recs: Vec<&str> = r.json["recommendations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["network"].as_str().unwrap())
        .collect();
    assert!(recs.len() >= 3, "{}", r.json);
    let paris: Vec<String> = s.get("/v1/cities/fr-paris/networks").json["networks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["network"]["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(paris.len() >= 10, "{paris:?}");
    for rec in &recs {
        assert!(
            !paris.contains(&rec.to_string()),
            "{rec} is recommended to a member"
        );
    }

    // The survival report rests on at least 900 dated links.
    let sv = s.get("/v1/analytics/survival");
    sv.expect(200);
    assert!(
        sv.json["links"].as_u64().unwrap() >= 900,
        "{}",
        sv.json["links"]
    );

    // Saturation by year from 1990 and overlap among the largest networks read the new layer.
    let t = s.get("/v1/analytics/saturation/timeline?from=1990&to=2020");
    t.expect(200);
    let years = t.json["years"].as_array().unwrap();
    let memberships = |y: i64| {
        years
            .iter()
            .find(|x| x["year"] == y)
            .map(|x| x["overall"]["memberships"].as_u64().unwrap())
            .unwrap()
    };
    // Join years date the growth: more memberships in force each decade.
    assert!(
        memberships(1995) < memberships(2005) && memberships(2005) < memberships(2015),
        "{} {} {}",
        memberships(1995),
        memberships(2005),
        memberships(2015)
    );
    let o = s.get(
        "/v1/analytics/overlap?networks=eu-covenant-of-mayors,climate-alliance,iclei,eurocities",
    );
    o.expect(200);
    assert!(
        o.json["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["shared"].as_u64().unwrap() > 100),
        "{}",
        o.json["pairs"]
    );
}

#[test]
fn the_restricted_sources_can_be_left_out_of_the_seed() {
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seed-data");
    let s = Server::start_with(
        ServerOptions {
            seed_dir: Some(seed),
            ..Default::default()
        }
        .env("CITYGRAPH_SEED_EXCLUDE", "climactor,etmun,urbact,baltic"),
    );
    let export = String::from_utf8(s.export()).unwrap();
    for line in export.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["type"] == "city" {
            continue;
        }
        for citation in ["ClimActor", "ETMUN", "URBACT", "Bussmann & Nickel"] {
            assert!(
                !line.contains(citation),
                "{citation} left in: {}",
                &line[..line.len().min(200)]
            );
        }
    }
    // The open sources stay: the curated expulsion, the Wikipedia links, Eurocities 2025.
    assert!(!member_ids(&s, "eurocities", "as_of=2025-06-01").is_empty());
    assert!(partner_ids(&s, "us-chicago", "status=all").contains(&"za-durban".to_owned()));
    s.get("/v1/networks/urbact-2nd-chance").expect(404);
}
