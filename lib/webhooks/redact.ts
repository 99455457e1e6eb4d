// A webhook's secrets are checked on receipt and have no use afterwards: the inbox must not keep
// them (Trulioo repeats its verification token in every event body).
const SECRET_KEY = /token|secret|signature|password/i;

/** The payload as JSON text, every key that names a secret dropped at any depth. */
export function stringifyWithoutSecrets(payload: unknown): string {
  return JSON.stringify(payload, (key, value: unknown) => (key !== "" && SECRET_KEY.test(key) ? undefined : value)) ?? "null";
}
