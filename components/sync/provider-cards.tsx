import type { getSyncOverview } from "@/lib/sync/queries";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatAge, formatDateTime } from "@/lib/format";

type TOverview = Awaited<ReturnType<typeof getSyncOverview>>;

const PROVIDERS = [
  { key: "trulioo", name: "Trulioo Workflow Studio", what: "profiles", cursor: "trulioo.clients" },
  { key: "jumio", name: "Jumio Retrieval", what: "executions", cursor: "jumio.executions" },
  { key: "trustx", name: "Daon TrustX", what: "process instances", cursor: "trustx.instances" },
] as const;

export function ProviderCards({ overview }: { overview: TOverview }) {
  const counts = { trulioo: overview.counts.profiles, jumio: overview.counts.jumio, trustx: overview.counts.trustx };
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {PROVIDERS.map((p) => {
        const on = overview.providers[p.key];
        const cursor = overview.cursors.find((c) => c.key === p.cursor);
        return (
          <Card key={p.key} data-testid={`provider-${p.key}`}>
            <CardHeader>
              <div className="flex items-center justify-between gap-2">
                <CardTitle>{p.name}</CardTitle>
                <Badge variant={on ? "success" : "outline"}>{on ? "connected" : "off"}</Badge>
              </div>
              <CardDescription>
                {on ? `${counts[p.key].toLocaleString("en")} ${p.what} held locally` : "No credentials configured: this provider is off."}
              </CardDescription>
            </CardHeader>
            <CardContent className="text-xs text-muted-foreground">
              {cursor ? `Read up to ${formatDateTime(cursor.watermark)}` : "Not read yet"}
            </CardContent>
          </Card>
        );
      })}
      <p className="text-xs text-muted-foreground md:col-span-3">
        Last successful sync: {overview.lastSuccessAt ? `${formatAge(overview.lastSuccessAt)} (${formatDateTime(overview.lastSuccessAt)})` : "never"}
      </p>
    </div>
  );
}
