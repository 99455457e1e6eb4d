"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/actions/safe-action";
import { getEnv } from "@/lib/env";
import { providerConfigsFrom } from "../config";
import { runConnectionCheck } from "./run-check";

/** "Check connection" on /sync (ADMIN): every provider read, once, with the installation's own settings. */
export const checkConnectionAction = authorizedAction(
  { name: "providers.check", permission: "providers.check", input: z.object({}).strict() },
  (_input, ctx) => runConnectionCheck(ctx, providerConfigsFrom(getEnv())),
);
