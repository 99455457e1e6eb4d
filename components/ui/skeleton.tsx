import * as React from "react";

import { cn } from "@/lib/utils";

// Hidden from assistive tech: the surrounding loading region should announce progress once.
function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}

export { Skeleton };
