import type { TClientDetails } from "@/lib/providers/trulioo/schemas";
import { createHash } from "node:crypto";

export type TProfileRows = ReturnType<typeof mapProfile>;

const first = (values: (string | undefined | null)[]) => values.find((v) => v !== undefined && v !== null && v.trim() !== "")?.trim() ?? null;

/**
 * Turns one Trulioo client record into the normalised rows the UI filters on. Search fields come from
 * field roles (contract §1.3: element ids differ per flow, roles do not), the first flow that has them.
 */
export function mapProfile(client: TClientDetails, raw: unknown, rawBytes?: Buffer) {
  const rawJson = rawBytes ?? Buffer.from(JSON.stringify(raw));
  const flows = Object.entries(client.flowData);
  const fields = flows.flatMap(([flowId, flow]) =>
    Object.entries(flow.fieldData).map(([elementId, field]) => ({
      flowId,
      elementId,
      name: field.name,
      role: field.role ?? null,
      normalizedName: field.normalizedName ?? null,
      values: field.value,
    })),
  );
  const byRole = (role: string) => first(fields.filter((f) => f.role === role).map((f) => f.values[0]));
  const person = [byRole("first_name"), byRole("last_name")].filter(Boolean).join(" ");
  const company = byRole("company_name");
  const fullName = client.profileType === "BUSINESS" ? first([company, person]) : first([person, company]);

  const files = flows.flatMap(([flowId, flow]) => [
    ...Object.entries(flow.fileData).map(([elementId, key]) => ({ flowId, elementId, fileKey: key, position: 0, enhanced: false })),
    ...Object.entries(flow.enhancedFileData).flatMap(([elementId, keys]) =>
      keys.map((key, position) => ({ flowId, elementId, fileKey: key, position, enhanced: true })),
    ),
  ]);

  const services = flows.flatMap(([flowId, flow]) =>
    flow.serviceData.map((s, position) => ({
      flowId,
      position,
      nodeId: s.nodeId,
      nodeTitle: s.nodeTitle ?? null,
      nodeType: s.nodeType ?? null,
      serviceStatus: s.serviceStatus,
      match: s.match ?? null,
      secondaryMatch: s.secondaryMatch ?? null,
      timestamp: s.timestamp ?? null,
      transactionRecordId: s.transactionInfo?.transactionRecordId ?? null,
      transactionInfo: s.transactionInfo ?? null,
    })),
  );

  const country = first([
    byRole("address_country"),
    ...services.map((s) => s.transactionInfo?.countryCode ?? null),
  ]);

  return {
    profile: {
      id: client.id,
      status: client.status,
      profileType: client.profileType,
      statusManuallyChanged: client.statusManuallyChanged,
      ownerIds: client.ownerIds,
      upstreamUser: client.user ?? null,
      createdAt: client.created,
      lastModified: client.lastModified,
      fullName,
      email: byRole("email")?.toLowerCase() ?? null,
      country: country?.toUpperCase() ?? null,
      dateOfBirth: byRole("dob"),
      raw,
      rawJson,
      // Over the record as received (key order included): an equal record re-sent is "unchanged".
      contentHash: createHash("sha256").update(rawJson).digest("hex"),
    },
    flows: flows.map(([flowId, flow]) => ({ flowId, completed: flow.completed })),
    fields,
    files,
    services,
    notes: client.notes.map((n) => ({ id: n.id, text: n.text, createdBy: n.createdBy ?? null, createdAt: n.created })),
    tasks: client.tasks.map((t) => ({
      id: t.id,
      text: t.text,
      resolved: t.resolved,
      createdBy: t.createdBy ?? null,
      updatedBy: t.updatedBy ?? null,
      createdAt: t.created,
      updatedAt: t.updated,
    })),
    links: client.links.map((l) => ({ fromId: l.from, toId: l.to, type: l.type })),
  };
}
