import { Skeleton } from "@/components/ui/skeleton";

/** The case page's shape while it loads: header, facts, flows beside links and verifications, notes. */
export function ProfileSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the profile">
      <div className="flex items-end justify-between pb-6">
        <div className="space-y-2">
          <Skeleton className="h-8 w-64" />
          <Skeleton className="h-4 w-48" />
        </div>
        <Skeleton className="h-8 w-40" />
      </div>
      <Skeleton className="mb-6 h-40 w-full" />
      <div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-3">
          <Skeleton className="h-5 w-24" />
          <Skeleton className="h-9 w-80" />
          <Skeleton className="h-72 w-full" />
          <Skeleton className="h-24 w-full" />
        </div>
        <div className="space-y-6">
          <Skeleton className="h-28 w-full" />
          <Skeleton className="h-28 w-full" />
          <Skeleton className="h-20 w-full" />
        </div>
      </div>
    </div>
  );
}
