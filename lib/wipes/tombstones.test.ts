import { describe, expect, it } from "vitest";
import { readJumio } from "@/lib/executions/jumio-detail";
import { readTrustx } from "@/lib/executions/trustx-detail";
import { jumioTombstone, nameTokens, redact, trustxTombstone } from "./tombstones";

describe("wipe tombstones", () => {
  it("keeps a Jumio record's ids and decisions, readable, without the person's data", () => {
    const raw = {
      record: {
        workflow: { id: "0b8f3e7a-1d2c-4e5f-8a9b-0c1d2e3f4a5b", status: "PROCESSED", userReference: "ana@example.com", customerInternalReference: "ref" },
        account: { id: "1b8f3e7a-1d2c-4e5f-8a9b-0c1d2e3f4a5b" }, createdAt: "2025-01-01T00:00:00.000Z",
        credentials: [{ id: "c1", category: "ID", clientIp: "203.0.113.7", parts: [{ classifier: "FRONT", href: "x" }] }],
        decision: { type: "PASSED", details: { label: "PASSED" }, risk: { score: 10 } },
        capabilities: { extraction: [{ id: "e1", credentials: [{ id: "c1" }], decision: { type: "PASSED" }, data: { firstName: "Ana", lastName: "Ruiz" } }] },
      },
      steps: { steps: [{ id: "s1", name: "Extraction", decision: { type: "PASSED" }, capabilities: ["extraction"] }] },
      rules: null,
    };
    const tomb = jumioTombstone(raw, new Date("2025-02-01T00:00:00Z"));
    const text = JSON.stringify(tomb);
    for (const gone of ["Ana", "Ruiz", "203.0.113.7", "ana@example.com", "href"]) expect(text).not.toContain(gone);
    const view = readJumio(tomb, "0b8f3e7a-1d2c-4e5f-8a9b-0c1d2e3f4a5b");
    expect(view.problems).toEqual([]);
    expect(view.record?.decision?.type).toBe("PASSED");
  });

  it("keeps a TrustX instance's status and its link, without the applicant or the user data", () => {
    const raw = {
      instance: { id: "i1", status: "REVIEW", createdAt: "2025-01-01T00:00:00.000Z", firstName: "Zoë", lastName: "Müller", processTokenParameters: { referenceID: "p1", email: "z@m.de" } },
      userData: { documents: [] },
    };
    const tomb = trustxTombstone(raw);
    expect(JSON.stringify(tomb)).not.toMatch(/Zoë|Müller|z@m\.de/);
    const view = readTrustx(tomb);
    expect(view.problems).toEqual([]);
    expect(view.instance?.tokenParameters).toEqual({ referenceID: "p1" });
  });

  it("redacts the person's names out of free text, whole name first, ignoring case", () => {
    const tokens = nameTokens(["Zoë Müller", "zoe.mueller@example.com", null]);
    expect(redact("Called ZOË MÜLLER (zoe.mueller@example.com); Müller agreed.", tokens)).toBe("Called [wiped] ([wiped]); [wiped] agreed.");
  });
});
