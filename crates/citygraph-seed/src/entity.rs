//! What kind of body a member of a network is, from its name: a place (a city, a town, a
//! municipality, a district of a city), or a body that is not one place and never becomes a city
//! record: a grouping of municipalities, a region, or an organisation.
//!
//! The membership sources classify their members too (ETMUN's `EntitySimplified`, ClimActor's
//! `entity_type`); the name catches what the classification misses (ETMUN files `Unione dei Comuni
//! ...` and `Laois County Council` as cities). Names are compared folded (lower-case ASCII) and
//! word by word.

use crate::normalize::{fold, tokens};

/// A member that is not one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum NotPlace {
    /// A grouping of municipalities: an intermunicipal union, an agglomeration, a metropolitan
    /// body.
    Intermunicipal,
    /// A region, province, county or district (a level above the municipality).
    Region,
    /// An association, agency, company, university or government department.
    Organisation,
}

impl NotPlace {
    pub fn as_str(self) -> &'static str {
        match self {
            NotPlace::Intermunicipal => "intermunicipal body",
            NotPlace::Region => "region, province, county or district",
            NotPlace::Organisation => "organisation, not a place",
        }
    }
}

/// Phrases (folded, space-delimited) that name a grouping of municipalities.
const GROUPING: &[&str] = &[
    "unione",
    "associazione",
    "union de municipios",
    "union des municipalites",
    "associazione intercomunale",
    "association des communes",
    "federazione dei comuni",
    "federation of municipalities",
    "comunita",
    "comuni di",
    "communaute",
    "communautes",
    "communes",
    "mancomunidad",
    "consorzio",
    "consorci",
    "agglomeration",
    "aggregazione",
    "congiunto",
    "intercomunale",
    "intercommunal",
    "intercommunality",
    "municipis de",
    "combined authority",
    "council of governments",
    "city region",
    "metropole",
    "metropolitan area",
    "metropolitan city",
    "area metropolitana",
    "cooperation area",
    "verband",
    "network",
];

/// Words (folded) that name a level above the municipality. A name counts only when the word is a
/// word of its own (`Kainuu Region`, `Province of Chieti`), not part of a place name's qualifier
/// after a comma (`Zolochiv, Lviv region` is Zolochiv).
const REGION: &[&str] = &[
    "region",
    "regione",
    "regional",
    "province",
    "provincia",
    "provincial",
    "county",
    "deputacion",
    "diputacio",
    "generalitat",
    "oblast",
    "voivodeship",
    "judetean",
    "landkreis",
    "departement",
    "megye",
];

/// Words (folded) of organisations.
const ORGANISATION: &[&str] = &[
    "agency",
    "agencia",
    "agence",
    "agentur",
    "foundation",
    "fundacion",
    "university",
    "universidad",
    "institute",
    "committee",
    "chamber",
    "ministry",
    "ministere",
    "company",
    "ltd",
    "gmbh",
    "association",
    "associacio",
    "associacao",
    "asociacion",
];

/// Whether a name is that of a grouping, a region or an organisation (see the module docs).
pub(crate) fn not_a_place(name: &str) -> Option<NotPlace> {
    // A list of places is a grouping of them (`Bione, Mura, Sabbio Chiese, Treviso Bresciano`,
    // `Castenedolo - Nuvolera - Nuvolento`, `Capriana / Valfloriana / ...`); one separator may
    // be a region (`Zolochiv, Lviv region`) or a second language (`Biel/Bienne`).
    if name.contains(';')
        || name.matches(',').count() >= 2
        || name.matches(" - ").count() >= 2
        || name.matches('/').count() >= 2
    {
        return Some(NotPlace::Intermunicipal);
    }
    let head = name.split(',').next().unwrap_or(name);
    let words = tokens(head).join(" ");
    let padded = format!(" {words} ");
    if GROUPING.iter().any(|g| padded.contains(&format!(" {g} "))) {
        return Some(NotPlace::Intermunicipal);
    }
    // `Metropolitan Municipality` is a Turkish province-wide government (`Bursa Metropolitan
    // Municipality`), not the city.
    if padded.contains(" metropolitan municipality ") || padded.ends_with(" metropolitan ") {
        return Some(NotPlace::Region);
    }
    let ws: Vec<&str> = words.split(' ').collect();
    if ws.iter().any(|w| REGION.contains(w)) {
        return Some(NotPlace::Region);
    }
    if ws.iter().any(|w| ORGANISATION.contains(w)) {
        return Some(NotPlace::Organisation);
    }
    // French intercommunal bodies called `Grand <city>` (`Grand Poitiers`, `GRAND CHAMBERY`);
    // `Grand-Couronne` and other communes are hyphenated.
    let f = fold(head.trim());
    if f.starts_with("grand ") && !f.starts_with("grand-") {
        return Some(NotPlace::Intermunicipal);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groupings_regions_and_organisations_are_not_places() {
        for (name, kind) in [
            (
                "Unione dei Comuni Valli del Reno, Lavino e Samoggia",
                Some(NotPlace::Intermunicipal),
            ),
            (
                "Comunità Montana del Frignano",
                Some(NotPlace::Intermunicipal),
            ),
            ("NANTES METROPOLE", Some(NotPlace::Intermunicipal)),
            ("Grand Poitiers", Some(NotPlace::Intermunicipal)),
            ("Laois County Council", Some(NotPlace::Region)),
            ("Province of Chieti", Some(NotPlace::Region)),
            ("Bursa Metropolitan Municipality", Some(NotPlace::Region)),
            ("Kainuu Region", Some(NotPlace::Region)),
            ("Frederikshavn - agency", Some(NotPlace::Organisation)),
            ("Jupiter Foundation", Some(NotPlace::Organisation)),
            ("Zolochiv, Lviv region", None),
            ("Allerheiligen im Mühlkreis", None),
            ("Grand-Couronne", None),
            ("Dundee City Council", None),
            ("London Borough of Bromley", None),
            ("Regensburg", None),
            (
                "Bione, Mura, Sabbio Chiese, Treviso Bresciano",
                Some(NotPlace::Intermunicipal),
            ),
            (
                "Castenedolo - Nuvolera - Nuvolento",
                Some(NotPlace::Intermunicipal),
            ),
            ("Biel/Bienne", None),
        ] {
            assert_eq!(not_a_place(name), kind, "{name}");
        }
    }
}
