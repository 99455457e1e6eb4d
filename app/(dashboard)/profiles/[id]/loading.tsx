export { ProfileSkeleton as default } from "@/components/profiles/profile-skeleton";
