import { z } from "zod";

// The one place that reads process.env. Parsed lazily so `next build` works without a database.
const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  NEXTAUTH_URL: z.string().url().optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISPLAY_NAME: z.string().min(1).default("Single sign-on"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

export type TEnv = z.infer<typeof ZEnvSchema>;

// Scripts (migrate, seed, worker) need only the database part.
const ZDbEnvSchema = ZEnvSchema.pick({ DATABASE_URL: true, DB_POOL_SIZE: true });
export type TDbEnv = z.infer<typeof ZDbEnvSchema>;

function parse<S extends z.ZodType>(schema: S): z.output<S> {
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

let cached: TEnv | undefined;
let cachedDb: TDbEnv | undefined;

export function getEnv(): TEnv {
  cached ??= parse(ZEnvSchema);
  return cached;
}

export function getDbEnv(): TDbEnv {
  cachedDb ??= parse(ZDbEnvSchema);
  return cachedDb;
}

export function isOidcEnabled(env: TEnv = getEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}
