import Link from "next/link";
import type { TOverview } from "@/lib/overview/queries";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const STATUSES: { key: string; label: string; tone: string }[] = [
  { key: "PENDING_REVIEW", label: "Waiting for review", tone: "text-amber-700" },
  { key: "COMPLETED", label: "Completed", tone: "text-sky-700" },
  { key: "ACCEPTED", label: "Accepted", tone: "text-emerald-700" },
  { key: "REJECTED", label: "Rejected", tone: "text-red-700" },
  { key: "IN_PROGRESS", label: "In progress", tone: "text-slate-700" },
  { key: "NOT_STARTED", label: "Not started", tone: "text-slate-500" },
  { key: "ABANDONED", label: "Abandoned", tone: "text-slate-500" },
];

export function StatusTiles({ overview }: { overview: TOverview }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7">
      {STATUSES.map((status) => (
        <Link key={status.key} href={`/profiles?status=${status.key}`} className="rounded-lg focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
          <Card className="h-full transition-colors hover:border-primary/40" data-testid={`status-${status.key}`}>
            <CardHeader className="gap-1">
              <CardDescription>{status.label}</CardDescription>
              <CardTitle as="div" className={`text-2xl tabular-nums ${status.tone}`}>
                {(overview.profilesByStatus[status.key] ?? 0).toLocaleString("en")}
              </CardTitle>
            </CardHeader>
          </Card>
        </Link>
      ))}
    </div>
  );
}

export function DecisionTable({ overview }: { overview: TOverview }) {
  const providers = ["JUMIO", "TRUSTX"] as const;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {providers.map((provider) => {
        const rows = overview.executionsByDecision.filter((r) => r.provider === provider).sort((a, b) => b.count - a.count);
        return (
          <Card key={provider}>
            <CardHeader>
              <CardTitle>{provider === "JUMIO" ? "Jumio executions by decision" : "TrustX journeys by outcome"}</CardTitle>
            </CardHeader>
            <CardContent>
              {rows.length === 0 ? (
                <p className="text-sm text-muted-foreground">None synced yet.</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {rows.map((row) => (
                    <li key={row.decision}>
                      {/* Each count opens the executions list filtered to it. */}
                      <Link
                        href={`/executions?${new URLSearchParams(row.decision === "—" ? { provider } : { provider, decision: row.decision })}`}
                        className="-mx-1 flex justify-between rounded px-1 hover:bg-accent"
                        data-testid={`decision-${provider}-${row.decision}`}
                      >
                        <span>{row.decision}</span>
                        <span className="tabular-nums text-muted-foreground">{row.count.toLocaleString("en")}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        );
      })}
    </div>
  );
}
