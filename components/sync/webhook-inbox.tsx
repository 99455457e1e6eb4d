import type { findWebhookEvents } from "@/lib/sync/queries";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

type TEvents = Awaited<ReturnType<typeof findWebhookEvents>>;

const STATE_BADGE: Record<TEvents[number]["state"], BadgeProps["variant"]> = {
  RECEIVED: "secondary",
  PROCESSED: "success",
  IGNORED: "outline",
  FAILED: "destructive",
};

export function WebhookInbox({ events }: { events: TEvents }) {
  if (events.length === 0) {
    return <EmptyState title="No webhooks received yet" description="Trulioo events and Jumio callbacks appear here as they arrive." />;
  }
  return (
    <div className="rounded-lg border border-border bg-card">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Received</TableHead>
            <TableHead>Source</TableHead>
            <TableHead>Type</TableHead>
            <TableHead>Subject</TableHead>
            <TableHead>State</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((e) => (
            <TableRow key={e.id.toString()} data-testid="webhook-event">
              <TableCell className="tabular-nums">{formatDateTime(e.receivedAt)}</TableCell>
              <TableCell>{e.source}</TableCell>
              <TableCell className="font-mono text-xs">{e.type}</TableCell>
              <TableCell className="max-w-[16rem] truncate font-mono text-xs">{e.subjectId ?? "—"}</TableCell>
              <TableCell>
                <Badge variant={STATE_BADGE[e.state]}>{e.state.toLowerCase()}</Badge>
                {e.error ? <div className="mt-1 text-xs text-destructive">{e.error}</div> : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
