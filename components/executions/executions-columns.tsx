"use client";

import Link from "next/link";
import type { TExecutionListRow } from "@/lib/executions/queries";
import { EXECUTION_COLUMN_LABELS, PROVIDER_LABELS, type TExecutionColumn } from "@/lib/executions/list-shape";
import { columnFactory } from "@/components/data-table/data-table-column";
import type { TColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { DecisionBadge } from "@/components/badges/status";

const dayTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const SORTABLE = new Set<string>(["created", "completed", "riskScore"]);

const column = columnFactory<TExecutionListRow, TExecutionColumn>(EXECUTION_COLUMN_LABELS, SORTABLE);

export const executionColumns: TColumn<TExecutionListRow>[] = [
  column("provider", ({ row }) => <Badge variant="outline">{PROVIDER_LABELS[row.original.provider]}</Badge>),
  column("id", ({ row }) => (
    <div className="font-mono text-xs">
      <Link href={`/executions/${encodeURIComponent(row.original.id)}`} title={row.original.id} className="text-primary hover:underline" data-testid="execution-link">
        {row.original.id.length > 14 ? `${row.original.id.slice(0, 14)}…` : row.original.id}
      </Link>
      {row.original.accountId ? <div className="text-muted-foreground">acct {row.original.accountId.slice(0, 10)}</div> : null}
    </div>
  )),
  column("status", ({ row }) => <span className="text-xs" data-testid="execution-status">{row.original.status}</span>),
  column("decision", ({ row }) => <DecisionBadge decision={row.original.decisionType} data-testid="execution-decision" />),
  column("riskScore", ({ row }) => <span className="tabular-nums" data-testid="execution-risk">{row.original.riskScore ?? "—"}</span>, "text-right"),
  column("definition", ({ row }) => <span className="text-xs">{row.original.definition ?? "—"}</span>),
  column("person", ({ row }) => (
    <span data-testid="execution-person">{[row.original.firstName, row.original.lastName].filter(Boolean).join(" ") || "—"}</span>
  )),
  column("profile", ({ row: { original: e } }) =>
    e.profileId ? (
      <Link href={`/profiles/${e.profileId}`} className="text-primary hover:underline">
        {e.profileName ?? e.profileId.slice(0, 8)}
      </Link>
    ) : (
      <span className="text-muted-foreground">not linked</span>
    ),
  ),
  column("created", ({ row }) => <span className="whitespace-nowrap tabular-nums">{dayTime.format(row.original.createdAt)}</span>),
  column("completed", ({ row }) => (
    <span className="whitespace-nowrap tabular-nums">{row.original.completedAt ? dayTime.format(row.original.completedAt) : "—"}</span>
  )),
  column("feedback", ({ row }) => <span className="text-xs">{row.original.feedbackStatus ?? "—"}</span>),
  column("wiped", ({ row }) => (row.original.wipedOutAt ? <Badge variant="outline">wiped</Badge> : null)),
];
