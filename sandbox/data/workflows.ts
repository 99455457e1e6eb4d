// The workflows the sandbox publishes. The same definitions drive the live flow engine
// (F1-F4) and the generated profiles, so generated fieldData uses the element ids a
// real run of that flow would produce.
import { hex24 } from "./ids";
import { D } from "./prng";

export type ElementType =
  | "text" | "email" | "phone" | "number" | "date" | "select" | "radio"
  | "checkbox" | "checkbox_group" | "country" | "file" | "paragraph";

export interface Option {
  label: string;
  value: string;
}

export interface ElementDef {
  id: string;
  name: string;
  type: ElementType;
  role?: string;
  normalizedName: string;
  required: boolean;
  options?: Option[];
  /** For file elements: what the generated data stores there. */
  fileKind?: "id_front" | "id_back" | "utility_bill" | "certificate";
}

export type Condition = { role: string; in: string[] } | { role: string; includes: string };

export interface NextRule {
  when?: Condition;
  to: string;
}

export interface ServiceDef {
  nodeType: string;
  serviceType: string;
  title: string;
  /** async services leave the flow pending until they finish. */
  mode: "instant" | "async";
}

interface NodeBase {
  key: string;
  id: string;
}
export interface FormNode extends NodeBase {
  kind: "form" | "trulioo_doc_v";
  title: string;
  subtitle: string;
  elements: ElementDef[];
  next: NextRule[];
  /** Set on trulioo_doc_v nodes: the check that runs once the step is submitted. */
  service?: ServiceDef;
}
export interface ServiceNode extends NodeBase {
  kind: "service";
  service: ServiceDef;
  next: NextRule[];
}
export interface EndNode extends NodeBase {
  kind: "end";
  text: string;
  redirectUrl: string;
}
export type FlowNode = FormNode | ServiceNode | EndNode;

export interface WorkflowDef {
  index: number;
  id: string;
  name: string;
  corporate: boolean;
  published: boolean;
  authenticated: boolean;
  created: number;
  root: string;
  nodes: Record<string, FlowNode>;
}

type ElementSpec = Omit<ElementDef, "id" | "required"> & { required?: boolean };
type NodeSpec =
  | { kind: "form" | "trulioo_doc_v"; key: string; title: string; subtitle?: string; elements: ElementSpec[]; next: NextRule[]; service?: ServiceDef }
  | { kind: "service"; key: string; service: ServiceDef; next: NextRule[] }
  | { kind: "end"; key: string; text: string };

const PERSON_MATCH: ServiceDef = { nodeType: "trulioo_person_match", serviceType: "TRULIOO_EIDV", title: "Identity verification", mode: "instant" };
const DOC_V: ServiceDef = { nodeType: "trulioo_doc_v", serviceType: "TRULIOO_DOCV", title: "Document check", mode: "async" };
const WATCHLIST: ServiceDef = { nodeType: "trulioo_watchlist", serviceType: "TRULIOO_WATCHLIST", title: "Watchlist screening", mode: "instant" };
const KYB: ServiceDef = { nodeType: "trulioo_kyb_search", serviceType: "TRULIOO_KYB", title: "Business search", mode: "instant" };

const DOC_TYPES: Option[] = [
  { label: "Passport", value: "PASSPORT" },
  { label: "National ID card", value: "ID_CARD" },
  { label: "Driver's licence", value: "DRIVERS_LICENSE" },
];

const el = {
  first: { name: "First Name", type: "text", role: "first_name", normalizedName: "FirstName" },
  last: { name: "Last Name", type: "text", role: "last_name", normalizedName: "LastName" },
  email: { name: "Email", type: "email", role: "email", normalizedName: "Email" },
  phone: { name: "Phone", type: "phone", role: "phone", normalizedName: "Phone", required: false },
  dob: { name: "Date of birth", type: "date", role: "dob", normalizedName: "DateOfBirth" },
  country: { name: "Country of residence", type: "country", role: "address_country", normalizedName: "Country" },
  line1: { name: "Address", type: "text", role: "address_1", normalizedName: "AddressLine1" },
  city: { name: "City", type: "text", role: "address_city", normalizedName: "City" },
  state: { name: "State / province", type: "text", role: "address_state", normalizedName: "State" },
  zip: { name: "Postal code", type: "text", role: "address_zip", normalizedName: "PostalCode" },
  nationalId: { name: "National ID number", type: "text", role: "national_id", normalizedName: "NationalId", required: false },
  docType: { name: "Document type", type: "select", normalizedName: "DocumentType", options: DOC_TYPES },
  front: { name: "Document front", type: "file", normalizedName: "DocumentFront", fileKind: "id_front" },
  back: { name: "Document back", type: "file", normalizedName: "DocumentBack", fileKind: "id_back", required: false },
  // After the files, so adding them moved no element id, file slot or generated value.
  docNumber: { name: "Document number", type: "text", role: "document_number", normalizedName: "DocumentNumber", required: false },
  nationality: { name: "Nationality", type: "country", role: "nationality", normalizedName: "Nationality", required: false },
} satisfies Record<string, ElementSpec>;

