/*
 * generate_words.c: the vocabulary of `gazette generate`; see
 * generate_words.h.  Edit freely: the generator checks at start that no
 * word appears twice and that each is lower-case letters only.
 */
#include "generate_words.h"

#define N(a)	(sizeof(a) / sizeof((a)[0]))

const char *const gen_nouns[] = {
	"people", "year", "week", "day", "month", "city", "town", "plan",
	"report", "council", "government", "minister", "residents", "group",
	"decision", "meeting", "statement", "question", "number", "part",
	"area", "family", "service", "money", "price", "cost", "morning",
	"evening", "night", "road", "street", "centre", "office", "building",
	"board", "committee", "member", "leader", "official", "spokeswoman",
	"spokesman", "director", "chairman", "manager", "worker", "company",
	"firm", "project", "proposal", "vote", "rule", "law", "case",
	"change", "problem", "issue", "support", "opposition", "agreement",
	"talks", "deal", "letter", "figure", "result", "survey", "study",
	"record", "history", "story", "picture", "event", "crowd", "visit",
	"trip", "route", "site", "scheme", "budget", "fund", "grant", "share",
	"rise", "fall", "delay", "warning", "concern", "claim", "request",
	"review", "inquiry", "hearing", "appeal", "campaign", "petition",
	"protest", "neighbourhood", "village", "region", "county", "country",
	"nation", "border", "coast", "river", "bridge", "square", "market",
	"school", "hospital", "station", "library", "museum", "park",
};
const size_t gen_nnouns = N(gen_nouns);

const char *const gen_verbs[] = {
	"approved", "rejected", "announced", "confirmed", "denied", "opened",
	"closed", "delayed", "welcomed", "criticised", "launched", "reviewed",
	"proposed", "questioned", "supported", "opposed", "backed", "blocked",
	"reported", "revealed", "warned", "promised", "planned", "expected",
	"completed", "started", "ended", "restored", "replaced", "expanded",
	"reduced", "increased", "cut", "raised", "extended", "cancelled",
	"postponed", "discussed", "agreed", "signed", "praised", "defended",
};
const size_t gen_nverbs = N(gen_verbs);

const char *const gen_adjectives[] = {
	"new", "old", "local", "national", "regional", "public", "private",
	"major", "small", "large", "final", "early", "late", "long", "short",
	"recent", "former", "current", "annual", "weekly", "busy", "quiet",
	"popular", "controversial", "difficult", "important", "historic",
	"modern", "rural", "urban", "coastal", "northern", "southern",
	"eastern", "western", "central", "young", "elderly", "independent",
	"municipal", "temporary", "permanent", "serious", "significant",
};
const size_t gen_nadjectives = N(gen_adjectives);

const char *const gen_topics[GEN_TOPICS][GEN_TOPIC_WORDS] = {
	/* harbour */
	{ "harbour", "ferry", "ferries", "pier", "quay", "boat", "boats",
	  "sailors", "crossing", "lighthouse", "dock", "tide", "mooring",
	  "fishermen", "vessel" },
	/* elections */
	{ "election", "elections", "ballot", "candidate", "candidates",
	  "voters", "turnout", "mayor", "seat", "constituency", "polling",
	  "manifesto", "coalition", "parliament", "referendum" },
	/* transport */
	{ "tram", "trams", "bus", "buses", "railway", "train", "trains",
	  "depot", "timetable", "passengers", "commuters", "fares", "tunnel",
	  "junction", "motorway" },
	/* weather */
	{ "storm", "storms", "flood", "floods", "rain", "wind", "snow",
	  "frost", "forecast", "heatwave", "drought", "gales", "thunder",
	  "fog", "temperatures" },
	/* health */
	{ "doctors", "nurses", "patients", "clinic", "surgery", "vaccine",
	  "treatment", "ward", "ambulance", "pharmacy", "illness", "disease",
	  "midwives", "physicians", "wellbeing" },
	/* education */
	{ "pupils", "teachers", "students", "university", "college",
	  "classroom", "exams", "lessons", "curriculum", "headteacher",
	  "nursery", "graduates", "tuition", "lecturers", "scholarship" },
	/* courts */
	{ "court", "judge", "jury", "trial", "verdict", "ruling", "lawyers",
	  "prosecutors", "defendant", "sentence", "magistrates", "tribunal",
	  "evidence", "witness", "testimony" },
	/* culture */
	{ "festival", "concert", "orchestra", "theatre", "exhibition",
	  "gallery", "painting", "sculpture", "artists", "musicians", "choir",
	  "lantern", "parade", "audience", "premiere" },
	/* sport */
	{ "football", "match", "stadium", "league", "goal", "striker",
	  "coach", "cricket", "rugby", "tournament", "championship",
	  "supporters", "regatta", "marathon", "athletes" },
	/* environment */
	{ "pollution", "recycling", "wildlife", "forest", "trees", "birds",
	  "habitat", "emissions", "conservation", "meadow", "wetland",
	  "species", "litter", "beaches", "biodiversity" },
	/* housing */
	{ "housing", "homes", "tenants", "landlords", "rent", "rents",
	  "flats", "developers", "estate", "mortgage", "planning",
	  "homelessness", "shelter", "renovation", "demolition" },
	/* technology */
	{ "internet", "broadband", "software", "computers", "data",
	  "network", "app", "website", "cyber", "startup", "engineers",
	  "robots", "satellite", "signal", "digital" },
	/* science */
	{ "scientists", "research", "laboratory", "experiment",
	  "discovery", "telescope", "fossils", "archaeologists", "excavation",
	  "observatory", "chemistry", "physics", "biology", "specimens",
	  "microscope" },
	/* farming */
	{ "farmers", "farm", "harvest", "crops", "cattle", "sheep", "dairy",
	  "orchard", "barley", "wheat", "tractor", "fields", "livestock",
	  "vineyard", "allotments" },
	/* energy */
	{ "energy", "electricity", "turbines", "solar", "pipeline", "gas",
	  "fuel", "power", "grid", "blackout", "heating", "nuclear", "coal",
	  "batteries", "windfarm" },
	/* police */
	{ "police", "officers", "arrest", "burglary", "theft", "robbery",
	  "detectives", "suspect", "investigation", "patrol", "vandalism",
	  "fraud", "custody", "constable", "charges" },
	/* heritage */
	{ "heritage", "castle", "cathedral", "monument", "archive",
	  "foundry", "mill", "ruins", "chapel", "manor", "restoration",
	  "centenary", "anniversary", "memorial", "tapestry" },
	/* food */
	{ "bakery", "restaurant", "cafe", "chefs", "bread", "cheese",
	  "fishmonger", "brewery", "menu", "kitchen", "recipes", "butcher",
	  "greengrocer", "cider", "pastries" },
	/* tourism */
	{ "tourists", "tourism", "hotel", "hotels", "visitors", "guesthouse",
	  "campsite", "cruise", "promenade", "souvenir", "sightseeing",
	  "hikers", "holiday", "resort", "excursion" },
	/* labour */
	{ "union", "unions", "strike", "wages", "jobs", "employers",
	  "pensions", "shifts", "staff", "redundancies", "apprentices",
	  "factory", "overtime", "payroll", "recruitment" },
	/* faith */
	{ "church", "parish", "vicar", "mosque", "synagogue", "temple",
	  "congregation", "bishop", "clergy", "worship", "pilgrims", "abbey",
	  "priest", "sermon", "monastery" },
	/* local services */
	{ "bins", "pavements", "potholes", "streetlights", "parking",
	  "allotment", "verges", "cemetery", "playground", "toilets",
	  "roadworks", "gritting", "sewers", "drains", "benches" },
	/* rights */
	{ "rights", "freedom", "journalists", "censorship", "prisoners",
	  "refugees", "asylum", "ombudsman", "activists", "equality",
	  "discrimination", "privacy", "liberty", "dissidents", "amnesty" },
	/* business */
	{ "shops", "retailers", "profits", "investors", "bank", "banks",
	  "loans", "exports", "imports", "inflation", "taxes", "economy",
	  "shareholders", "merger", "takeover" },
};

