// A webhook's secrets are checked on receipt and have no use afterwards: the inbox must not keep
// them (Trulioo repeats its verification token in every event body).
const SECRET_KEY = /token|secret|signature|password/i;

// jsonb refuses the \u0000 escape (the whole event was refused with a 500); it carries nothing a reader
// needs. Only a real escape goes: one after an even run of backslashes, not the text "\\u0000".
const JSON_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

/** The payload as JSON text, every key that names a secret dropped at any depth, and NUL characters dropped. */
export function stringifyWithoutSecrets(payload: unknown): string {
  const json = JSON.stringify(payload, (key, value: unknown) => (key !== "" && SECRET_KEY.test(key) ? undefined : value)) ?? "null";
  return json.includes("\\u0000") ? json.replace(JSON_NUL, "$1") : json;
}