function specs(): Array<{ name: string; corporate: boolean; published: boolean; authenticated: boolean; nodes: NodeSpec[] }> {
  return [
    {
      name: "Individual Onboarding", corporate: false, published: true, authenticated: false,
      nodes: [
        { kind: "form", key: "details", title: "Your details", elements: [
          el.first, el.last, el.email, el.phone, el.dob, el.country,
          { name: "I agree to the privacy notice", type: "checkbox", normalizedName: "Consent" },
        ], next: [{ when: { role: "address_country", in: ["US", "CA"] }, to: "addressNA" }, { to: "addressIntl" }] },
        { kind: "form", key: "addressNA", title: "Home address", elements: [el.line1, el.city, el.state, el.zip], next: [{ to: "personMatch" }] },
        { kind: "form", key: "addressIntl", title: "Home address", elements: [el.line1, el.city, { ...el.zip, required: false }, el.nationalId], next: [{ to: "personMatch" }] },
        { kind: "service", key: "personMatch", service: PERSON_MATCH, next: [{ to: "document" }] },
        { kind: "trulioo_doc_v", key: "document", title: "Identity document", subtitle: "Upload a photo of your document",
          elements: [el.docType, el.front, el.back, el.docNumber, el.nationality], service: DOC_V, next: [{ to: "watchlist" }] },
        { kind: "service", key: "watchlist", service: WATCHLIST, next: [{ to: "end" }] },
        { kind: "end", key: "end", text: "Thank you, your verification is complete." },
      ],
    },
    {
      name: "Business Onboarding (KYB)", corporate: true, published: true, authenticated: true,
      nodes: [
        { kind: "form", key: "company", title: "Your company", elements: [
          { name: "Company name", type: "text", role: "company_name", normalizedName: "CompanyName" },
          { name: "Registration number", type: "text", role: "company_registration_number", normalizedName: "RegistrationNumber" },
          { ...el.country, name: "Country of incorporation" },
          { name: "Business activities", type: "checkbox_group", normalizedName: "Activities", options: [
            { label: "Retail", value: "retail" }, { label: "Wholesale", value: "wholesale" },
            { label: "Software", value: "software" }, { label: "Shipping", value: "shipping" },
            { label: "Crypto assets", value: "crypto" },
          ] },
        ], next: [{ to: "kyb" }] },
        { kind: "service", key: "kyb", service: KYB, next: [{ when: { role: "Activities", includes: "crypto" }, to: "edd" }, { to: "director" }] },
        { kind: "form", key: "edd", title: "Enhanced due diligence", elements: [
          { name: "Source of funds", type: "radio", normalizedName: "SourceOfFunds", options: [
            { label: "Revenue", value: "revenue" }, { label: "Investors", value: "investors" }, { label: "Loans", value: "loans" },
          ] },
          { name: "Annual turnover (EUR)", type: "number", normalizedName: "AnnualTurnover" },
        ], next: [{ to: "director" }] },
        { kind: "form", key: "director", title: "Director", elements: [el.first, el.last, el.dob, el.email,
          { name: "Customer reference", type: "text", role: "external_customer_id", normalizedName: "ExternalCustomerId", required: false }],
          next: [{ to: "personMatch" }] },
        { kind: "service", key: "personMatch", service: PERSON_MATCH, next: [{ to: "end" }] },
        { kind: "end", key: "end", text: "Thank you, we will review your company." },
      ],
    },
    {
      name: "Document Re-verification", corporate: false, published: true, authenticated: false,
      nodes: [
        { kind: "trulioo_doc_v", key: "document", title: "Identity document", subtitle: "Upload your new document",
          elements: [el.docType, el.front, el.back, el.docNumber, el.nationality], service: DOC_V, next: [{ to: "end" }] },
        { kind: "end", key: "end", text: "Thank you, your document was received." },
      ],
    },
    {
      name: "Proof of Address", corporate: false, published: true, authenticated: false,
      nodes: [
        { kind: "form", key: "address", title: "Proof of address", subtitle: "A utility bill or bank statement under 3 months old",
          elements: [el.line1, el.city, el.zip, el.country,
            { name: "Utility bill", type: "file", normalizedName: "ProofOfAddress", fileKind: "utility_bill" }],
          next: [{ to: "end" }] },
        { kind: "end", key: "end", text: "Thank you, your address document was received." },
      ],
    },
    {
      name: "Enhanced Due Diligence (legacy)", corporate: false, published: false, authenticated: false,
      nodes: [
        { kind: "form", key: "edd", title: "Enhanced due diligence", elements: [
          { name: "Please answer a few questions", type: "paragraph", normalizedName: "Intro", required: false },
          { name: "Occupation", type: "select", normalizedName: "Occupation", options: [
            { label: "Employed", value: "employed" }, { label: "Self-employed", value: "self_employed" }, { label: "Retired", value: "retired" },
          ] },
          { name: "Expected monthly volume (EUR)", type: "number", normalizedName: "MonthlyVolume" },
          { name: "Customer reference", type: "text", role: "external_customer_id", normalizedName: "ExternalCustomerId", required: false },
        ], next: [{ to: "end" }] },
        { kind: "end", key: "end", text: "Thank you." },
      ],
    },
  ];
}

