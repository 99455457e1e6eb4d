import Link from "next/link";
import type { TProfileFlow, TProfileFlowSection } from "@/lib/profiles/detail";
import { cn } from "@/lib/utils";
import { Badge } from "@/components/ui/badge";
import { FileCard } from "./file-card";
import { ServiceCard } from "./service-card";

type Props = { profileId: string; flows: TProfileFlow[]; section: TProfileFlowSection | null; canDownload: boolean; wiped: boolean };

/**
 * The flows the person went through, one shown at a time. With several, each has a tab that is a link
 * (?flow=): it works before the page's scripts load, can be shared, and only the shown flow is rendered.
 */
export function FlowSections({ profileId, flows, section, canDownload, wiped }: Props) {
  if (!section) return <p className="text-sm text-muted-foreground">This client has no flow data.</p>;
  return (
    <div className="space-y-4">
      {flows.length > 1 ? (
        <nav aria-label="Flows" className="flex flex-wrap gap-1 rounded-lg bg-muted p-1" data-testid="flow-tabs">
          {flows.map((f) => {
            const current = f.flowId === section.flowId;
            return (
              <Link
                key={f.flowId}
                href={`/profiles/${profileId}?flow=${encodeURIComponent(f.flowId)}`}
                scroll={false}
                aria-current={current ? "page" : undefined}
                data-flow={f.flowId}
                className={cn(
                  "inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground",
                  current && "bg-background text-foreground shadow-xs",
                )}
              >
                {f.workflow ?? f.flowId}
                <span className="text-xs font-normal tabular-nums text-muted-foreground">{f.serviceCount}</span>
                {f.noMatchCount > 0 ? <span className="size-1.5 rounded-full bg-destructive" aria-label={`${f.noMatchCount} without a match`} /> : null}
              </Link>
            );
          })}
        </nav>
      ) : null}
      <FlowSection profileId={profileId} section={section} canDownload={canDownload} wiped={wiped} />
    </div>
  );
}

function FlowSection({ profileId, section, canDownload, wiped }: { profileId: string; section: TProfileFlowSection; canDownload: boolean; wiped: boolean }) {
  return (
    <div className="space-y-5" data-testid="flow-section" data-flow={section.flowId}>
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 className="font-semibold">{section.workflow ?? "Unknown workflow"}</h3>
        <span className="font-mono text-xs text-muted-foreground">{section.flowId}</span>
        <Badge variant={section.completed ? "success" : "secondary"}>{section.completed ? "completed" : "not completed"}</Badge>
      </div>
      <FieldTable fields={section.fields} />
      {section.files.length ? (
        <div className="space-y-2">
          <h4 className="text-sm font-medium">Files</h4>
          <ul className="grid items-start gap-3 sm:grid-cols-2" data-testid="profile-files">
            {section.files.map((f) => (
              <FileCard key={f.href} file={f} />
            ))}
          </ul>
        </div>
      ) : wiped ? (
        <p className="text-sm text-muted-foreground">Files were wiped with this person&apos;s data.</p>
      ) : !canDownload ? (
        <p className="text-sm text-muted-foreground">Files are not shown to your role.</p>
      ) : null}
      {section.services.length ? (
        <div className="space-y-2">
          <h4 className="text-sm font-medium">Service results</h4>
          <ul className="space-y-2">
            {section.services.map((s) => (
              <ServiceCard key={s.position} profileId={profileId} flowId={section.flowId} service={s} />
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function FieldTable({ fields }: { fields: TProfileFlowSection["fields"] }) {
  if (fields.length === 0) return <p className="text-sm text-muted-foreground">No form fields.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm" data-testid="field-table">
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Field</th>
            <th scope="col" className="px-3 py-2 font-medium">Value</th>
            <th scope="col" className="px-3 py-2 font-medium">Role</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {fields.map((f) => (
            <tr key={f.elementId} data-testid="field-row" data-role={f.role ?? undefined}>
              <th scope="row" className="px-3 py-1.5 text-left align-top font-normal text-muted-foreground">{f.name}</th>
              <td className="px-3 py-1.5 align-top break-words" data-testid="field-value">
                {f.isFile ? (
                  <span className="text-muted-foreground">a file (see Files)</span>
                ) : f.values.length === 0 ? (
                  <span className="text-muted-foreground">—</span>
                ) : f.values.length === 1 ? (
                  f.values[0]
                ) : (
                  <ul className="list-inside list-disc">
                    {f.values.map((v, i) => (
                      <li key={i}>{v}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-3 py-1.5 align-top font-mono text-xs text-muted-foreground">{f.role ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
