"use client";

import { useState, useTransition } from "react";
import { MoreHorizontal } from "lucide-react";
import { setUserActiveAction, updateUserRoleAction } from "@/lib/users/actions";
import { ROLES, ROLE_LABELS, type TRole } from "@/lib/auth/permissions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { ResetPasswordDialog } from "./reset-password-dialog";

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

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function UsersTable({ users, currentUserId }: { users: TUserListRow[]; currentUserId: string }) {
  const [pending, startTransition] = useTransition();
  const [resetFor, setResetFor] = useState<TUserListRow | null>(null);

  function run(action: () => Promise<{ ok: boolean; error?: { message: string } }>, success: string) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) toast.success(success);
      else toast.error(result.error?.message ?? "That did not work.");
    });
  }

  return (
    <div className="rounded-lg border border-border bg-card">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Email</TableHead>
            <TableHead className="w-44">Role</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Last sign-in (UTC)</TableHead>
            <TableHead className="w-12">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.id} data-testid={`user-row-${user.email}`} className={user.active ? "" : "opacity-60"}>
              <TableCell className="font-medium">
                {user.name}
                {user.id === currentUserId ? <span className="ml-2 text-xs text-muted-foreground">(you)</span> : null}
              </TableCell>
              <TableCell>{user.email}</TableCell>
              <TableCell>
                <Select
                  value={user.role}
                  disabled={pending}
                  onValueChange={(role) =>
                    run(
                      () => updateUserRoleAction({ userId: user.id, role: role as TRole }),
                      `${user.email} is now ${ROLE_LABELS[role as TRole]}.`,
                    )
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
              </TableCell>
              <TableCell>
                {user.active ? (
                  user.mustChangePassword ? (
                    <Badge variant="warning">Must set password</Badge>
                  ) : (
                    <Badge variant="success">Active</Badge>
                  )
                ) : (
                  <Badge variant="outline">Deactivated</Badge>
                )}
              </TableCell>
              <TableCell className="text-muted-foreground tabular-nums">
                {user.lastSignInAt ? dateFormat.format(new Date(user.lastSignInAt)) : "Never"}
              </TableCell>
              <TableCell>
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button variant="ghost" size="icon" aria-label={`Actions for ${user.email}`} disabled={pending}>
                      <MoreHorizontal className="size-4" aria-hidden />
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent align="end">
                    <DropdownMenuItem onSelect={() => setResetFor(user)}>Set one-time password</DropdownMenuItem>
                    {user.active ? (
                      <DropdownMenuItem
                        variant="destructive"
                        onSelect={() =>
                          run(() => setUserActiveAction({ userId: user.id, active: false }), `${user.email} is deactivated.`)
                        }
                      >
                        Deactivate
                      </DropdownMenuItem>
                    ) : (
                      <DropdownMenuItem
                        onSelect={() =>
                          run(() => setUserActiveAction({ userId: user.id, active: true }), `${user.email} is active again.`)
                        }
                      >
                        Reactivate
                      </DropdownMenuItem>
                    )}
                  </DropdownMenuContent>
                </DropdownMenu>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ResetPasswordDialog user={resetFor} onClose={() => setResetFor(null)} />
    </div>
  );
}
