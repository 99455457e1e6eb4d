import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Executions" };

export default async function Page() {
  await requirePageUser("executions.read");
  return (
    <>
      <PageHeader title="Executions" description="Jumio workflow executions and TrustX process instances." />
      <EmptyState title="Nothing here yet" description="Executions appear here after the first sync with Jumio and TrustX." />
    </>
  );
}
