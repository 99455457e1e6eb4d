import type { TJumioView } from "@/lib/executions/jumio-detail";
import { humanise } from "@/lib/executions/stored";
import { formatDateTime } from "@/lib/format";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DecisionBadge } from "@/components/badges/status";
import { KeyValues } from "./key-values";

// The Jumio transaction record below the review area: capabilities with their decisions and data, the
// workflow's steps and rules, credentials, consent and the capture client.

const EXTRACTION_ORDER = ["type", "subType", "issuingCountry", "firstName", "lastName", "dateOfBirth", "documentNumber", "expiryDate", "nationality", "address"];
const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

function Capabilities({ capabilities, wiped }: { capabilities: NonNullable<TJumioView["record"]>["capabilities"]; wiped: boolean }) {
  if (!capabilities.length) {
    return <p className="text-sm text-muted-foreground">No capabilities: Jumio reports them only for processed executions.</p>;
  }
  return (
    <ul className="divide-y divide-border" data-testid="jumio-capabilities">
      {capabilities.map((capability) =>
        capability.entries.map((entry, i) => (
          <li key={`${capability.name}-${entry.id}-${i}`} className="grid gap-2 py-3 first:pt-0 last:pb-0 md:grid-cols-[14rem_1fr]" data-capability={capability.name}>
            <div className="space-y-1">
              <div className="font-medium">{humanise(capability.name)}</div>
              <div className="flex flex-wrap items-center gap-2">
                <DecisionBadge decision={entry.decision.type} />
                {entry.decision.label && entry.decision.label !== entry.decision.type ? (
                  <span className="text-xs text-muted-foreground">{entry.decision.label}</span>
                ) : null}
              </div>
              {entry.credentials.length ? (
                <div className="text-xs text-muted-foreground">on {entry.credentials.map((c) => c.category ?? shortId(c.id)).join(", ")}</div>
              ) : null}
            </div>
            <KeyValues
              data={entry.data}
              order={EXTRACTION_ORDER}
              empty={wiped ? "Data wiped." : entry.decision.type === "NOT_EXECUTED" ? "Not executed: no data." : "No data."}
            />
          </li>
        )),
      )}
    </ul>
  );
}

function Steps({ steps }: { steps: TJumioView["steps"] }) {
  if (!steps) return <p className="text-sm text-muted-foreground">No steps stored for this execution.</p>;
  if (!steps.length) return <p className="text-sm text-muted-foreground">Jumio lists no steps.</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid="jumio-steps">
      {steps.map((step) => (
        <li key={step.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          <span>
            <span className="font-medium">{step.name}</span>
            {step.capabilities.length ? <span className="ml-2 text-xs text-muted-foreground">{step.capabilities.map(humanise).join(", ")}</span> : null}
          </span>
          {step.decision ? <DecisionBadge decision={step.decision.type} /> : <span className="text-muted-foreground">—</span>}
        </li>
      ))}
    </ol>
  );
}

function Rules({ rules }: { rules: TJumioView["rules"] }) {
  if (!rules) return <p className="text-sm text-muted-foreground">No rules stored for this execution.</p>;
  if (!rules.length) return <p className="text-sm text-muted-foreground">Jumio lists no rules.</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="jumio-rules">
      {rules.map((rule) => (
        <li key={rule.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          <span>
            <span className="font-medium">{rule.name}</span>
            <span className="ml-2 text-xs text-muted-foreground">
              {[rule.result ? humanise(rule.result) : null, rule.score != null ? `score ${rule.score}` : null].filter(Boolean).join(" · ")}
            </span>
          </span>
          {rule.decision ? <DecisionBadge decision={rule.decision.type} /> : null}
        </li>
      ))}
    </ul>
  );
}

function Credentials({ credentials }: { credentials: NonNullable<TJumioView["record"]>["credentials"] }) {
  if (!credentials.length) return <p className="text-sm text-muted-foreground">No credentials captured.</p>;
  return (
    <ul className="space-y-3 text-sm" data-testid="jumio-credentials">
      {credentials.map((c) => (
        <li key={c.id} className="space-y-1">
          <div className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium">{humanise(c.category)}</span>
            <span className="font-mono text-xs break-all text-muted-foreground">{c.id}</span>
          </div>
          <div className="text-xs text-muted-foreground">
            {c.parts.length
              ? c.parts
                  .map((p) => `${p.classifier}${p.captureType ? ` (${p.captureType})` : ""}${p.image ? "" : p.classifier === "FACEMAP" ? ": biometric template, not an image" : ": not retrievable"}`)
                  .join(" · ")
              : "no parts (wiped, or nothing captured)"}
            {c.clientIp ? ` · from ${c.clientIp}` : ""}
          </div>
          {c.consent ? <KeyValues data={c.consent} className="text-xs" /> : null}
        </li>
      ))}
    </ul>
  );
}

export function JumioSections({ view, wiped }: { view: TJumioView; wiped: boolean }) {
  const record = view.record;
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
      {record ? (
        <Card className="xl:col-span-2">
          <CardHeader>
            <CardTitle as="h2">Capabilities</CardTitle>
          </CardHeader>
          <CardContent>
            <Capabilities capabilities={record.capabilities} wiped={wiped} />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle as="h2">Steps and rules</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <Steps steps={view.steps} />
          <div className="border-t border-border pt-4">
            <Rules rules={view.rules} />
          </div>
        </CardContent>
      </Card>
      {record ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Workflow and capture</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <KeyValues
              data={{
                status: record.workflow.status,
                definitionKey: record.workflow.definitionKey,
                userReference: record.workflow.userReference,
                customerInternalReference: record.workflow.customerInternalReference,
                started: record.startedAt ? formatDateTime(record.startedAt) : null,
                fraudFeedback: record.feedback ? [record.feedback.status, record.feedback.reason].filter(Boolean).join(" · ") : "none given",
              }}
              order={["status", "definitionKey", "userReference", "customerInternalReference", "started", "fraudFeedback"]}
            />
            <div className="space-y-1 border-t border-border pt-4">
              <h3 className="text-sm font-medium">Consent</h3>
              <KeyValues data={record.consent} empty="No consent recorded (Jumio records it only where it is enabled)." />
            </div>
            <div className="space-y-1 border-t border-border pt-4">
              <h3 className="text-sm font-medium">Capture client</h3>
              <KeyValues data={record.captureClient} empty="No capture client recorded." />
            </div>
          </CardContent>
        </Card>
      ) : null}
      {record ? (
        <Card className="xl:col-span-2">
          <CardHeader>
            <CardTitle as="h2">Credentials</CardTitle>
          </CardHeader>
          <CardContent>
            <Credentials credentials={record.credentials} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
