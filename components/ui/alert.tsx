import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { CircleAlert, Info, TriangleAlert } from "lucide-react";

import { cn } from "@/lib/utils";

const alertVariants = cva(
  "relative flex w-full items-start gap-3 rounded-lg border px-4 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0",
  {
    variants: {
      variant: {
        default: "border-border bg-card text-card-foreground [&>svg]:text-info",
        destructive: "border-destructive/30 bg-destructive/5 text-destructive",
        warning: "border-warning/30 bg-warning/5 text-warning",
      },
    },
    defaultVariants: {
      variant: "default",
    },
  },
);

const defaultIcons = {
  default: Info,
  destructive: CircleAlert,
  warning: TriangleAlert,
} as const;

type AlertProps = React.ComponentProps<"div"> &
  VariantProps<typeof alertVariants> & {
    /** Pass `null` to render without an icon. */
    icon?: React.ReactNode;
  };

function Alert({ className, variant, icon, role = "alert", children, ...props }: AlertProps) {
  const DefaultIcon = defaultIcons[variant ?? "default"];

  return (
    <div
      data-slot="alert"
      role={role}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    >
      {icon === undefined ? <DefaultIcon aria-hidden="true" /> : icon}
      <div className="flex min-w-0 flex-1 flex-col gap-1">{children}</div>
    </div>
  );
}

function AlertTitle({ className, ...props }: React.ComponentProps<"p">) {
  return (
    <p
      data-slot="alert-title"
      className={cn("leading-tight font-medium", className)}
      {...props}
    />
  );
}

function AlertDescription({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="alert-description"
      className={cn("text-sm [&_p]:leading-relaxed", className)}
      {...props}
    />
  );
}

export { Alert, AlertTitle, AlertDescription, alertVariants, type AlertProps };
