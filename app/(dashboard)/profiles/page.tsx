import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Profiles" };

export default async function Page() {
  await requirePageUser("profiles.read");
  return (
    <>
      <PageHeader title="Profiles" description="Trulioo end clients and their verification results." />
      <EmptyState title="Nothing here yet" description="Profiles appear here after the first sync with Trulioo Workflow Studio." />
    </>
  );
}
