import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { runSyncStages } from "../../lib/sync/run-sync";
import { mapLimit } from "../../lib/sync/concurrency";
import { drainOnce, type TDrainOptions } from "../../lib/webhooks/drain";
import { startInboxDrain } from "../../lib/webhooks/drainer";
import { expectEcho } from "../../lib/webhooks/echoes";
import { acceptEvent } from "../../lib/webhooks/inbox";
import { createIsolatedDatabase } from "../support/db";
import { startTestSandbox } from "../support/sandbox";

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;
type Status = "ACCEPTED" | "REJECTED" | "PENDING_REVIEW";

// What a manual status change in Trulioo turns each status into, and the event it sends (contract §1.3).
const MOVE: Record<string, Status> = { ACCEPTED: "PENDING_REVIEW", REJECTED: "ACCEPTED", PENDING_REVIEW: "REJECTED", COMPLETED: "ACCEPTED" };

describe("draining the webhook inbox", () => {
  let sb: Sandbox;
  let isolated: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let db: PrismaClient;
  const reads = new Map<string, number>();

  const options = (overrides: Partial<TDrainOptions> = {}): TDrainOptions => ({
    database: { db, pool: isolated.pool },
    clients: sb.clients,
    workerId: "worker-a",
    batchSize: 500,
    concurrency: 16,
    ...overrides,
  });
  const drainAll = async (overrides: Partial<TDrainOptions> = {}) => {
    for (let i = 0; i < 100; i += 1) if ((await drainOnce(options(overrides))).claimed === 0) return;
    throw new Error("the inbox did not drain");
  };
  const event = (subjectId: string, type: string) =>
    acceptEvent(isolated.pool, { source: "trulioo", dedupeKey: randomUUID(), type, subjectId, payload: { event: { type, user: subjectId } } });
  const statuses = async () => new Map((await db.profile.findMany({ select: { id: true, status: true } })).map((p) => [p.id, p.status as string]));
  const moveUpstream = async (ids: string[], from: Map<string, string>) => {
    const expected = new Map(from);
    for (const target of new Set(Object.values(MOVE))) {
      const group = ids.filter((id) => MOVE[from.get(id) ?? ""] === target);
      const result = await sb.clients.trulioo!.updateStatuses(group, target);
      expect(result.failed).toEqual([]);
      for (const id of group) expected.set(id, target);
    }
    return expected;
  };

  beforeAll(async () => {
    sb = await startTestSandbox({ profiles: 3000, jumioAccounts: 4, trustxInstances: 4, seed: 23 });
    isolated = await createIsolatedDatabase("drain");
    db = isolated.db;
    await runSyncStages({ db, pool: isolated.pool, clients: sb.clients, kind: "FULL", concurrency: 16, batchSize: 500 });
    const client = sb.clients.trulioo!;
    const getClient = client.getClient.bind(client);
    client.getClient = (id, opts) => {
      reads.set(id, (reads.get(id) ?? 0) + 1);
      return getClient(id, opts);
    };
  }, 120_000);
  afterAll(async () => {
    await sb?.sandbox.close();
    await isolated?.drop();
  });
  beforeEach(async () => {
    await db.$executeRawUnsafe("TRUNCATE webhook_events, local_changes, sync_errors");
    await sb.control("/faults", undefined, "DELETE");
    reads.clear();
  });

  it("drains 5,000 events for 3,000 profiles to the upstream state, one re-read per profile", async () => {
    const before = await statuses();
    const ids = [...before.keys()];
    expect(ids.length).toBe(3000);
    const expected = await moveUpstream(ids.filter((id) => MOVE[before.get(id)!]), before);
    const refused = ids.find((id) => expected.get(id) !== before.get(id))!;
    await db.$executeRawUnsafe(`ALTER TABLE profiles ADD CONSTRAINT refuse_one CHECK (id <> '${refused}') NOT VALID`);
    const unknown: string[] = Array.from({ length: 5 }, () => randomUUID());
    const subjects = [...ids, ...Array.from({ length: 1995 }, (_, i) => ids[(i * 7919) % ids.length]!), ...unknown];
    subjects.sort(() => Math.random() - 0.5);
    const types = ["MANUALLY_ACCEPTED", "FLOW_END", "MANUALLY_PENDING_REVIEW", "NOTE_ADDED"];
    await mapLimit(subjects, 16, (id, i) => event(id, types[i % types.length]!));
    expect(await db.webhookEvent.count({ where: { state: "RECEIVED" } })).toBe(5000);

    try {
      await drainAll();
    } finally {
      await db.$executeRawUnsafe("ALTER TABLE profiles DROP CONSTRAINT refuse_one");
    }

    const after = await statuses();
    for (const id of ids) expect(after.get(id), id).toBe(id === refused ? before.get(id) : expected.get(id));
    expect(Math.max(...reads.values())).toBe(1);
    expect(reads.size).toBe(3005);

    const failed = await db.webhookEvent.findMany({ where: { state: "FAILED" }, select: { subjectId: true, error: true } });
    const refusedEvents = subjects.filter((s) => s === refused).length;
    expect(failed).toHaveLength(5 + refusedEvents);
    for (const f of failed.filter((f) => unknown.includes(f.subjectId!))) expect(f.error).toMatch(/not found \(404\)/);
    for (const f of failed.filter((f) => f.subjectId === refused)) expect(f.error).toMatch(/database refused/);
    expect(await db.webhookEvent.count({ where: { state: "PROCESSED", outcome: "reread", attempts: 1 } })).toBe(5000 - failed.length);
    expect(await db.webhookEvent.count({ where: { state: "RECEIVED" } })).toBe(0);
  }, 120_000);

  it("puts back events whose record cannot be read for a while, with backoff, and fails them after the last try", async () => {
    const [first, second] = [...(await statuses()).keys()];
    await event(first!, "FLOW_END");
    await event(second!, "FLOW_END");
    await db.$executeRawUnsafe(`UPDATE webhook_events SET attempts = 4 WHERE subject_id = '${second}'`);
    await sb.control("/faults", { provider: "trulioo", next503: 1000 });
    const result = await drainOnce(options({ maxAttempts: 5 }));
    expect(result).toMatchObject({ claimed: 2, retried: 1, failed: 1 });
    const waiting = await db.webhookEvent.findFirstOrThrow({ where: { subjectId: first } });
    expect(waiting).toMatchObject({ state: "RECEIVED", attempts: 1, claimedAt: null });
    expect(waiting.error).toMatch(/503/);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(await db.webhookEvent.findFirstOrThrow({ where: { subjectId: second } })).toMatchObject({ state: "FAILED", attempts: 5 });

    await sb.control("/faults", undefined, "DELETE");
    expect((await drainOnce(options())).claimed).toBe(0);
    await db.$executeRawUnsafe("UPDATE webhook_events SET next_attempt_at = now()");
    await drainAll();
    expect(await db.webhookEvent.findFirstOrThrow({ where: { subjectId: first } })).toMatchObject({ state: "PROCESSED", attempts: 2 });
  });

  it("recognises the echo of our own status change and does not re-read it", async () => {
    const before = await statuses();
    const ids = [...before.keys()].filter((id) => MOVE[before.get(id)!]).slice(0, 21);
    const expected = await moveUpstream(ids, before);
    for (const id of ids.slice(0, 20)) {
      // What a status action does: the local copy follows what upstream confirmed, and the echo is expected.
      await db.profile.update({ where: { id }, data: { status: expected.get(id) as never } });
      await expectEcho(db, { source: "trulioo", subjectId: id, eventType: `MANUALLY_${expected.get(id)}`, expected: { status: expected.get(id) } });
    }
    // Expected, but the local copy no longer shows it: re-read.
    await expectEcho(db, { source: "trulioo", subjectId: ids[20]!, eventType: `MANUALLY_${expected.get(ids[20]!)}`, expected: { status: expected.get(ids[20]!) } });
    for (const id of ids) await event(id, `MANUALLY_${expected.get(id)}`);
    await drainAll();
    expect(await db.webhookEvent.count({ where: { outcome: "echo", state: "PROCESSED" } })).toBe(20);
    expect([...reads.keys()]).toEqual([ids[20]]);
    expect((await statuses()).get(ids[20]!)).toBe(expected.get(ids[20]!));
    expect(await db.localChange.count()).toBe(1);
  });

  it("lets two workers drain one inbox without doing an event twice", async () => {
    const ids = [...(await statuses()).keys()].slice(0, 1000);
    await mapLimit([...ids, ...ids], 16, (id) => event(id, "FLOW_END"));
    const loop = async (workerId: string) => {
      let claimed = 0;
      for (;;) {
        const result = await drainOnce(options({ workerId, batchSize: 100 }));
        if (result.claimed === 0) return claimed;
        claimed += result.claimed;
      }
    };
    const [a, b] = await Promise.all([loop("worker-a"), loop("worker-b")]);
    expect(a + b).toBe(2000);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(await db.webhookEvent.count({ where: { state: "PROCESSED", attempts: 1 } })).toBe(2000);
  });

  it("takes over the claim of a worker that died, once its lease is over", async () => {
    const [id] = [...(await statuses()).keys()];
    await event(id!, "FLOW_END");
    await db.$executeRawUnsafe("UPDATE webhook_events SET claimed_by = 'dead', claimed_at = now()");
    expect((await drainOnce(options())).claimed).toBe(0);
    await db.$executeRawUnsafe("UPDATE webhook_events SET claimed_at = now() - interval '10 minutes'");
    expect((await drainOnce(options())).processed).toBe(1);
  });

  it("processes a person's new event within seconds while a storm of status changes drains", async () => {
    const ids = [...(await statuses()).keys()];
    await sb.control("/faults", { provider: "trulioo", latencyMs: 15 });
    await mapLimit(ids.slice(1), 16, (id) => event(id, "MANUALLY_PENDING_REVIEW"));
    const drainer = await startInboxDrain({ ...options({ batchSize: 100, concurrency: 4 }), idlePollMs: 200 });
    try {
      await new Promise((r) => setTimeout(r, 500));
      const sent = Date.now();
      await event(ids[0]!, "FLOW_END");
      let processedAfter = Infinity;
      while (Date.now() - sent < 20_000) {
        const fresh = await db.webhookEvent.findFirst({ where: { subjectId: ids[0], state: "PROCESSED" } });
        if (fresh) {
          processedAfter = Date.now() - sent;
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      const stormLeft = await db.webhookEvent.count({ where: { state: "RECEIVED" } });
      expect(processedAfter).toBeLessThan(3000);
      expect(stormLeft).toBeGreaterThan(1000);
    } finally {
      await drainer.stop();
    }
  }, 60_000);
});
