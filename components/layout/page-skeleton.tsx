import { Skeleton } from "@/components/ui/skeleton";

/** What a section shows while its data loads; mirrors the header + table shape of the list pages. */
export function PageSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-4 w-80" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
