import "server-only";
import { NextResponse } from "next/server";
import { toErrorBody } from "@/lib/errors";

/** Wraps a route handler so every failure becomes a JSON error with the right status, never a stack trace. */
export function jsonRoute<C>(handler: (req: Request, context: C) => Promise<Response>) {
  return async (req: Request, context: C): Promise<Response> => {
    try {
      return await handler(req, context);
    } catch (error) {
      const { status, body } = toErrorBody(error);
      return NextResponse.json(body, { status });
    }
  };
}
