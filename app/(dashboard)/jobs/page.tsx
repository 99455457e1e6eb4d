import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Jobs" };

export default async function Page() {
  await requirePageUser("jobs.read");
  return (
    <>
      <PageHeader title="Jobs" description="Background work: bulk status changes, PII wipes, exports." />
      <EmptyState title="Nothing here yet" description="No background jobs have run yet." />
    </>
  );
}
