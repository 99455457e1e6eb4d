import { applyMigrations } from "../lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm run demo and npm test set it for you).");
  process.exit(2);
}
const report = await applyMigrations(url, undefined, (line) => console.log(line));
console.log(`migrations: ${report.applied.length} applied, ${report.alreadyApplied} already in place`);
