import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { findUsers } from "@/lib/users/queries";
import { PageHeader } from "@/components/layout/page-header";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { UsersTable } from "@/components/users/users-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePageUser("users.manage");
  const users = await findUsers();
  return (
    <>
      <PageHeader
        title="Users"
        description="Create accounts, set roles, and deactivate access. Every change is audited."
        actions={<CreateUserDialog />}
      />
      <UsersTable
        currentUserId={me.id}
        users={users.map((u) => ({
          ...u,
          lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
          createdAt: u.createdAt.toISOString(),
        }))}
      />
    </>
  );
}
