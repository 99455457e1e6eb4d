import { contentHash } from "@/lib/sync/hash";

// What is left of a record once a person's data is wiped: ids, statuses, decisions and times, never a
// value that came from the person (names, extracted data, images, free text). Pure functions, so the
// local purge and the sync's guard (a later read of a wiped record) produce the very same tombstone.

type TJson = Record<string, unknown>;

const isObject = (value: unknown): value is TJson => typeof value === "object" && value !== null && !Array.isArray(value);
const pick = (source: unknown, keys: readonly string[]): TJson => {
  if (!isObject(source)) return {};
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * A Jumio execution as J8/J9 leave it (contract §2.6), applied to our stored copy `{ record, steps, rules }`:
 * credential parts emptied and client addresses removed, every capability's data emptied, steps and rules
 * trimmed to ids, names and decisions. `userReference` goes too: it is the integrator's free reference.
 */
export function jumioTombstone(raw: unknown, wipedOutAt: Date): TJson {
  const stored = isObject(raw) ? raw : {};
  const record = isObject(stored.record) ? stored.record : {};
  const capabilities = isObject(record.capabilities) ? record.capabilities : {};
  const tomb: TJson = {
    ...pick(record, ["account", "createdAt", "startedAt", "completedAt", "decision", "feedback", "consent", "steps", "rules"]),
    workflow: pick(record.workflow, ["id", "status", "definitionKey", "customerInternalReference"]),
    wipedOutAt: isObject(record) && (typeof record.wipedOutAt === "string" || typeof record.wipedOutAt === "number") ? record.wipedOutAt : wipedOutAt.toISOString(),
    credentials: list(record.credentials).map((c) => ({ ...pick(c, ["id", "category", "consent"]), parts: [] })),
    capabilities: Object.fromEntries(
      Object.entries(capabilities).map(([name, entries]) => [name, list(entries).map((e) => ({ ...pick(e, ["id", "credentials", "decision"]), data: {} }))]),
    ),
  };
  const steps = isObject(stored.steps) ? { steps: list(stored.steps.steps).map((s) => pick(s, ["id", "name", "decision"])) } : null;
  const rules = isObject(stored.rules) ? { executions: list(stored.rules.executions).map((r) => pick(r, ["id", "name", "decision"])) } : null;
  return { record: tomb, steps, rules };
}

/** A TrustX instance without the applicant (names, token parameters) and without its captured user data. */
export function trustxTombstone(raw: unknown): TJson {
  const stored = isObject(raw) ? raw : {};
  const instance = pick(stored.instance, [
    "id", "tenantId", "processDefnId", "processDefnName", "processDefnVersion", "createdAt", "createdDtm", "elapsedMilliseconds", "status", "statusMapped", "processTokenId",
  ]);
  const parameters = isObject(stored.instance) ? stored.instance.processTokenParameters : undefined;
  // referenceID is the Trulioo client id the instance belongs to (contract §4): an id, and the link.
  if (isObject(parameters) && typeof parameters.referenceID === "string") instance.processTokenParameters = { referenceID: parameters.referenceID };
  return { instance, userData: null };
}

export function executionTombstone(provider: "JUMIO" | "TRUSTX", raw: unknown, wipedOutAt: Date): { raw: TJson; contentHash: string } {
  const tomb = provider === "JUMIO" ? jumioTombstone(raw, wipedOutAt) : trustxTombstone(raw);
  return { raw: tomb, contentHash: contentHash(tomb) };
}

// The keys of a webhook or callback body that name things rather than say anything about the person:
// event type and time, ids, the service that ran. Trulioo's serviceData and stepData (form values) go.
const KEPT_PAYLOAD_KEYS = ["id", "type", "event", "flowId", "nodeId", "userId", "serviceType", "test", "retry", "callbackSentAt", "workflowExecution", "account"];

/** SQL for a stored payload cut down to KEPT_PAYLOAD_KEYS and marked as wiped (the inbox and the purge use it). */
export function wipedPayloadSql(column: string): string {
  const keys = KEPT_PAYLOAD_KEYS.map((k) => `'${k}'`).join(", ");
  return `(SELECT coalesce(jsonb_object_agg(k, v), '{}'::jsonb) || '{"piiWiped": true}'::jsonb FROM jsonb_each(CASE WHEN jsonb_typeof(${column}) = 'object' THEN ${column} ELSE '{}'::jsonb END) AS kv(k, v) WHERE k IN (${keys}))`;
}

/** The words that name a person, longest first, for redacting them out of our own notes. */
export function nameTokens(values: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const value of values) {
    const text = value?.trim();
    if (!text) continue;
    tokens.add(text);
    for (const word of text.split(/[\s,]+/)) if (word.length >= 2) tokens.add(word);
  }
  return [...tokens].sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The text with every token replaced by "[wiped]", ignoring case. */
export function redact(text: string, tokens: string[]): string {
  if (tokens.length === 0) return text;
  return text.replace(new RegExp(tokens.map(escape).join("|"), "giu"), "[wiped]");
}
