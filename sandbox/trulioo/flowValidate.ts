// Validation of an F2 submission against the current step, in the order the error codes
// are documented: malformed (4007), unknown element (4014), missing (4006), invalid (4008).
import { isRecord } from "../http/body";
import { truliooError } from "../http/errors";
import type { ElementDef, FormNode } from "../data/workflows";
import type { UploadStore } from "./uploads";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{6,24}$/;

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function asStrings(v: unknown): string[] | undefined {
  if (typeof v === "string") return [v];
  if (typeof v === "number" && Number.isFinite(v)) return [String(v)];
  if (typeof v === "boolean") return [String(v)];
  if (Array.isArray(v) && v.every((x) => typeof x === "string" || (typeof x === "number" && Number.isFinite(x)))) return v.map(String);
  return undefined;
}

function check(el: ElementDef, values: string[], uploads: UploadStore, clientId: string): string | undefined {
  const one = values[0] ?? "";
  const options = new Set((el.options ?? []).map((o) => o.value));
  switch (el.type) {
    case "text":
      return values.length === 1 && one.length <= 500 ? undefined : "must be one text value of at most 500 characters";
    case "email":
      return EMAIL.test(one) ? undefined : "must be an e-mail address";
    case "phone":
      return PHONE.test(one) ? undefined : "must be a phone number";
    case "number":
      return values.length === 1 && one.trim() !== "" && Number.isFinite(Number(one)) ? undefined : "must be a number";
    case "date":
      return validDate(one) ? undefined : "must be a date as YYYY-MM-DD";
    case "select":
    case "radio":
      return values.length === 1 && options.has(one) ? undefined : `must be one of ${[...options].join(", ")}`;
    case "checkbox":
      return one === "true" || one === "false" ? undefined : "must be true or false";
    case "checkbox_group":
      return values.every((v) => options.has(v)) ? undefined : `values must be among ${[...options].join(", ")}`;
    case "country":
      return /^[A-Za-z]{2}$/.test(one) ? undefined : "must be an ISO 3166 alpha-2 country code";
    case "file":
      return values.every((k) => uploads.get(k)?.clientId === clientId) ? undefined : "must be a file key returned by the file endpoint for this session";
    default:
      return undefined;
  }
}

/** The submitted values by element id, normalised to string arrays. Throws the Trulioo error. */
export function validateSubmission(node: FormNode, body: unknown, uploads: UploadStore, clientId: string): Map<string, string[]> {
  if (!isRecord(body)) throw truliooError(400, 4007, "Submitted data is malformed: expected a JSON object of element ids");
  const byId = new Map(node.elements.map((e) => [e.id, e]));
  const out = new Map<string, string[]>();
  for (const [id, value] of Object.entries(body)) {
    const el = byId.get(id);
    if (!el || el.type === "paragraph") throw truliooError(400, 4014, `Invalid submit data: element ${id} is not part of step ${node.id}`);
    const values = asStrings(value);
    if (!values) throw truliooError(400, 4007, `Submitted data is malformed: element ${id} must be a string, number or array of strings`);
    out.set(id, el.type === "country" ? values.map((v) => v.toUpperCase()) : values);
  }
  for (const el of node.elements) {
    const v = out.get(el.id);
    const empty = !v || v.length === 0 || v.every((x) => x.trim() === "");
    if (el.required && empty) throw truliooError(400, 4006, `Missing data for required element "${el.name}" (${el.id})`);
    if (empty) {
      out.delete(el.id);
      continue;
    }
    const problem = check(el, v, uploads, clientId);
    if (problem) throw truliooError(400, 4008, `Failed validation for submitted data: "${el.name}" ${problem}`);
  }
  return out;
}
