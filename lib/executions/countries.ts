// Countries as the three vendors write them: Trulioo's country elements hold ISO 3166-1 alpha-2, Jumio's
// extraction alpha-3, TrustX's biographic fields whatever the document printed. Everything is brought to
// alpha-2 so they compare. The table is ISO 3166-1 itself (249 codes, plus Kosovo's user-assigned XK), kept
// here rather than pulling a package whose bulk is translated names we never show.
const ISO_3166 =
  "AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS AW ABW AX ALA AZ AZE " +
  "BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM BM BMU BN BRN BO BOL BQ BES BR BRA BS BHS " +
  "BT BTN BV BVT BW BWA BY BLR BZ BLZ CA CAN CC CCK CD COD CF CAF CG COG CH CHE CI CIV CK COK CL CHL CM CMR CN CHN " +
  "CO COL CR CRI CU CUB CV CPV CW CUW CX CXR CY CYP CZ CZE DE DEU DJ DJI DK DNK DM DMA DO DOM DZ DZA EC ECU EE EST " +
  "EG EGY EH ESH ER ERI ES ESP ET ETH FI FIN FJ FJI FK FLK FM FSM FO FRO FR FRA GA GAB GB GBR GD GRD GE GEO GF GUF " +
  "GG GGY GH GHA GI GIB GL GRL GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS GT GTM GU GUM GW GNB GY GUY HK HKG HM HMD " +
  "HN HND HR HRV HT HTI HU HUN ID IDN IE IRL IL ISR IM IMN IN IND IO IOT IQ IRQ IR IRN IS ISL IT ITA JE JEY JM JAM " +
  "JO JOR JP JPN KE KEN KG KGZ KH KHM KI KIR KM COM KN KNA KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO LB LBN LC LCA " +
  "LI LIE LK LKA LR LBR LS LSO LT LTU LU LUX LV LVA LY LBY MA MAR MC MCO MD MDA ME MNE MF MAF MG MDG MH MHL MK MKD " +
  "ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ MR MRT MS MSR MT MLT MU MUS MV MDV MW MWI MX MEX MY MYS MZ MOZ NA NAM " +
  "NC NCL NE NER NF NFK NG NGA NI NIC NL NLD NO NOR NP NPL NR NRU NU NIU NZ NZL OM OMN PA PAN PE PER PF PYF PG PNG " +
  "PH PHL PK PAK PL POL PM SPM PN PCN PR PRI PS PSE PT PRT PW PLW PY PRY QA QAT RE REU RO ROU RS SRB RU RUS RW RWA " +
  "SA SAU SB SLB SC SYC SD SDN SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE SM SMR SN SEN SO SOM SR SUR SS SSD " +
  "ST STP SV SLV SX SXM SY SYR SZ SWZ TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL TL TLS TM TKM TN TUN TO TON " +
  "TR TUR TT TTO TV TUV TW TWN TZ TZA UA UKR UG UGA UM UMI US USA UY URY UZ UZB VA VAT VC VCT VE VEN VG VGB VI VIR " +
  "VN VNM VU VUT WF WLF WS WSM XK XKX YE YEM YT MYT ZA ZAF ZM ZMB ZW ZWE";

const pairs = ISO_3166.split(" ");
const ALPHA2 = new Set<string>();
const FROM_ALPHA3 = new Map<string, string>();
for (let i = 0; i + 1 < pairs.length; i += 2) {
  ALPHA2.add(pairs[i]!);
  FROM_ALPHA3.set(pairs[i + 1]!, pairs[i]!);
}
export const COUNTRY_CODE_COUNT = ALPHA2.size;

// Codes that machine-readable zones print instead of the ISO one (ICAO Doc 9303): Germany's single "D",
// the British nationality variants, and the Kosovo code ICAO uses.
const ICAO_CODES: Record<string, string> = { D: "DE", GBD: "GB", GBN: "GB", GBO: "GB", GBP: "GB", GBS: "GB", RKS: "XK" };

// Names a person or a document may write that are not the English short name below.
const NAME_ALIASES: Record<string, string> = {
  unitedstatesofamerica: "US", greatbritain: "GB", turkey: "TR", czechrepublic: "CZ", holland: "NL",
  russianfederation: "RU", republicofkorea: "KR", ivorycoast: "CI", swaziland: "SZ", burma: "MM",
};

const key = (value: string) => value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]/g, "");

let byName: Map<string, string> | null = null;
function namesToCodes(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(Object.entries(NAME_ALIASES));
  // The runtime's own CLDR names, so "Germany" or "Côte d'Ivoire" need no table of ours.
  const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  for (const code of ALPHA2) {
    const name = names.of(code);
    if (name) byName.set(key(name), code);
  }
  return byName;
}

/** ISO alpha-2 for an alpha-2 or alpha-3 code, an ICAO variant or an English country name; null when unknown. */
export function toAlpha2(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  const upper = text.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return ALPHA2.has(upper) ? upper : null;
  if (/^[A-Z]{3}$/.test(upper) && FROM_ALPHA3.has(upper)) return FROM_ALPHA3.get(upper)!;
  if (ICAO_CODES[upper]) return ICAO_CODES[upper];
  return namesToCodes().get(key(text)) ?? null;
}

/** The English name of an alpha-2 code, for showing beside the code. */
export function countryName(alpha2: string): string | null {
  if (!ALPHA2.has(alpha2)) return null;
  return new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }).of(alpha2) ?? null;
}
