import { z } from "zod";
import { ZDecisionSchema, ZRulesSchema, ZStepsSchema, ZTransactionRecordSchema } from "@/lib/providers/jumio/schemas";
import type { TDocumentFacts } from "./compare";
import { problemOf, setAsideProblems, ZLooseTextSchema, type TReadProblem } from "./stored";

// What the page shows of a Jumio execution, read from `executions.raw` = { record, steps, rules } as the
// sync stored them (lib/sync/sync-jumio.ts). Each of the three is parsed on its own, so a record whose
// rules changed shape still shows its capabilities, and nothing here throws on stored data.

type TDecision = { type: string; label: string | null; riskScore: number | null };

export type TJumioImage = { credentialId: string; category: string; classifier: string; href: string; downloadHref: string };

export type TJumioCapability = {
  name: string;
  entries: { id: string; decision: TDecision; credentials: { id: string; category: string | null }[]; data: Record<string, unknown> }[];
};

export type TJumioCredential = {
  id: string;
  category: string;
  clientIp: string | null;
  consent: Record<string, unknown> | null;
  parts: { classifier: string; captureType: string | null; image: TJumioImage | null }[];
};

export type TJumioStep = { id: string; name: string; decision: TDecision | null; capabilities: string[]; startedAt: Date | null; completedAt: Date | null };
export type TJumioRule = { id: string; name: string; result: string | null; score: number | null; decision: TDecision | null };

export type TJumioView = {
  record: {
    workflow: { status: string; definitionKey: string | null; userReference: string | null; customerInternalReference: string | null };
    startedAt: Date | null;
    decision: TDecision | null;
    capabilities: TJumioCapability[];
    credentials: TJumioCredential[];
    consent: Record<string, unknown> | null;
    captureClient: Record<string, unknown> | null;
    feedback: { status: string; reason: string | null } | null;
  } | null;
  /** null: none stored (Jumio had none, or answered 404) or unreadable (then a problem says so). */
  steps: TJumioStep[] | null;
  rules: TJumioRule[] | null;
  images: TJumioImage[];
  /** What extraction read off the document, for the comparison with Trulioo. */
  document: TDocumentFacts;
  problems: TReadProblem[];
};

const ZStoredJumioSchema = z.object({ record: z.unknown(), steps: z.unknown().optional(), rules: z.unknown().optional() });

// The contract's dependency order (§2.4), which is how a reviewer reads them; Postgres' jsonb keeps no order.
const CAPABILITY_ORDER = [
  "usability", "imageChecks", "extraction", "dataChecks", "liveness", "similarity", "authentication",
  "watchlistScreening", "addressValidation", "proofOfResidency", "drivingLicenseVerification",
];

const ZExtractedSchema = z.object({
  firstName: ZLooseTextSchema,
  lastName: ZLooseTextSchema,
  dateOfBirth: ZLooseTextSchema,
  documentNumber: ZLooseTextSchema,
  nationality: ZLooseTextSchema,
});

// A FACEMAP is a biometric template, not a picture, and parts without an href cannot be retrieved (§2.3).
const isImage = (part: { classifier: string; href?: string | null }) => part.classifier !== "FACEMAP" && !!part.href;

function decisionOf(d: z.output<typeof ZDecisionSchema> | null | undefined): TDecision | null {
  return d ? { type: d.type, label: d.details?.label ?? null, riskScore: d.risk?.score ?? null } : null;
}

function imageOf(executionId: string, credentialId: string, category: string, classifier: string): TJumioImage {
  const path = `/api/files/jumio/${encodeURIComponent(executionId)}/${encodeURIComponent(credentialId)}/${encodeURIComponent(classifier)}`;
  return { credentialId, category, classifier, href: `${path}?inline=1`, downloadHref: path };
}

export function readJumio(raw: unknown, executionId: string): TJumioView {
  const view: TJumioView = { record: null, steps: null, rules: null, images: [], document: {}, problems: [] };
  const stored = ZStoredJumioSchema.safeParse(raw);
  if (!stored.success) {
    view.problems.push(problemOf("the stored Jumio record", stored.error));
    return view;
  }
  const record = ZTransactionRecordSchema.safeParse(stored.data.record);
  if (record.success) {
    const r = record.data;
    view.problems.push(...setAsideProblems(r.setAside));
    const credentials = r.credentials.map((c): TJumioCredential => ({
      id: c.id,
      category: c.category,
      clientIp: c.clientIp ?? null,
      consent: c.consent ?? null,
      parts: c.parts.map((p) => ({
        classifier: p.classifier,
        captureType: p.captureType ?? null,
        image: isImage(p) ? imageOf(executionId, c.id, c.category, p.classifier) : null,
      })),
    }));
    const rank = (name: string) => (CAPABILITY_ORDER.includes(name) ? CAPABILITY_ORDER.indexOf(name) : CAPABILITY_ORDER.length);
    const capabilities = Object.entries(r.capabilities)
      .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
      .map(([name, entries]): TJumioCapability => ({
        name,
        entries: entries.map((e) => ({
          id: e.id,
          decision: decisionOf(e.decision)!,
          credentials: e.credentials.map((c) => ({ id: c.id, category: c.category ?? null })),
          data: e.data,
        })),
      }));
    view.record = {
      workflow: {
        status: r.workflow.status,
        definitionKey: r.workflow.definitionKey ?? null,
        userReference: r.workflow.userReference ?? null,
        customerInternalReference: r.workflow.customerInternalReference ?? null,
      },
      startedAt: r.startedAt ?? null,
      decision: decisionOf(r.decision),
      capabilities,
      credentials,
      consent: r.consent ?? null,
      captureClient: r.captureClient ?? null,
      feedback: r.feedback ? { status: r.feedback.status, reason: r.feedback.reason ?? null } : null,
    };
    view.images = credentials.flatMap((c) => c.parts.flatMap((p) => (p.image ? [p.image] : [])));
    const extracted = r.capabilities.extraction?.find((e) => Object.keys(e.data).length > 0)?.data;
    const facts = ZExtractedSchema.safeParse(extracted ?? {});
    if (facts.success) view.document = facts.data;
  } else {
    view.problems.push(problemOf("the transaction record (decision, capabilities, credentials)", record.error));
  }
  if (stored.data.steps != null) {
    const steps = ZStepsSchema.safeParse(stored.data.steps);
    if (steps.success) {
      view.steps = steps.data.steps.map((s) => ({
        id: s.id, name: s.name ?? s.id, decision: decisionOf(s.decision), capabilities: s.capabilities,
        startedAt: s.startedAt ?? null, completedAt: s.completedAt ?? null,
      }));
      view.problems.push(...setAsideProblems(steps.data.setAside));
    } else view.problems.push(problemOf("the workflow steps", steps.error));
  }
  if (stored.data.rules != null) {
    const rules = ZRulesSchema.safeParse(stored.data.rules);
    if (rules.success) {
      view.rules = rules.data.executions.map((x) => ({ id: x.id, name: x.name ?? x.id, result: x.result ?? null, score: x.score ?? null, decision: decisionOf(x.decision) }));
      view.problems.push(...setAsideProblems(rules.data.setAside));
    } else view.problems.push(problemOf("the rules", rules.error));
  }
  return view;
}
