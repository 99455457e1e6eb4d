import { describe, expect, it } from "vitest";
import { compareFacts, normaliseDate, normaliseDocumentNumber, normaliseName, sameName, sameValue } from "./compare";
import { countryName, toAlpha2 } from "./countries";

describe("names", () => {
  it("ignore accents, case, spacing and punctuation", () => {
    expect(sameName("José Müller", "JOSE MULLER")).toBe(true);
    expect(sameName("Zoë", "ZOE")).toBe(true);
    expect(sameName("Søren Ångström-Fixture", "soren angstrom fixture")).toBe(true);
    expect(sameName("O'Brien", "OBRIEN")).toBe(true);
    expect(sameName("Strauß", "STRAUSS")).toBe(true);
    expect(sameName("Łukasz", "Lukasz")).toBe(true);
    expect(normaliseName("  Anne-Marie  d'Arc ")).toBe("annemariedarc");
  });

  it("accept the ICAO transliteration a machine-readable zone prints", () => {
    expect(sameName("Müller", "MUELLER")).toBe(true);
    expect(sameName("MUELLER", "Müller")).toBe(true);
    expect(sameName("Jörg", "JOERG")).toBe(true);
  });

  it("still tell different names apart", () => {
    expect(sameName("José", "Josef")).toBe(false);
    expect(sameName("Muller", "Mueller")).toBe(false);
    expect(sameName("", "")).toBe(false);
    expect(sameName("Anna Maria", "Maria Anna")).toBe(false);
  });

  it("keep non-Latin scripts comparable", () => {
    expect(sameName("太郎", "太郎")).toBe(true);
    expect(sameName("Ελένη", "ελενη")).toBe(true);
    expect(sameName("太郎", "花子")).toBe(false);
  });
});

describe("dates", () => {
  it.each([
    ["1990-05-01", "1990-05-01"],
    ["1990-5-1", "1990-05-01"],
    ["1990/05/01", "1990-05-01"],
    ["19900501", "1990-05-01"],
    ["01/05/1990", "1990-05-01"],
    ["01.05.1990", "1990-05-01"],
    ["1.5.1990", "1990-05-01"],
    ["01-05-1990", "1990-05-01"],
    ["1990-05-01T00:00:00Z", "1990-05-01"],
    ["1990-05-01T00:00:00.000+02:00", "1990-05-01"],
    ["1990-05-01T23:30:00-05:00", "1990-05-01"],
    [" 1990-05-01 ", "1990-05-01"],
  ])("%s is %s", (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });

  it.each(["1990-02-30", "31/04/1990", "1990-13-01", "900501", "May 1, 1990", "", "1990-05-01T25"])("%s is not a date", (input) => {
    expect(normaliseDate(input)).toBeNull();
  });

  it("compare across notations, and as text when unreadable", () => {
    expect(sameValue("date", "1990-05-01", "01.05.1990")).toBe(true);
    expect(sameValue("date", "1990-05-01", "02.05.1990")).toBe(false);
    expect(sameValue("date", "unknown", "UNKNOWN")).toBe(true);
    expect(sameValue("date", "1990-05-01", "unknown")).toBe(false);
  });
});

describe("countries", () => {
  it("bring alpha-2, alpha-3, ICAO variants and names to alpha-2", () => {
    expect(toAlpha2("DE")).toBe("DE");
    expect(toAlpha2("de")).toBe("DE");
    expect(toAlpha2("DEU")).toBe("DE");
    expect(toAlpha2("D")).toBe("DE");
    expect(toAlpha2("GBD")).toBe("GB");
    expect(toAlpha2("Germany")).toBe("DE");
    expect(toAlpha2("Côte d'Ivoire")).toBe("CI");
    expect(toAlpha2("united states of america")).toBe("US");
    expect(toAlpha2("XKX")).toBe("XK");
    expect(toAlpha2("ZZ")).toBeNull();
    expect(toAlpha2("Atlantis")).toBeNull();
    expect(countryName("SE")).toBe("Sweden");
  });

  it("compare nationality codes across vendors", () => {
    expect(sameValue("country", "SWE", "SE")).toBe(true);
    expect(sameValue("country", "GBR", "United Kingdom")).toBe(true);
    expect(sameValue("country", "SWE", "NO")).toBe(false);
    expect(sameValue("country", "Atlantis", "atlantis")).toBe(true);
  });
});

describe("document numbers", () => {
  it("ignore case, spaces and separators", () => {
    expect(normaliseDocumentNumber(" x12-345 678 ")).toBe("X12345678");
    expect(sameValue("documentNumber", "X12345678", "x 1234-5678")).toBe(true);
    expect(sameValue("documentNumber", "X12345678", "X12345687")).toBe(false);
    expect(sameValue("documentNumber", "--", "")).toBe(false);
  });
});

describe("compareFacts", () => {
  const document = { firstName: "JOSE", lastName: "MULLER", dateOfBirth: "19900501", documentNumber: "P1234567", nationality: "DEU" };

  it("gives one row per field with its outcome", () => {
    const rows = compareFacts(document, {
      firstName: ["José"], lastName: ["Müller"], dateOfBirth: ["1990-05-01"], documentNumber: ["P1234568"], nationality: ["DE"],
    });
    expect(rows.map((r) => [r.key, r.outcome])).toEqual([
      ["firstName", "match"], ["lastName", "match"], ["dateOfBirth", "match"], ["documentNumber", "mismatch"], ["nationality", "match"],
    ]);
  });

  it("says which side is missing", () => {
    const rows = compareFacts({ firstName: "JOSE", lastName: "  ", dateOfBirth: null }, { firstName: [], lastName: ["Müller"] });
    expect(rows.map((r) => [r.key, r.outcome, r.missing])).toEqual([
      ["firstName", "missing", "entered"], ["lastName", "missing", "document"], ["dateOfBirth", "missing", "both"],
      ["documentNumber", "missing", "both"], ["nationality", "missing", "both"],
    ]);
  });

  it("matches when any workflow's entry matches, and lists each distinct entry once", () => {
    const [first] = compareFacts(document, { firstName: ["Josef", "José", "Josef"] });
    expect(first).toMatchObject({ outcome: "match", entered: ["Josef", "José"] });
    const [other] = compareFacts(document, { firstName: ["Josef"] });
    expect(other).toMatchObject({ outcome: "mismatch", document: "JOSE", entered: ["Josef"] });
  });
});
