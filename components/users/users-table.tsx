"use client";

import { useMemo, useState, useTransition } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { toast } from "@/components/ui/toast";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { userColumns, type TUserListRow } from "./users-columns";

export type { TUserListRow } from "./users-columns";

/** The users admin on the table kit: a short list the server orders once, with per-row actions. */
export function UsersTable({ users, currentUserId }: { users: TUserListRow[]; currentUserId: string }) {
  const [pending, startTransition] = useTransition();
  const [resetFor, setResetFor] = useState<TUserListRow | null>(null);
  const columns = useMemo(
    () =>
      userColumns({
        currentUserId,
        pending,
        onReset: setResetFor,
        run: (action, success) =>
          startTransition(async () => {
            const result = await action();
            if (result.ok) toast.success(success);
            else toast.error(result.error?.message ?? "That did not work.");
          }),
      }),
    [currentUserId, pending],
  );
  return (
    <>
      <DataTable
        label="Users"
        columns={columns}
        data={users}
        getRowId={(user) => user.id}
        rowTestId={(user) => `user-row-${user.email}`}
        rowClassName={(user) => (user.active ? undefined : "opacity-60")}
        empty={<p className="py-6 text-center text-sm text-muted-foreground">No users.</p>}
      />
      <ResetPasswordDialog user={resetFor} onClose={() => setResetFor(null)} />
    </>
  );
}
