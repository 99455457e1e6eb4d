"use client";

import { MoreHorizontal } from "lucide-react";
import { setUserActiveAction, updateUserRoleAction } from "@/lib/users/actions";
import { ROLES, ROLE_LABELS, type TRole } from "@/lib/auth/permissions";
import type { TColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export type TUserListRow = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  active: boolean;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
};

type TRun = (action: () => Promise<{ ok: boolean; error?: { message: string } }>, success: string) => void;

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function userColumns(ctx: { currentUserId: string; pending: boolean; run: TRun; onReset: (user: TUserListRow) => void }): TColumn<TUserListRow>[] {
  return [
    {
      id: "name",
      header: "Name",
      meta: { label: "Name", className: "font-medium" },
      cell: ({ row: { original: user } }) => (
        <>
          {user.name}
          {user.id === ctx.currentUserId ? <span className="ml-2 text-xs text-muted-foreground">(you)</span> : null}
        </>
      ),
    },
    { id: "email", header: "Email", meta: { label: "Email" }, cell: ({ row }) => row.original.email },
    {
      id: "role",
      header: "Role",
      meta: { label: "Role", className: "w-44" },
      cell: ({ row: { original: user } }) => (
        <Select
          value={user.role}
          disabled={ctx.pending}
          onValueChange={(role) =>
            ctx.run(() => updateUserRoleAction({ userId: user.id, role: role as TRole }), `${user.email} is now ${ROLE_LABELS[role as TRole]}.`)
          }
        >
          <SelectTrigger aria-label={`Role of ${user.email}`} className="h-8 w-36">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {ROLES.map((r) => (
              <SelectItem key={r} value={r}>
                {ROLE_LABELS[r]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      ),
    },
    {
      id: "status",
      header: "Status",
      meta: { label: "Status" },
      cell: ({ row: { original: user } }) =>
        user.active ? (
          user.mustChangePassword ? <Badge variant="warning">Must set password</Badge> : <Badge variant="success">Active</Badge>
        ) : (
          <Badge variant="outline">Deactivated</Badge>
        ),
    },
    {
      id: "lastSignIn",
      header: "Last sign-in (UTC)",
      meta: { label: "Last sign-in", className: "text-muted-foreground tabular-nums" },
      cell: ({ row }) => (row.original.lastSignInAt ? dateFormat.format(new Date(row.original.lastSignInAt)) : "Never"),
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      meta: { label: "Actions", className: "w-12" },
      cell: ({ row: { original: user } }) => (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon" aria-label={`Actions for ${user.email}`} disabled={ctx.pending}>
              <MoreHorizontal className="size-4" aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem onSelect={() => ctx.onReset(user)}>Set one-time password</DropdownMenuItem>
            {user.active ? (
              <DropdownMenuItem
                variant="destructive"
                onSelect={() => ctx.run(() => setUserActiveAction({ userId: user.id, active: false }), `${user.email} is deactivated.`)}
              >
                Deactivate
              </DropdownMenuItem>
            ) : (
              <DropdownMenuItem onSelect={() => ctx.run(() => setUserActiveAction({ userId: user.id, active: true }), `${user.email} is active again.`)}>
                Reactivate
              </DropdownMenuItem>
            )}
          </DropdownMenuContent>
        </DropdownMenu>
      ),
    },
  ];
}
