import { zoneLabel, type TTrustxView } from "@/lib/executions/trustx-detail";
import { humanise } from "@/lib/executions/stored";
import { formatDateTime, formatDuration } from "@/lib/format";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DecisionBadge } from "@/components/badges/status";
import { KeyValues } from "./key-values";

// The TrustX process instance and what its journey captured: status, process definition, applicant,
// the process token's parameters, and the documents with their biographic fields.

const TOKEN_ORDER = ["referenceID", "firstName", "lastName", "email", "phoneNumber", "_redirectUrl"];

function Documents({ userData }: { userData: TTrustxView["userData"] }) {
  if (userData === "none") return <p className="text-sm text-muted-foreground">TrustX holds no captured data for this instance (yet).</p>;
  if (userData === "unreadable") return <p className="text-sm text-muted-foreground">The captured data could not be read (see above).</p>;
  if (!userData.documents.length) return <p className="text-sm text-muted-foreground">No documents captured.</p>;
  return (
    <div className="space-y-4" data-testid="trustx-documents">
      {userData.documents.map((doc) => (
        <div key={doc.key} className="space-y-2">
          <h3 className="text-sm font-medium">
            {doc.documentType ? humanise(doc.documentType) : "Document"}
            {doc.countryCode ? <span className="ml-2 text-muted-foreground">{doc.countryCode}</span> : null}
            <span className="ml-2 font-mono text-xs font-normal break-all text-muted-foreground">{doc.key}</span>
          </h3>
          {doc.fields.length ? (
            <div className="overflow-x-auto rounded-md border border-border">
              <table className="w-full text-sm" data-testid="biographic-fields">
                <thead className="bg-muted/60 text-xs text-muted-foreground">
                  <tr className="border-b border-border">
                    <th scope="col" className="px-3 py-2 text-left font-medium">Field</th>
                    <th scope="col" className="px-3 py-2 text-left font-medium">Value</th>
                    <th scope="col" className="px-3 py-2 text-left font-medium">Other zones</th>
                  </tr>
                </thead>
                <tbody>
                  {doc.fields.map((field, i) => (
                    <tr key={`${field.fieldName}-${i}`} className="border-b border-border last:border-0" data-testid="biographic-field">
                      <th scope="row" className="px-3 py-2 text-left font-medium">{field.fieldName}</th>
                      <td className="px-3 py-2 break-words">{field.value ?? <span className="text-muted-foreground">—</span>}</td>
                      <td className="px-3 py-2 text-xs break-all text-muted-foreground">
                        {field.values.slice(1).map((v) => `${zoneLabel(v.zone)}: ${v.value}`).join(" · ") || "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">No biographic fields read.</p>
          )}
        </div>
      ))}
    </div>
  );
}

export function TrustxSections({ view }: { view: TTrustxView }) {
  const instance = view.instance;
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
      {instance ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Process instance</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="trustx-status">
              <DecisionBadge decision={instance.statusLabel ?? instance.status} />
              <span className="font-mono text-xs break-all text-muted-foreground">{instance.status}</span>
            </div>
            <KeyValues
              data={{
                processDefinition: instance.definition.name,
                version: instance.definition.version,
                definitionId: instance.definition.id,
                created: formatDateTime(instance.createdAt),
                elapsed: instance.elapsedMs != null ? formatDuration(instance.elapsedMs) : null,
                processToken: instance.tokenId,
              }}
              order={["processDefinition", "version", "definitionId", "created", "elapsed", "processToken"]}
            />
            <div className="space-y-1 border-t border-border pt-4">
              <h3 className="text-sm font-medium">Applicant</h3>
              <KeyValues data={{ firstName: instance.applicant.firstName, lastName: instance.applicant.lastName }} order={["firstName", "lastName"]} />
            </div>
          </CardContent>
        </Card>
      ) : null}
      {instance ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Token parameters</CardTitle>
          </CardHeader>
          <CardContent>
            <KeyValues data={instance.tokenParameters} order={TOKEN_ORDER} empty="The process token carried no parameters." />
          </CardContent>
        </Card>
      ) : null}
      <Card className="xl:col-span-2">
        <CardHeader>
          <CardTitle as="h2">Captured user data</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <Documents userData={view.userData} />
          {typeof view.userData === "object" && view.userData.customData ? (
            <div className="space-y-1 border-t border-border pt-4">
              <h3 className="text-sm font-medium">Custom data</h3>
              <KeyValues data={view.userData.customData} />
            </div>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
