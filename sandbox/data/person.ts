// People and companies, one per index. Every provider that refers to the same person
// calls person() with the same index, which is what keeps cross-provider data consistent.
import { COUNTRIES, splitName, toAscii, type CountryDef } from "./names";
import { D, rngFor, type Rng } from "./prng";

export interface Address {
  line1: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}

export interface Person {
  firstName: string;
  lastName: string;
  /** Latin-script form for places that need it (e-mail, PDF text). */
  latinFirst: string;
  latinLast: string;
  fullName: string;
  country: string;
  nationality: string;
  dob: string;
  email: string;
  phone: string;
  address: Address;
  nationalId: string;
  documentNumber: string;
  documentType: "PASSPORT" | "ID_CARD" | "DRIVERS_LICENSE";
  documentExpiry: string;
}

export interface Company {
  name: string;
  registrationNumber: string;
  country: string;
  activities: string[];
}

/** Offset that keeps "unknown" people (Jumio/TrustX strangers) apart from profile people. */
export const STRANGER_OFFSET = 100_000_000;

const COUNTRY_WEIGHTS = COUNTRIES.map((c) => [c, c.weight] as const);
const DOC_TYPES = [["PASSPORT", 5], ["ID_CARD", 4], ["DRIVERS_LICENSE", 3]] as const;
const DOMAINS = ["example.com", "example.org", "mail.example.net"];
const localParts = new Map<string, string>();

function pickCountry(rng: Rng): CountryDef {
  return rng.weighted(COUNTRY_WEIGHTS);
}

function localPart(first: string, last: string): string {
  const key = `${first}|${last}`;
  let v = localParts.get(key);
  if (v === undefined) {
    v = `${toAscii(first)}.${toAscii(last)}`.toLowerCase().replace(/[^a-z.]/g, "").replace(/\.+/g, ".");
    if (localParts.size < 50_000) localParts.set(key, v);
  }
  return v;
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function fullNameOf(first: string, last: string, country: string): string {
  // East Asian names are written family name first.
  return country === "JP" || country === "CN" ? `${last} ${first}` : `${first} ${last}`;
}

/** Pools pre-split once, so per-record generation allocates little. */
const POOLS = new Map(COUNTRIES.map((c) => [c, {
  first: c.first.map(splitName),
  last: c.last.map(splitName),
  cities: c.cities.map((entry) => {
    const [cityEntry = "", state = "", zip = ""] = entry.split(";");
    return { city: splitName(cityEntry)[0], state, zip };
  }),
}]));

export interface PersonKey {
  firstName: string;
  lastName: string;
  latinFirst: string;
  latinLast: string;
  email: string;
}

/** The searchable part of a person, drawn first so bulk scans can stop here. */
function drawKey(rng: Rng): PersonKey & { country: CountryDef } {
  const country = pickCountry(rng);
  const pools = POOLS.get(country);
  const [firstName, latinFirst] = pools ? rng.pick(pools.first) : ["", ""];
  const [lastName, latinLast] = pools ? rng.pick(pools.last) : ["", ""];
  const email = `${localPart(latinFirst, latinLast)}${rng.int(1, 999)}@${rng.pick(DOMAINS)}`;
  return { country, firstName, lastName, latinFirst, latinLast, email };
}

export function personKey(seed: number, index: number): PersonKey {
  return drawKey(rngFor(seed, D.person, index));
}

export function person(seed: number, index: number): Person {
  const rng = rngFor(seed, D.person, index);
  const { country, firstName, lastName, latinFirst, latinLast, email } = drawKey(rng);
  const place = rng.pick(POOLS.get(country)?.cities ?? [{ city: "", state: "", zip: "" }]);
  const street = rng.pick(country.streets);
  const docType = rng.weighted(DOC_TYPES);
  const nationality = rng.chance(0.85) ? country.code : pickCountry(rng).code;
  return {
    firstName,
    lastName,
    latinFirst,
    latinLast,
    fullName: fullNameOf(firstName, lastName, country.code),
    country: country.code,
    nationality,
    dob: isoDate(rng.int(1940, 2006), rng.int(1, 12), rng.int(1, 28)),
    email,
    phone: `${country.dial} ${rng.digits(3)} ${rng.digits(7)}`,
    address: {
      line1: country.code === "JP" || country.code === "CN" ? street : `${rng.int(1, 220)} ${street}`,
      city: place.city,
      state: place.state,
      zip: place.zip,
      country: country.code,
    },
    nationalId: `${country.code}${rng.digits(9)}`,
    documentNumber: `${rng.pick(["X", "P", "C", "L"])}${rng.digits(8)}`,
    documentType: docType,
    documentExpiry: isoDate(rng.int(2024, 2035), rng.int(1, 12), rng.int(1, 28)),
  };
}

export function company(seed: number, index: number): Company {
  const rng = rngFor(seed, D.company, index);
  const country = pickCountry(rng);
  const [lastName] = splitName(rng.pick(country.last));
  const word = rng.pick(country.companyWords);
  return {
    name: `${lastName} ${word} ${country.companySuffix}`,
    registrationNumber: `${country.code}-${rng.digits(8)}`,
    country: country.code,
    activities: rng.chance(0.2) ? ["retail", "crypto"] : [rng.pick(["retail", "wholesale", "software", "shipping"])],
  };
}
