"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/safe-action";
import { setExecutionFeedback, ZSetFeedbackSchema } from "./feedback";

export const setFeedbackAction = authorizedAction(
  { name: "execution.feedback", permission: "executions.feedback", input: ZSetFeedbackSchema },
  async (input, ctx) => {
    const feedback = await setExecutionFeedback(ctx, input);
    revalidatePath(`/executions/${encodeURIComponent(input.executionId)}`);
    return feedback;
  },
);
