// Export API shapes (ClientSummary, ClientDetails) and the bytes behind generated file keys.
import { idCardPng, jpegWithComment, pdfDocument } from "../data/files";
import { streamSeed } from "../data/prng";
import type { FileMeta, ProfileRecord } from "../data/truliooTypes";

export function summary(rec: ProfileRecord, malformed: boolean): Record<string, unknown> {
  return {
    id: rec.id,
    ownerIds: rec.ownerIds,
    // The malformed-record fault: a wrong type in a required field.
    created: malformed ? "not-a-timestamp" : rec.created,
    lastModified: rec.lastModified,
    profileType: rec.profileType,
    status: rec.status,
    statusManuallyChanged: rec.statusManuallyChanged,
    user: rec.user,
  };
}

export function details(rec: ProfileRecord, includeFull: boolean, malformed: boolean): Record<string, unknown> {
  const flowData: Record<string, unknown> = {};
  for (const [flowId, flow] of Object.entries(rec.flowData)) {
    flowData[flowId] = {
      ...flow,
      serviceData: flow.serviceData.map((s) => ({ ...s, fullServiceDetails: includeFull ? s.fullServiceDetails : {} })),
    };
  }
  return { ...summary(rec, malformed), flowData, notes: rec.notes, tasks: rec.tasks, links: rec.links };
}

function roleValue(rec: ProfileRecord, role: string): string {
  for (const flow of Object.values(rec.flowData)) {
    for (const f of Object.values(flow.fieldData)) if (f.role === role && f.value[0]) return f.value[0];
  }
  return "";
}

export function generatedFileBytes(rec: ProfileRecord, key: string, meta: FileMeta): Buffer {
  const seed = streamSeed(key.length, 77, [...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
  if (meta.kind === "id_back") return idCardPng(seed, "back");
  if (meta.kind === "id_front") return jpegWithComment(`Document front - ${rec.displayName} - ${rec.id}`);
  const address = [roleValue(rec, "address_1"), roleValue(rec, "address_zip"), roleValue(rec, "address_city"), roleValue(rec, "address_country")].filter(Boolean).join(", ");
  return pdfDocument(`Utility bill - ${rec.displayName}`, [
    `Account holder: ${rec.displayName}`,
    `Service address: ${address}`,
    `Statement date: ${new Date(rec.created).toISOString().slice(0, 10)}`,
    `Client reference: ${rec.id}`,
    "Electricity and gas, 1 month: 84.20 EUR",
  ], rec.created);
}

export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
