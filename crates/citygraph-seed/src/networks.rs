//! The city networks of the seed, with facts from their own sites and Wikipedia.
//!
//! The facts (founding year, scope, focus, secretariat, website) are well-known public facts; each
//! network cites the pages they are taken from. The secretariat is resolved to a city record of the
//! seed through the gazetteer, like any other place.

use citygraph_core::model::Scope;
use citygraph_core::{CountryCode, PartialDate, Region};

use crate::normalize::name_key;
use crate::Seed;

/// A network before ids of cities are assigned.
#[derive(Clone, Debug)]
pub(crate) struct NetworkDraft {
    pub fact: &'static NetworkFact,
    /// The city record of the secretariat, when it resolved.
    pub secretariat: Option<usize>,
}

/// What is known of a network.
#[derive(Debug)]
pub(crate) struct NetworkFact {
    pub id: &'static str,
    pub name: &'static str,
    /// Other names the sources use for it.
    pub aliases: &'static [&'static str],
    pub founded: Option<&'static str>,
    pub scope: Scope,
    pub region: Option<Region>,
    pub focus: &'static [&'static str],
    /// Secretariat city and its ISO country code.
    pub secretariat: Option<(&'static str, &'static str)>,
    pub website: &'static str,
    pub sources: &'static [&'static str],
}

