import { beforeAll, describe, expect, it } from "vitest";
import type { TActionContext } from "../../lib/actions/safe-action";
import { getExecutionDetail } from "../../lib/executions/detail";
import { runJob, type TRunnerDeps } from "../../lib/jobs/runner";
import { runSyncStages } from "../../lib/sync/run-sync";
import { SyncContext } from "../../lib/sync/context";
import { acceptEvent } from "../../lib/webhooks/inbox";
import { drainOnce } from "../../lib/webhooks/drain";
import { requestAccountWipe } from "../../lib/wipes/account";
import { ZWipeAccountSchema, ZWipeExecutionSchema, ZWipeProfileSchema } from "../../lib/wipes/schemas";
import { wipeExecution, wipeProfile } from "../../lib/wipes/wipe-one";
import { actionContextFor, jobRunnerDeps, syncedWorld, type TSyncedWorld } from "../support/synced-world";
import { databaseText } from "../support/database-text";


// PII wipes (issue 16): upstream first (J8/J9), then every local copy of the person goes; the records stay
// as tombstones, and nothing brings the data back: not a full resync, a webhook re-read or a sync error.
describe("PII wipes", () => {
  const world = syncedWorld("wipes", { profiles: 12, jumioAccounts: 12, trustxInstances: 40, seed: 16 }, { sync: { concurrency: 4, batchSize: 20 } });
  let sb: TSyncedWorld["sb"];
  let isolated: TSyncedWorld["isolated"];
  let admin: TActionContext;
  let deps: TRunnerDeps;

  /** Every row of the whole database as text (a data-only dump): where a forgotten copy would show. */
  const dump = async () => (await databaseText(isolated.url)).toLowerCase();
  const fullSync = () => runSyncStages({ db: isolated.db, pool: isolated.pool, clients: sb.clients, kind: "FULL", concurrency: 4, batchSize: 20 });

  beforeAll(async () => {
    ({ sb, isolated } = world);
    admin = await actionContextFor(isolated.db, "ADMIN", "Ada Wipe");
    deps = jobRunnerDeps(world);
  });

  /** A person with Jumio and TrustX executions, their name and email, and copies of them in the side tables. */
  async function personWithCopies() {
    const { rows } = await isolated.pool.query<{ id: string; full_name: string; email: string | null }>(
      `SELECT p.id::text, p.full_name, p.email FROM profiles p
       WHERE p.pii_wiped_at IS NULL AND p.full_name IS NOT NULL AND p.profile_type = 'NORMAL'
         AND EXISTS (SELECT 1 FROM executions e WHERE e.profile_id = p.id AND e.provider = 'JUMIO')
         AND EXISTS (SELECT 1 FROM executions e WHERE e.profile_id = p.id AND e.provider = 'TRUSTX')
       ORDER BY p.id LIMIT 1`,
    );
    const person = rows[0]!;
    expect(person).toBeTruthy();
    // Our own note names them; a sync error and a webhook hold their record as it was read.
    await isolated.db.caseNote.create({ data: { profileId: person.id, authorId: admin.user.id, body: `Called ${person.full_name} back about the address.` } });
    await isolated.db.syncError.create({ data: { source: "trulioo.client", externalId: person.id, message: "record failed validation", raw: { id: person.id, name: person.full_name }, issues: [{ received: person.full_name }] } });
    await acceptEvent(isolated.pool, { source: "trulioo", dedupeKey: `wipe-${person.id}`, type: "STEP_SUBMIT", subjectId: person.id, payload: { id: `wipe-${person.id}`, userId: person.id, event: { type: "STEP_SUBMIT", ts: 1 }, stepData: { name: person.full_name } } });
    return person;
  }

  it("refuses a wrong confirmation and a missing reason before anything is sent", () => {
    const id = "6f1c1d2e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    expect(ZWipeProfileSchema.safeParse({ profileId: id, confirmation: id.slice(0, 30), reason: "GDPR erasure request" }).success).toBe(false);
    expect(ZWipeProfileSchema.safeParse({ profileId: id, confirmation: id, reason: "" }).success).toBe(false);
    expect(ZWipeProfileSchema.safeParse({ profileId: id, confirmation: ` ${id.toUpperCase()} `, reason: "GDPR erasure request" }).success).toBe(true);
    expect(ZWipeExecutionSchema.safeParse({ executionId: "abc", confirmation: "abd", reason: "erasure" }).success).toBe(false);
    expect(ZWipeAccountSchema.safeParse({ accountId: id, confirmation: "wipe all", reason: "erasure" }).success).toBe(false);
    expect(ZWipeAccountSchema.safeParse({ accountId: id, confirmation: "WIPE ALL", reason: "erasure" }).success).toBe(true);
  });

  it("changes nothing locally when Jumio fails, and says so", async () => {
    const person = await personWithCopies();
    const before = await dump();
    expect(before).toContain(person.full_name.toLowerCase());
    await sb.control("/faults", { provider: "jumio", next500: 100 });
    try {
      await expect(wipeProfile(admin, ZWipeProfileSchema.parse({ profileId: person.id, confirmation: person.id, reason: "GDPR erasure request" }), sb.clients))
        .rejects.toMatchObject({ code: "UPSTREAM_ERROR", message: expect.stringMatching(/Jumio.*Nothing was wiped here/) });
    } finally {
      await sb.control("/faults?provider=jumio", undefined, "DELETE");
    }
    const profile = await isolated.db.profile.findUniqueOrThrow({ where: { id: person.id } });
    expect(profile.piiWipedAt).toBeNull();
    expect(profile.fullName).toBe(person.full_name);
    expect(await isolated.db.execution.count({ where: { profileId: person.id, wipedOutAt: { not: null } } })).toBe(0);
    expect(await isolated.db.fieldValue.count({ where: { profileId: person.id } })).toBeGreaterThan(0);
    expect(await isolated.db.auditEvent.count({ where: { action: "pii.wipe_profile", targetId: person.id, outcome: "FAILED" } })).toBe(1);
  });

  it("wipes a profile: J8 for each Jumio execution, then every local copy, and a resync or a webhook keeps it wiped", async () => {
    const { rows } = await isolated.pool.query<{ id: string; full_name: string; email: string | null }>(
      "SELECT p.id::text, p.full_name, p.email FROM profiles p WHERE EXISTS (SELECT 1 FROM case_notes n WHERE n.profile_id = p.id) AND p.pii_wiped_at IS NULL",
    );
    const person = rows[0]!;
    const executions = await isolated.db.execution.findMany({ where: { profileId: person.id } });
    // First or last names alone are shared with other people of the sandbox; the whole name and the email are this person's.
    const names = [person.full_name, person.email].filter((n): n is string => !!n);
    const jumio = executions.filter((e) => e.provider === "JUMIO");
    expect(jumio.length).toBeGreaterThan(0);

    const wiped = await wipeProfile(admin, ZWipeProfileSchema.parse({ profileId: person.id, confirmation: person.id, reason: "GDPR erasure request" }), sb.clients);
    expect(wiped.executions).toBe(executions.length);
    for (const e of jumio) expect((await sb.clients.jumio!.getExecution(e.accountId!, e.id)).wipedOutAt).toBeInstanceOf(Date);

    const assertGone = async () => {
      const text = await dump();
      for (const name of names) expect(text.split("\n").filter((line) => line.includes(name.toLowerCase())).map((line) => line.slice(0, 300)), name).toEqual([]);
      const profile = await isolated.db.profile.findUniqueOrThrow({ where: { id: person.id } });
      expect(profile).toMatchObject({ fullName: null, email: null, dateOfBirth: null, country: null, contentHash: "wiped" });
      expect(profile.piiWipedAt).toBeInstanceOf(Date);
      for (const table of ["field_values", "profile_files", "service_results", "profile_notes", "profile_tasks"]) {
        expect((await isolated.pool.query(`SELECT 1 FROM ${table} WHERE profile_id = $1::uuid`, [person.id])).rowCount, table).toBe(0);
      }
      const after = await isolated.db.execution.findMany({ where: { profileId: person.id } });
      expect(after).toHaveLength(executions.length);
      for (const e of after) expect(e).toMatchObject({ firstName: null, lastName: null, wipedOutAt: expect.any(Date) });
    };
    await assertGone();
    // The tombstone still reads on the execution page: decisions stay, nothing of the person does.
    const detail = (await getExecutionDetail(jumio[0]!.id))!;
    expect(detail.problems).toEqual([]);
    expect(detail.comparison.state).toBe("wiped");
    const note = await isolated.db.caseNote.findFirstOrThrow({ where: { profileId: person.id } });
    expect(note.body).toContain("[wiped]");
    const audit = await isolated.db.auditEvent.findFirstOrThrow({ where: { action: "pii.wipe_profile", targetId: person.id, outcome: "SUCCESS" } });
    expect(audit.details).toMatchObject({ reason: "GDPR erasure request", jumioExecutions: jumio.length });
    expect(await isolated.db.auditEvent.count({ where: { action: "pii.wipe_execution", targetId: { in: executions.map((e) => e.id) } } })).toBe(executions.length);

    // Trulioo still has the person (it has no delete): a full resync, a webhook re-read and a refused
    // record must each leave the tombstone as it is.
    await fullSync();
    await acceptEvent(isolated.pool, { source: "trulioo", dedupeKey: `after-${person.id}`, type: "STEP_SUBMIT", subjectId: person.id, payload: { id: `after-${person.id}`, userId: person.id, event: { type: "STEP_SUBMIT", ts: 2 }, stepData: { name: person.full_name } } });
    await drainOnce({ database: isolated, clients: sb.clients, workerId: "wipe-test" });
    await new SyncContext({ db: isolated.db, pool: isolated.pool, clients: sb.clients, kind: "INCREMENTAL" })
      .recordError("trulioo.client", person.id, "record failed validation", { raw: { name: person.full_name } });
    await assertGone();
    expect(await isolated.db.webhookEvent.count({ where: { subjectId: person.id, state: "PROCESSED" } })).toBeGreaterThan(0);
    await expect(wipeProfile(admin, ZWipeProfileSchema.parse({ profileId: person.id, confirmation: person.id, reason: "again" }), sb.clients)).rejects.toMatchObject({ code: "CONFLICT" });
  }, 60_000);

  it("wipes one Jumio execution through J8 and one TrustX execution locally", async () => {
    const jumio = await isolated.db.execution.findFirstOrThrow({ where: { provider: "JUMIO", wipedOutAt: null, firstName: { not: null } }, orderBy: { id: "asc" } });
    await wipeExecution(admin, ZWipeExecutionSchema.parse({ executionId: jumio.id, confirmation: jumio.id, reason: "erasure request" }), sb.clients);
    expect((await sb.clients.jumio!.getExecution(jumio.accountId!, jumio.id)).wipedOutAt).toBeInstanceOf(Date);
    const trustx = await isolated.db.execution.findFirstOrThrow({ where: { provider: "TRUSTX", wipedOutAt: null, firstName: { not: null } }, orderBy: { id: "asc" } });
    await wipeExecution(admin, ZWipeExecutionSchema.parse({ executionId: trustx.id, confirmation: trustx.id, reason: "erasure request" }), sb.clients);
    await fullSync();
    for (const e of [jumio, trustx]) {
      const row = await isolated.db.execution.findUniqueOrThrow({ where: { provider_id: { provider: e.provider, id: e.id } } });
      expect(row).toMatchObject({ firstName: null, lastName: null, wipedOutAt: expect.any(Date) });
      expect(JSON.stringify(row.raw)).not.toContain(e.lastName!);
      expect((await getExecutionDetail(e.id))!.problems).toEqual([]);
    }
  }, 60_000);

  it("wipes a Jumio account as a job: J9, then each execution purged with its audit row", async () => {
    const { rows } = await isolated.pool.query<{ account_id: string; n: number }>(
      `SELECT account_id, count(*)::int AS n FROM executions WHERE provider = 'JUMIO' AND wiped_out_at IS NULL AND account_id IS NOT NULL
       GROUP BY account_id HAVING count(*) > 1 ORDER BY account_id LIMIT 1`,
    );
    const account = rows[0]!;
    const { jobId, total } = await requestAccountWipe(admin, ZWipeAccountSchema.parse({ accountId: account.account_id, confirmation: "WIPE ALL", reason: "account closed" }));
    expect(total).toBe(account.n);
    expect(await runJob(deps, jobId)).toBe("ran");
    const job = await isolated.db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ state: "SUCCEEDED", done: account.n, kind: "pii.wipe_account" });
    const executions = await isolated.db.execution.findMany({ where: { accountId: account.account_id } });
    for (const e of executions) {
      expect(e).toMatchObject({ firstName: null, lastName: null, wipedOutAt: expect.any(Date) });
      expect((await sb.clients.jumio!.getExecution(account.account_id, e.id)).wipedOutAt).toBeInstanceOf(Date);
    }
    expect(await isolated.db.auditEvent.count({ where: { action: "pii.wipe_execution", details: { path: ["jobId"], equals: jobId } } })).toBe(account.n);
  }, 60_000);
});
