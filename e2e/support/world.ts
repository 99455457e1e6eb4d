import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import bcrypt from "bcryptjs";
import pg from "pg";
import type { TRole } from "../../lib/auth/permissions";
import { uniqueEmail } from "./users";

// Each spec seeds its own world straight into the journeys' database (DATABASE_URL of the e2e stage).
let pool: pg.Pool | null = null;

export function db(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  return pool;
}

/**
 * Held by a journey while it counts profiles by status and by one that changes many statuses at once,
 * so neither lands in the middle of the other. A session lock: one pooled connection holds it throughout.
 */
export async function withStatusLock<T>(body: () => Promise<T>): Promise<T> {
  const client = await db().connect();
  try {
    await client.query("SELECT pg_advisory_lock(1515)");
    return await body();
  } finally {
    await client.query("SELECT pg_advisory_unlock(1515)").catch(() => undefined);
    client.release();
  }
}

export type TSeededUser = { id: string; email: string; password: string; role: TRole };

export async function seedUser(role: TRole, options: { label?: string; mustChangePassword?: boolean } = {}): Promise<TSeededUser> {
  const email = uniqueEmail(options.label ?? role.toLowerCase());
  const password = `pw-${randomUUID()}`;
  const { rows } = await db().query<{ id: string }>(
    `INSERT INTO users (id, email, name, role, password_hash, must_change_password, updated_at)
     VALUES ($1, $2, $3, $4::"Role", $5, $6, now()) RETURNING id`,
    [randomUUID(), email, `E2E ${role}`, role, await bcrypt.hash(password, 4), options.mustChangePassword ?? false],
  );
  return { id: rows[0]!.id, email, password, role };
}

/** A fresh API client (its own cookie jar), signed in through next-auth's real credentials endpoint. */
export async function signedInClient(baseURL: string, user: { email: string; password: string }): Promise<APIRequestContext> {
  const client = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await client.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  expect(res.status()).toBe(200);
  const session = await client.get("/api/auth/session");
  expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(user.email);
  return client;
}

/** A new client holding exactly the cookies another one holds now: a copy of a session cookie. */
export async function cloneClient(baseURL: string, source: APIRequestContext): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: await source.storageState() });
}

export async function latestAudit(action: string, actorEmail: string) {
  const { rows } = await db().query<{ ip: string | null; request_id: string | null; user_agent: string | null; details: unknown }>(
    `SELECT ip, request_id, user_agent, details FROM audit_events WHERE action = $1 AND actor_email = $2 ORDER BY id DESC LIMIT 1`,
    [action, actorEmail],
  );
  return rows[0] ?? null;
}