const char *const gen_first_names[] = {
	"Anna", "Marek", "Leila", "Tomas", "Ingrid", "Samir", "Olga", "Pieter",
	"Nadia", "Oskar", "Helena", "Dmitri", "Fatima", "Lars", "Greta",
	"Ibrahim", "Katya", "Jonas", "Miriam", "Pavel", "Sofia", "Arjun",
	"Elena", "Matteo", "Yusuf", "Astrid", "Kofi", "Lucia", "Henrik",
	"Amara", "Viktor", "Chloe", "Rashid", "Nina", "Emil", "Zara", "Anton",
	"Irene", "Bruno", "Leona", "Felix", "Dalia", "Hugo", "Maren", "Ravi",
	"Selma", "Igor", "Petra", "Kwame", "Ursula", "Nikolai", "Beatrix",
	"Tariq", "Agnes", "Stefan", "Mei", "Lorenzo", "Hanna", "Ewan", "Alina",
};
const size_t gen_nfirst_names = N(gen_first_names);

/* Two letters each, and three for the closed ones: names split one way. */
const char *const gen_syllable_open[] = {
	"ba", "be", "bo", "da", "de", "do", "fa", "fe", "ga", "go", "ha", "he",
	"ka", "ke", "ko", "la", "le", "lo", "ma", "me", "mo", "na", "ne", "no",
	"pa", "pe", "ra", "re", "ro", "sa", "se", "so", "ta", "te", "to", "va",
	"ve", "vo", "za", "zo",
};
const size_t gen_nsyllable_open = N(gen_syllable_open);

const char *const gen_syllable_closed[] = {
	"ren", "dov", "lan", "mir", "sek", "tal", "vin", "gor", "nek", "bal",
	"dar", "fen", "hol", "jak", "kov", "lin", "mar", "nor", "pol", "rak",
	"sol", "tov", "vel", "win", "zek", "ber", "dan", "gas", "hin", "kel",
	"lov", "mun", "nis", "pes", "rov", "sim", "tin", "vas", "wel", "zin",
	"bek", "dis", "fol", "gan", "hus", "kin", "lek", "mos", "nal", "pin",
};
const size_t gen_nsyllable_closed = N(gen_syllable_closed);

const char *const gen_place_endings[] = {
	"ford", "mouth", "by", "ton", "wick", "field", "haven", "bridge",
	"stead", "holm",
};
const size_t gen_nplace_endings = N(gen_place_endings);

const char *const gen_determiners[] = {
	"the", "the", "the", "a", "this", "another", "every", "its", "their",
};
const size_t gen_ndeterminers = N(gen_determiners);

const char *const gen_prepositions[] = {
	"in", "on", "at", "near", "after", "before", "despite", "for",
	"with", "without", "over", "under", "beyond", "during", "across",
};
const size_t gen_nprepositions = N(gen_prepositions);
