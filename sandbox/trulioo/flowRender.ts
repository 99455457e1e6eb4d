// FlowStep bodies (contract §1.3). Element values are pre-filled from earlier submissions
// so a step reached again with "back" shows what the user entered.
import { createHash } from "node:crypto";
import type { FlowRecord } from "../data/truliooTypes";
import type { FlowNode } from "../data/workflows";
import type { Session } from "./flowEngine";

export function renderStep(s: Session, node: FlowNode, flow: FlowRecord | undefined): Record<string, unknown> {
  if (node.kind === "end") return { id: node.id, type: "end", text: node.text, redirectUrl: node.redirectUrl };
  if (node.kind === "service") return { type: "pending" };
  const country = s.values.get("address_country")?.[0] ?? null;
  const step: Record<string, unknown> = {
    id: node.id,
    type: node.kind,
    title: node.title,
    subtitle: node.subtitle,
    canGoBack: s.history.length > 0,
    countryOfResidence: s.wf.corporate ? null : country,
    countryOfIncorporation: s.wf.corporate ? country : null,
    elements: node.elements.map((el) => {
      const prior = flow?.fieldData[el.id]?.value ?? [];
      return {
        id: el.id,
        name: el.name,
        type: el.type,
        ...(el.role ? { role: el.role } : {}),
        normalizedName: el.normalizedName,
        validations: el.required ? [{ type: "required" }] : [],
        placeholder: "",
        value: el.type === "checkbox_group" ? prior : prior[0] ?? "",
        ...(el.options ? { options: el.options } : {}),
      };
    }),
  };
  if (node.kind === "trulioo_doc_v") {
    // The hosted document-capture hand-off code; stable per client and node.
    step.shortCode = createHash("sha256").update(`${s.clientId}:${node.id}`).digest("hex").slice(0, 6).toUpperCase();
  }
  return step;
}
