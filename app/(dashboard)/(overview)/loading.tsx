import { ChartCardSkeleton } from "@/components/overview/overview-charts";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The overview while it loads, in its own shape: header, status tiles, decision cards, chart cards. */
export default function Loading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading">
      <div className="space-y-2 pb-0">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-4 w-72" />
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-44" />
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7">
          {Array.from({ length: 7 }, (_, i) => (
            <Card key={i} className="gap-2 p-5">
              <Skeleton className="h-4 w-24" />
              <Skeleton className="h-7 w-12" />
            </Card>
          ))}
        </div>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {[0, 1].map((i) => (
          <Card key={i} className="gap-2 p-5">
            <Skeleton className="h-5 w-56" />
            {Array.from({ length: 4 }, (_, r) => (
              <Skeleton key={r} className="h-4 w-full" />
            ))}
          </Card>
        ))}
      </div>
      <div className="space-y-3">
        <Skeleton className="h-6 w-24" />
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartCardSkeleton className="lg:col-span-2" />
          {Array.from({ length: 4 }, (_, i) => (
            <ChartCardSkeleton key={i} />
          ))}
        </div>
      </div>
    </div>
  );
}
