import { getDb } from "../lib/db";
import { seedDemoUsers } from "../lib/users/seed";

const db = getDb();
const { created } = await seedDemoUsers(db);
console.log(created.length ? `seeded users: ${created.join(", ")}` : "demo users already present");
await db.$disconnect();