export const WF = { individual: 0, business: 1, document: 2, address: 3, edd: 4 } as const;

const cache = new Map<string, WorkflowDef[]>();

/** The workflow list for a seed; `createdBase` is the start of the data window (ms). */
export function workflows(seed: number, createdBase: number): WorkflowDef[] {
  const cacheKey = `${seed}:${createdBase}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const list = specs().map((spec, w): WorkflowDef => {
    const nodes: Record<string, FlowNode> = {};
    spec.nodes.forEach((n, ni) => {
      const id = hex24(seed, D.node, w * 100 + ni);
      if (n.kind === "end") {
        nodes[n.key] = { kind: "end", key: n.key, id, text: n.text, redirectUrl: "https://example.com/onboarding/done" };
      } else if (n.kind === "service") {
        nodes[n.key] = { kind: "service", key: n.key, id, service: n.service, next: n.next };
      } else {
        const elements = n.elements.map((e, ei): ElementDef => ({
          ...e,
          id: hex24(seed, D.element, w * 10_000 + ni * 100 + ei),
          required: e.required ?? e.type !== "paragraph",
        }));
        nodes[n.key] = { kind: n.kind, key: n.key, id, title: n.title, subtitle: n.subtitle ?? "", elements, next: n.next, service: n.service };
      }
    });
    return {
      index: w,
      id: hex24(seed, D.workflow, w),
      name: spec.name,
      corporate: spec.corporate,
      published: spec.published,
      authenticated: spec.authenticated,
      created: createdBase - (30 - w * 5) * 86_400_000,
      root: spec.nodes[0]?.key ?? "end",
      nodes,
    };
  });
  cache.set(cacheKey, list);
  return list;
}

export function nodeByKey(wf: WorkflowDef, key: string): FlowNode {
  const node = wf.nodes[key];
  if (!node) throw new Error(`workflow ${wf.name} has no node ${key}`);
  return node;
}

/** Follows the first matching rule; `values` maps role or normalizedName to submitted values. */
export function nextNodeKey(rules: NextRule[], values: Map<string, string[]>): string {
  for (const rule of rules) {
    if (!rule.when) return rule.to;
    const v = values.get(rule.when.role) ?? [];
    if ("in" in rule.when && v.some((x) => (rule.when as { in: string[] }).in.includes(x))) return rule.to;
    if ("includes" in rule.when && v.includes(rule.when.includes)) return rule.to;
  }
  return "end";
}
