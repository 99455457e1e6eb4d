// In a group of its own so its loading skeleton wraps only the list: /jobs/[id] answers a bad id with a real 404 (its layout).
export { PageSkeleton as default } from "@/components/layout/page-skeleton";
