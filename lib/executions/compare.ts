import { toAlpha2 } from "./countries";

// What a vendor read from the document against what the person typed into Trulioo. Each kind of field has
// one stated rule, so a reviewer can tell why two values count as the same:
// - names: the same letters and digits in the same order, ignoring case, accents, spacing and punctuation
//   (either side may also be the ICAO 9303 transliteration printed in a machine-readable zone: Müller = MUELLER);
// - dates: the same calendar day, whichever of the usual notations each side used;
// - countries: the same ISO 3166 country, written as alpha-2, alpha-3 or an English name;
// - document numbers: the same letters and digits, ignoring case, spaces and separators.
// A value that cannot be read as its kind (an unparseable date, an unknown country) is compared as text.

export type TFieldKind = "name" | "date" | "country" | "documentNumber";
export type TOutcome = "match" | "mismatch" | "missing";

/** The compared fields, with the Trulioo form role that holds what the person entered. */
export const COMPARED_FIELDS = [
  { key: "firstName", label: "First name", kind: "name", role: "first_name" },
  { key: "lastName", label: "Last name", kind: "name", role: "last_name" },
  { key: "dateOfBirth", label: "Date of birth", kind: "date", role: "dob" },
  { key: "documentNumber", label: "Document number", kind: "documentNumber", role: "document_number" },
  { key: "nationality", label: "Nationality", kind: "country", role: "nationality" },
] as const satisfies readonly { key: string; label: string; kind: TFieldKind; role: string }[];

export type TComparedField = (typeof COMPARED_FIELDS)[number]["key"];
export type TDocumentFacts = Partial<Record<TComparedField, string | null>>;
export type TEnteredFacts = Partial<Record<TComparedField, readonly string[]>>;

export type TComparisonRow = {
  key: TComparedField;
  label: string;
  kind: TFieldKind;
  /** As the vendor read it. */
  document: string | null;
  /** As entered in Trulioo; more than one when the person filled the field in several workflows. */
  entered: string[];
  outcome: TOutcome;
  /** For "missing": which side has no value. */
  missing: "document" | "entered" | "both" | null;
};

// Letters that Unicode does not decompose into a base letter and a mark.
const BASE_LETTERS: Record<string, string> = { ß: "ss", ø: "o", æ: "ae", œ: "oe", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h" };
// ICAO 9303 transliterations that differ from dropping the accent.
const ICAO_LETTERS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", å: "aa", ø: "oe", ĳ: "ij" };

function fold(value: string, letters: Record<string, string>): string {
  let out = "";
  for (const ch of value.normalize("NFC").toLowerCase()) out += letters[ch] ?? BASE_LETTERS[ch] ?? ch;
  return out.normalize("NFD").replace(/\p{M}/gu, "").replace(/[^\p{L}\p{N}]/gu, "");
}

/** A name's comparison key: letters and digits only, case-folded, accents dropped. */
export function normaliseName(value: string): string {
  return fold(value, {});
}

export function sameName(a: string, b: string): boolean {
  const [plainA, plainB] = [normaliseName(a), normaliseName(b)];
  if (!plainA || !plainB) return false;
  if (plainA === plainB) return true;
  const [icaoA, icaoB] = [fold(a, ICAO_LETTERS), fold(b, ICAO_LETTERS)];
  return icaoA === plainB || plainA === icaoB || icaoA === icaoB;
}

function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * YYYY-MM-DD for YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY and ISO date-times;
 * null for anything else, including impossible days. A day-first order is assumed for slashes, as on
 * identity documents. An ISO time keeps the date as written: a birth date is a calendar day, and a time
 * zone on it is how it was serialised, not a different day.
 */
export function normaliseDate(value: string): string | null {
  const text = value.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (m) return calendarDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** A document number's comparison key: letters and digits, upper-case. */
export function normaliseDocumentNumber(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase().replace(/[^\p{L}\p{N}]/gu, "");
}

const asText = (value: string) => value.trim().toLowerCase().replace(/\s+/g, " ");

/** Whether two values of one kind say the same thing, by the rules at the top of this file. */
export function sameValue(kind: TFieldKind, a: string, b: string): boolean {
  switch (kind) {
    case "name":
      return sameName(a, b);
    case "documentNumber": {
      const [x, y] = [normaliseDocumentNumber(a), normaliseDocumentNumber(b)];
      return x !== "" && x === y;
    }
    case "date": {
      const [x, y] = [normaliseDate(a), normaliseDate(b)];
      return x && y ? x === y : asText(a) === asText(b);
    }
    case "country": {
      const [x, y] = [toAlpha2(a), toAlpha2(b)];
      return x && y ? x === y : asText(a) === asText(b);
    }
  }
}

const present = (value: string | null | undefined): value is string => typeof value === "string" && value.trim() !== "";

/** One row per compared field, in a fixed order; a value entered in any workflow may match. */
export function compareFacts(document: TDocumentFacts, entered: TEnteredFacts): TComparisonRow[] {
  return COMPARED_FIELDS.map(({ key, label, kind }): TComparisonRow => {
    const read = present(document[key]) ? document[key]!.trim() : null;
    const typed = [...new Set((entered[key] ?? []).filter(present).map((v) => v.trim()))];
    const base = { key, label, kind, document: read, entered: typed };
    if (!read || !typed.length) {
      return { ...base, outcome: "missing", missing: !read && !typed.length ? "both" : !read ? "document" : "entered" };
    }
    return { ...base, outcome: typed.some((v) => sameValue(kind, read, v)) ? "match" : "mismatch", missing: null };
  });
}
