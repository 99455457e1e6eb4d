"use client";

import Link from "next/link";
import type { TProfileRow } from "@/lib/profiles/queries";
import { PROFILE_COLUMN_LABELS, type TProfileColumn } from "@/lib/profiles/list-shape";
import { columnFactory } from "@/components/data-table/data-table-column";
import type { TColumn } from "@/components/data-table/data-table";
import { selectColumn } from "@/components/data-table/select-column";
import { Badge } from "@/components/ui/badge";
import { ProfileStatusBadge, ServiceOutcomeBadge } from "@/components/badges/status";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const dayTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

type TSortable = "name" | "status" | "country" | "created" | "lastModified";
const SORTABLE = new Set<string>(["name", "status", "country", "created", "lastModified"] satisfies TSortable[]);

const column = columnFactory<TProfileRow, TProfileColumn>(PROFILE_COLUMN_LABELS, SORTABLE);

export function profileColumns(workflowNames: Record<string, string>): TColumn<TProfileRow>[] {
  return [
    selectColumn<TProfileRow>(),
    column("name", ({ row: { original: p } }) => (
      <div className="min-w-40">
        <Link href={`/profiles/${p.id}`} className="font-medium text-primary hover:underline" data-testid="profile-name">
          {p.fullName ?? (p.piiWipedAt ? "(wiped)" : "(no name)")}
        </Link>
        {p.email ? <div className="text-xs text-muted-foreground">{p.email}</div> : null}
      </div>
    )),
    column("id", ({ row }) => <span className="font-mono text-xs text-muted-foreground">{row.original.id.slice(0, 8)}…</span>),
    column("status", ({ row }) => (
      <ProfileStatusBadge status={row.original.status} data-testid="profile-status" />
    )),
    column("profileType", ({ row }) => <span className="text-xs">{row.original.profileType.toLowerCase()}</span>),
    column("workflows", ({ row }) => (
      <span className="text-xs" data-testid="profile-workflows">
        {row.original.workflowIds.map((id) => workflowNames[id] ?? id).join(", ") || "—"}
      </span>
    )),
    column("country", ({ row }) => <span className="font-mono text-xs">{row.original.country ?? "—"}</span>),
    column("created", ({ row }) => <span className="whitespace-nowrap tabular-nums">{day.format(row.original.createdAt)}</span>),
    column("lastModified", ({ row }) => <span className="whitespace-nowrap tabular-nums">{dayTime.format(row.original.lastModified)}</span>),
    column("serviceOutcome", ({ row }) => <ServiceOutcomeBadge outcome={row.original.serviceOutcome} />),
    column("links", ({ row }) => <span className="tabular-nums">{row.original.linkCount || "—"}</span>, "text-right"),
    column("executions", ({ row: { original: p } }) =>
      p.executionCount === 0 ? (
        <span className="text-muted-foreground">—</span>
      ) : (
        <span className="whitespace-nowrap text-xs">
          <span className="tabular-nums">{p.executionCount}</span>
          {p.latestDecision ? <span className="text-muted-foreground"> · latest {p.latestDecision}</span> : null}
        </span>
      ),
    ),
    column("wiped", ({ row }) => (row.original.piiWipedAt ? <Badge variant="outline">wiped {day.format(row.original.piiWipedAt)}</Badge> : null)),
  ];
}
