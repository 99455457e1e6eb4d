import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Audit log" };

export default async function Page() {
  await requirePageUser("audit.read");
  return (
    <>
      <PageHeader title="Audit log" description="Who did what, when, and with what outcome." />
      <EmptyState title="Nothing here yet" description="The searchable audit trail arrives with the audit page; events are already being recorded." />
    </>
  );
}
