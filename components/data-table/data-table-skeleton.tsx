import { Skeleton } from "@/components/ui/skeleton";

/** A list page while it loads: header, toolbar, rows and pagination in the table's own shape. */
export function DataTableSkeleton({ columns = 8, rows = 12, filters = 6 }: { columns?: number; rows?: number; filters?: number }) {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-4 w-80" />
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-8 w-72" />
        {Array.from({ length: filters }, (_, i) => (
          <Skeleton key={i} className="h-8 w-24" />
        ))}
      </div>
      <div className="rounded-lg border border-border">
        <div className="flex gap-4 border-b border-border bg-muted/60 px-3 py-2.5">
          {Array.from({ length: columns }, (_, i) => (
            <Skeleton key={i} className="h-4 flex-1" />
          ))}
        </div>
        {Array.from({ length: rows }, (_, r) => (
          <div key={r} className="flex gap-4 border-b border-border px-3 py-3 last:border-0">
            {Array.from({ length: columns }, (_, i) => (
              <Skeleton key={i} className="h-4 flex-1" />
            ))}
          </div>
        ))}
      </div>
      <div className="flex justify-between">
        <Skeleton className="h-5 w-48" />
        <Skeleton className="h-8 w-72" />
      </div>
    </div>
  );
}