pub(crate) const FACTS: &[NetworkFact] = &[
    NetworkFact {
        id: "c40",
        name: "C40 Cities Climate Leadership Group",
        aliases: &["C40", "C40 Cities"],
        founded: Some("2005"),
        scope: Scope::Global,
        region: None,
        focus: &["climate"],
        secretariat: Some(("London", "GB")),
        website: "https://www.c40.org",
        sources: &["https://www.c40.org", "https://en.wikipedia.org/wiki/C40_Cities_Climate_Leadership_Group"],
    },
    NetworkFact {
        id: "iclei",
        name: "ICLEI – Local Governments for Sustainability",
        aliases: &["ICLEI", "ICLEI - Local Governments for Sustainability"],
        founded: Some("1990"),
        scope: Scope::Global,
        region: None,
        focus: &["sustainability", "climate"],
        secretariat: Some(("Bonn", "DE")),
        website: "https://iclei.org",
        sources: &[
            "http://archive.iclei.org/index.php?id=748",
            "https://www.bonn.de/themen-entdecken/uno-internationales/iclei-localgovernmentsforsustainability.php",
        ],
    },
    NetworkFact {
        id: "uclg",
        name: "United Cities and Local Governments",
        aliases: &["UCLG"],
        founded: Some("2004"),
        scope: Scope::Global,
        region: None,
        focus: &["local government", "development"],
        secretariat: Some(("Barcelona", "ES")),
        website: "https://www.uclg.org",
        sources: &["https://en.wikipedia.org/wiki/United_Cities_and_Local_Governments", "https://www.citiesalliance.org/uclg"],
    },
    NetworkFact {
        id: "gcom",
        name: "Global Covenant of Mayors for Climate & Energy",
        aliases: &["Global Covenant of Mayors", "GCoM"],
        founded: Some("2016"),
        scope: Scope::Global,
        region: None,
        focus: &["climate", "energy"],
        secretariat: Some(("Brussels", "BE")),
        website: "https://www.globalcovenantofmayors.org",
        sources: &[
            "http://www.globalcovenantofmayors.org/about/history-compact-of-mayors/",
            "http://cor.europa.eu/en/news/Pages/Global-Covenant-of-Mayors-Europes-regions-and-cities-ready-to-spearhead-fight-against-climate-change.aspx",
        ],
    },
    NetworkFact {
        id: "eu-covenant-of-mayors",
        name: "EU Covenant of Mayors for Climate & Energy",
        aliases: &["Covenant of Mayors", "EU Covenant of Mayors"],
        founded: Some("2008"),
        scope: Scope::Regional,
        region: Some(Region::Europe),
        focus: &["climate", "energy"],
        secretariat: Some(("Brussels", "BE")),
        website: "https://eu-mayors.ec.europa.eu",
        sources: &["https://globalcovenant-usa.org/about-us/", "https://eu-mayors.ec.europa.eu"],
    },
    NetworkFact {
        id: "metropolis",
        name: "Metropolis (World Association of the Major Metropolises)",
        aliases: &["Metropolis", "World Association of the Major Metropolises"],
        founded: Some("1985"),
        scope: Scope::Global,
        region: None,
        focus: &["metropolitan governance"],
        secretariat: Some(("Barcelona", "ES")),
        website: "https://www.metropolis.org",
        sources: &[
            "https://www.metropolis.org/news/35-years-metropolitan-thinking",
            "http://archive.citiscope.org/story/2017/new-leader-metropolis-pushes-cities-learn-each-other",
        ],
    },
    NetworkFact {
        id: "eurocities",
        name: "Eurocities",
        aliases: &["EuroCities"],
        founded: Some("1986"),
        scope: Scope::Regional,
        region: Some(Region::Europe),
        focus: &["urban policy"],
        secretariat: Some(("Brussels", "BE")),
        website: "https://eurocities.eu",
        sources: &["http://members.eurocities.eu/eurocities/about_us/history", "http://eurocities2016.eu/anniversary.php"],
    },
    NetworkFact {
        id: "citynet",
        name: "CityNet",
        aliases: &["CITYNET", "Regional Network of Local Authorities for the Management of Human Settlements"],
        founded: Some("1987"),
        scope: Scope::Regional,
        region: Some(Region::AsiaPacific),
        focus: &["development", "urban management"],
        secretariat: Some(("Seoul", "KR")),
        website: "https://citynet-ap.org",
        sources: &["https://citynet-ap.org/20-2/organization", "http://english.seoul.go.kr/citynet-secretariat-opens-in-seoul/"],
    },
    NetworkFact {
        id: "mayors-for-peace",
        name: "Mayors for Peace",
        aliases: &[],
        founded: Some("1982"),
        scope: Scope::Global,
        region: None,
        focus: &["peace", "nuclear disarmament"],
        secretariat: Some(("Hiroshima", "JP")),
        website: "https://www.mayorsforpeace.org",
        sources: &["https://www.mayorsforpeace.org", "https://en.wikipedia.org/wiki/Mayors_for_Peace"],
    },
    NetworkFact {
        id: "ubc",
        name: "Union of the Baltic Cities",
        aliases: &["UBC", "Union of Baltic Cities", "Union of Baltic States"],
        founded: Some("1991"),
        scope: Scope::Regional,
        region: Some(Region::Europe),
        focus: &["sustainability", "regional cooperation"],
        secretariat: Some(("Gdańsk", "PL")),
        website: "https://www.ubc.net",
        sources: &["https://en.wikipedia.org/wiki/Union_of_the_Baltic_Cities", "http://archive.ubc.net/documentation,57,391.html"],
    },
    NetworkFact {
        id: "climate-alliance",
        name: "Climate Alliance",
        aliases: &["Klima-Bündnis"],
        founded: Some("1990"),
        scope: Scope::Regional,
        region: Some(Region::Europe),
        focus: &["climate"],
        secretariat: Some(("Frankfurt am Main", "DE")),
        website: "https://www.climatealliance.org",
        sources: &[
            "https://www.climatealliance.org/about-us/30-years.html",
            "https://www.alianzadelclima.org/about-us/organisation.html",
        ],
    },
    NetworkFact {
        id: "under2-coalition",
        name: "Under2 Coalition",
        aliases: &["Under2", "Under2 MOU"],
        founded: Some("2015"),
        scope: Scope::Global,
        region: None,
        focus: &["climate"],
        secretariat: Some(("London", "GB")),
        website: "https://www.theclimategroup.org/under2-coalition",
        sources: &["https://en.wikipedia.org/wiki/Under2_Coalition", "https://www.theclimategroup.org/frequently-asked-questions"],
    },
    NetworkFact {
        id: "race-to-zero",
        name: "Race to Zero (Cities Race to Zero)",
        aliases: &["Race to Zero", "Cities Race to Zero"],
        founded: Some("2020"),
        scope: Scope::Global,
        region: None,
        focus: &["climate", "net zero"],
        secretariat: None,
        website: "https://climatechampions.unfccc.int/system/race-to-zero/",
        sources: &["https://www.c40.org/news/race-to-zero/", "https://climateaction.org/news/unfccc-launches-race-to-zero-campaign"],
    },
    NetworkFact {
        id: "cdp-cities",
        name: "CDP Cities (CDP disclosure system for cities)",
        aliases: &["CDP Cities", "CDP"],
        founded: Some("2010"),
        scope: Scope::Global,
        region: None,
        focus: &["climate", "environmental disclosure"],
        secretariat: Some(("London", "GB")),
        website: "https://www.cdp.net/en/cities",
        sources: &[
            "https://sustainablebusiness.com/2010/11/carbon-disclosure-project-launches-cities-program-48043",
            "https://www.ibm.com/think/topics/carbon-disclosure-project",
        ],
    },
    NetworkFact {
        id: "climate-mayors",
        name: "Climate Mayors",
        aliases: &["Mayors National Climate Action Agenda"],
        founded: Some("2014"),
        scope: Scope::National,
        region: Some(Region::NorthAmerica),
        focus: &["climate"],
        secretariat: None,
        website: "https://climatemayors.org",
        sources: &[
            "https://en.wikipedia.org/wiki/Mayors_National_Climate_Action_Agenda",
            "https://climatemayors.org/279-climate-mayors-across-the-united-states-now-committed-to-adopting-the-paris-agreement-goals-in-their-cities/",
        ],
    },
    NetworkFact {
        id: "carbon-neutral-cities-alliance",
        name: "Carbon Neutral Cities Alliance",
        aliases: &["CNCA"],
        founded: Some("2014"),
        scope: Scope::Global,
        region: None,
        focus: &["climate", "carbon neutrality"],
        secretariat: None,
        website: "https://carbonneutralcities.org",
        sources: &["https://en.wikipedia.org/wiki/Carbon_Neutral_Cities_Alliance", "https://www.usdn.org/public/page/13/CNCA"],
    },
    NetworkFact {
        id: "we-are-still-in",
        name: "We Are Still In",
        aliases: &[],
        founded: Some("2017"),
        scope: Scope::National,
        region: Some(Region::NorthAmerica),
        focus: &["climate"],
        secretariat: None,
        website: "https://www.wearestillin.com",
        sources: &[
            "https://www.environmentalleader.com/2017/06/1200-us-leaders-tell-world-still/",
            "https://www.wearestillin.com",
        ],
    },
];

/// The network a source names (`Union of the Baltic Cities`, `UBC`), by name or alias.
pub(crate) fn id_by_name(networks: &[NetworkDraft], name: &str) -> Option<String> {
    let key = name_key(name);
    networks
        .iter()
        .find(|n| {
            name_key(n.fact.name) == key
                || name_key(n.fact.id) == key
                || n.fact.aliases.iter().any(|a| name_key(a) == key)
        })
        .map(|n| n.fact.id.to_owned())
}

/// The founding date of a fact, parsed.
pub(crate) fn founded(fact: &NetworkFact) -> Option<PartialDate> {
    fact.founded
        .map(|f| f.parse().expect("founding dates in the table are valid"))
}

/// Adds the networks, resolving each secretariat to a city record.
pub(crate) fn load(seed: &mut Seed<'_>) {
    for fact in FACTS {
        let secretariat = fact.secretariat.and_then(|(city, cc)| {
            let cc = CountryCode::new(cc).expect("table holds assigned codes");
            seed.resolver.resolve(city, cc, None).ok()
        });
        seed.networks.push(NetworkDraft { fact, secretariat });
    }
}
