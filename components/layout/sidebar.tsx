"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import {
  Activity,
  FileSearch,
  LayoutDashboard,
  ListChecks,
  RefreshCw,
  ScrollText,
  ShieldCheck,
  Users,
  type LucideIcon,
} from "lucide-react";
import type { TNavIcon, TNavItem } from "@/lib/navigation";
import { cn } from "@/lib/utils";

const ICONS: Record<TNavIcon, LucideIcon> = {
  overview: LayoutDashboard,
  profiles: FileSearch,
  executions: Activity,
  jobs: ListChecks,
  audit: ScrollText,
  sync: RefreshCw,
  users: Users,
};

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function Sidebar({ items }: { items: TNavItem[] }) {
  const pathname = usePathname();
  return (
    // Below md the sidebar is a rail of icons (each link keeps its name for screen readers and a tooltip),
    // so a phone-sized window still has room for the page.
    <aside className="sticky top-0 flex h-screen w-14 shrink-0 flex-col border-r border-border bg-slate-950 text-slate-300 md:w-56">
      <div className="flex h-14 items-center gap-2 px-4 text-[15px] font-semibold text-white">
        <ShieldCheck className="size-5 shrink-0 text-indigo-400" aria-hidden />
        <span className="hidden md:inline">Compliance Desk</span>
      </div>
      <nav aria-label="Main" className="flex-1 space-y-0.5 px-2 py-3">
        {items.map((item) => {
          const Icon = ICONS[item.icon];
          const active = isActive(pathname, item.href);
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? "page" : undefined}
              title={item.label}
              className={cn(
                "flex items-center gap-2.5 rounded-md px-3 py-2 text-sm transition-colors max-md:justify-center max-md:px-0",
                active ? "bg-slate-800 font-medium text-white" : "hover:bg-slate-900 hover:text-white",
              )}
            >
              <Icon className="size-4 shrink-0" aria-hidden />
              <span className="max-md:sr-only">{item.label}</span>
            </Link>
          );
        })}
      </nav>
      <p className="hidden px-4 py-3 text-[11px] text-slate-500 md:block">All actions are recorded in the audit log.</p>
    </aside>
  );
}
