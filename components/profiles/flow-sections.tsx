import type { TProfileFlowSection } from "@/lib/profiles/detail";
import { Badge } from "@/components/ui/badge";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { FileCard } from "./file-card";
import { ServiceCard } from "./service-card";

type Props = { profileId: string; sections: TProfileFlowSection[]; canDownload: boolean; wiped: boolean };

/** One section per flow the person went through; tabs when there are several. */
export function FlowSections({ profileId, sections, canDownload, wiped }: Props) {
  if (sections.length === 0) return <p className="text-sm text-muted-foreground">This client has no flow data.</p>;
  if (sections.length === 1) return <FlowSection profileId={profileId} section={sections[0]!} canDownload={canDownload} wiped={wiped} />;
  return (
    <Tabs defaultValue={sections[0]!.flowId}>
      <TabsList className="h-auto max-w-full flex-wrap justify-start" aria-label="Flows">
        {sections.map((s) => (
          <TabsTrigger key={s.flowId} value={s.flowId} className="h-8" data-flow={s.flowId}>
            {s.workflow ?? s.flowId}
          </TabsTrigger>
        ))}
      </TabsList>
      {sections.map((s) => (
        <TabsContent key={s.flowId} value={s.flowId}>
          <FlowSection profileId={profileId} section={s} canDownload={canDownload} wiped={wiped} />
        </TabsContent>
      ))}
    </Tabs>
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
