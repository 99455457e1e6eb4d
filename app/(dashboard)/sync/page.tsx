import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Sync" };

export default async function Page() {
  await requirePageUser("sync.read");
  return (
    <>
      <PageHeader title="Sync" description="Provider sync runs, their errors and the webhook inbox." />
      <EmptyState title="Nothing here yet" description="No sync has run yet. Provider connections are configured by environment variables." />
    </>
  );
}
