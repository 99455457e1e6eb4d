import { describe, expect, it } from "vitest";
import { person } from "@/sandbox/data/person";
import { rngFor } from "@/sandbox/data/prng";
import { userDataFor } from "@/sandbox/data/trustx";
import { readTrustx } from "./trustx-detail";

const instance = {
  id: "IRV4KRZC4UGNUUBGT47N7K27IQ",
  processDefnId: "D1", processDefnName: "Onboarding", processDefnVersion: 3,
  firstName: "Zoë", lastName: "Ångström",
  createdAt: "2026-01-02T10:00:00.000Z", elapsedMilliseconds: 60_000,
  status: "COMPLETED_ENDED_SUCCESS", statusMapped: "Accepted",
  processTokenId: "TOKEN1", processTokenParameters: { referenceID: "0b7c1c52-0000-4000-8000-000000000000", email: "zoe@example.com" },
};

describe("readTrustx", () => {
  const p = person(42, 7);
  const userData = userDataFor(p, rngFor(42, 99, 7), {});

  it("reads status, definition, applicant, token parameters and the biographic fields, visual zone first", () => {
    const view = readTrustx(JSON.parse(JSON.stringify({ instance, userData })));
    expect(view.problems).toEqual([]);
    expect(view.instance).toMatchObject({ status: "COMPLETED_ENDED_SUCCESS", statusLabel: "Accepted", definition: { name: "Onboarding", version: 3 }, tokenId: "TOKEN1" });
    expect(view.instance?.tokenParameters).toMatchObject({ email: "zoe@example.com" });
    if (typeof view.userData === "string") throw new Error("no user data");
    const [doc] = view.userData.documents;
    expect(doc?.fields.map((f) => f.fieldName)).toEqual(["Document Number", "First Name", "Last Name", "Date of Birth", "Expiry Date", "Nationality"]);
    expect(doc?.fields[1]?.values.map((v) => v.zone)).toEqual(["visualZoneValue", "mrzValue"]);
    expect(view.document).toEqual({ documentNumber: p.documentNumber, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dob, nationality: p.nationality });
  });

  it("tells no user data from unreadable user data, and keeps the instance either way", () => {
    expect(readTrustx({ instance, userData: null }).userData).toBe("none");
    const broken = readTrustx({ instance, userData: { documents: { doc1: { biographicData: [{ fieldName: { nested: true } }] } } } });
    expect(broken.userData).toBe("unreadable");
    expect(broken.instance?.status).toBe("COMPLETED_ENDED_SUCCESS");
    expect(broken.problems.map((x) => x.part)).toEqual(["the captured user data (documents, biographic fields)"]);
  });

  it("never throws on garbage", () => {
    for (const garbage of [null, 1, "x", { instance: { id: 5 } }]) {
      const view = readTrustx(garbage);
      expect(view.instance).toBeNull();
      expect(view.problems.length).toBeGreaterThan(0);
    }
  });

  it("matches other spellings of the compared fields and falls back to the MRZ", () => {
    const view = readTrustx({ instance, userData: { documents: { doc1: { biographicData: [
      { fieldName: "SURNAME", values: { mrzValue: "ANGSTROM" } }, { fieldName: "date_of_birth", values: { visualZoneValue: "01.05.1990" } },
    ] } } } });
    expect(view.document).toEqual({ lastName: "ANGSTROM", dateOfBirth: "01.05.1990" });
  });
});
