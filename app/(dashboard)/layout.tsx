import { requirePageUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { navItemsFor } from "@/lib/navigation";
import { Sidebar } from "@/components/layout/sidebar";
import { UserMenu } from "@/components/layout/user-menu";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="flex min-h-screen">
      {/* Until a one-time password is replaced, every other page redirects: show no links to them. */}
      <Sidebar items={user.mustChangePassword ? [] : navItemsFor(user.role)} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex h-14 items-center justify-end border-b border-border bg-background/95 px-3 backdrop-blur sm:px-6">
          <UserMenu name={user.name} email={user.email} roleLabel={ROLE_LABELS[user.role]} />
        </header>
        <main className="flex-1 px-3 py-6 sm:px-6">{children}</main>
      </div>
    </div>
  );
}
