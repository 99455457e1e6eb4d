"use client";

import { DataTable, type TColumn } from "@/components/data-table/data-table";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";

/** An inbox event as the table shows it; the payload (personal data) never goes to the browser. */
export type TWebhookEventView = {
  id: string;
  receivedAt: Date;
  source: string;
  type: string;
  subjectId: string | null;
  state: "RECEIVED" | "PROCESSED" | "IGNORED" | "FAILED";
  error: string | null;
};

const STATE_BADGE: Record<TWebhookEventView["state"], BadgeProps["variant"]> = {
  RECEIVED: "secondary",
  PROCESSED: "success",
  IGNORED: "outline",
  FAILED: "destructive",
};

const columns: TColumn<TWebhookEventView>[] = [
  { id: "received", header: "Received", meta: { label: "Received", className: "tabular-nums" }, cell: ({ row }) => formatDateTime(row.original.receivedAt) },
  { id: "source", header: "Source", meta: { label: "Source" }, cell: ({ row }) => row.original.source },
  { id: "type", header: "Type", meta: { label: "Type", className: "font-mono text-xs" }, cell: ({ row }) => row.original.type },
  {
    id: "subject",
    header: "Subject",
    meta: { label: "Subject", className: "max-w-[16rem] truncate font-mono text-xs" },
    cell: ({ row }) => row.original.subjectId ?? "—",
  },
  {
    id: "state",
    header: "State",
    meta: { label: "State" },
    cell: ({ row: { original: e } }) => (
      <>
        <Badge variant={STATE_BADGE[e.state]}>{e.state.toLowerCase()}</Badge>
        {e.error ? <div className="mt-1 text-xs text-destructive">{e.error}</div> : null}
      </>
    ),
  },
];

export function WebhookInbox({ events }: { events: TWebhookEventView[] }) {
  if (events.length === 0) {
    return <EmptyState title="No webhooks received yet" description="Trulioo events and Jumio callbacks appear here as they arrive." />;
  }
  return <DataTable label="Webhook inbox" columns={columns} data={events} getRowId={(e) => e.id} rowTestId="webhook-event" empty={null} />;
}
