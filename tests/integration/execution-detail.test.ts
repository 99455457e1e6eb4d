import { beforeAll, describe, expect, it } from "vitest";
import { getExecutionDetail } from "../../lib/executions/detail";
import { syncedWorld, type TSyncedWorld } from "../support/synced-world";

// The execution page's data on a synced sandbox: the vendor's reading of the document against what the
// linked person entered in Trulioo, by role, for both vendors.
describe("execution detail", () => {
  const world = syncedWorld("execution_detail", { profiles: 60, jumioAccounts: 30, trustxInstances: 40, seed: 7 });
  let isolated: TSyncedWorld["isolated"];
  beforeAll(() => {
    ({ isolated } = world);
  });

  it("compares each linked, processed Jumio execution with its profile: names, birth date and nationality match; a document number may not", async () => {
    const linked = await isolated.db.execution.findMany({
      where: { provider: "JUMIO", profileId: { not: null }, status: "PROCESSED", wipedOutAt: null },
      select: { id: true },
    });
    expect(linked.length).toBeGreaterThan(5);
    let compared = 0;
    const numbers = new Set<string>();
    for (const { id } of linked) {
      const detail = (await getExecutionDetail(id))!;
      expect(detail.problems).toEqual([]);
      if (detail.comparison.state !== "compared" || !detail.jumio?.document.firstName) continue;
      compared++;
      const outcome = Object.fromEntries(detail.comparison.rows.map((r) => [r.key, r.outcome]));
      expect(outcome).toMatchObject({ firstName: "match", lastName: "match", dateOfBirth: "match", nationality: "match" });
      numbers.add(outcome.documentNumber!);
      expect(detail.jumio.images.map((i) => i.classifier)).toContain("FACE");
    }
    expect(compared).toBeGreaterThan(5);
    expect(numbers.has("match")).toBe(true);
    expect([...numbers].every((o) => o === "match" || o === "mismatch")).toBe(true);
  });

  it("compares a linked TrustX instance's biographic fields, and says when there is no profile to compare with", async () => {
    const trustx = await isolated.db.execution.findMany({ where: { provider: "TRUSTX" }, select: { id: true, profileId: true } });
    const withProfile = [];
    for (const e of trustx) {
      const detail = (await getExecutionDetail(e.id))!;
      expect(detail.problems).toEqual([]);
      expect(detail.trustx?.instance?.status).toBeTruthy();
      if (!e.profileId) expect(detail.comparison).toEqual({ state: "unlinked" });
      else if (detail.comparison.state === "compared" && detail.trustx?.document.lastName) withProfile.push(detail);
    }
    expect(withProfile.length).toBeGreaterThan(0);
    for (const detail of withProfile) {
      if (detail.comparison.state !== "compared") continue;
      const byKey = Object.fromEntries(detail.comparison.rows.map((r) => [r.key, r]));
      expect(byKey.lastName?.outcome).toBe("match");
      expect(byKey.dateOfBirth?.outcome).toBe("match");
    }
  });

  it("compares nothing once the linked profile's data was wiped", async () => {
    const execution = await isolated.db.execution.findFirstOrThrow({ where: { provider: "JUMIO", profileId: { not: null } } });
    await isolated.db.profile.update({ where: { id: execution.profileId! }, data: { piiWipedAt: new Date() } });
    try {
      expect((await getExecutionDetail(execution.id))!.comparison).toEqual({ state: "wiped" });
    } finally {
      await isolated.db.profile.update({ where: { id: execution.profileId! }, data: { piiWipedAt: null } });
    }
  });

  it("shows the core of a record that no longer parses, and is null for an unknown id", async () => {
    const execution = await isolated.db.execution.findFirstOrThrow({ where: { provider: "TRUSTX" } });
    await isolated.db.execution.update({ where: { provider_id: { provider: "TRUSTX", id: execution.id } }, data: { raw: { instance: { id: 1 }, userData: "x" } } });
    const detail = (await getExecutionDetail(execution.id))!;
    expect(detail.status).toBe(execution.status);
    expect(detail.trustx?.instance).toBeNull();
    expect(detail.problems.map((p) => p.part)).toEqual([
      "the process instance (status, definition, applicant, token parameters)",
      "the captured user data (documents, biographic fields)",
    ]);
    expect(await getExecutionDetail("no-such-execution")).toBeNull();
  });
});
