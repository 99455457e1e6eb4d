import { z } from "zod";

export const ZStartSyncSchema = z.object({ kind: z.enum(["INCREMENTAL", "FULL"]) });
export const ZSyncPageParamsSchema = z.object({ run: z.string().uuid().optional().catch(undefined) });
