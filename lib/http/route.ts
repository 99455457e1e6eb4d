import "server-only";
import { NextResponse } from "next/server";
import { toErrorBody } from "@/lib/errors";

/**
 * Wraps a route handler so every failure becomes a JSON error with the right status, never a stack
 * trace, and no answer is kept by a cache (they may carry personal data).
 */
export function jsonRoute<C>(handler: (req: Request, context: C) => Promise<Response>) {
  return async (req: Request, context: C): Promise<Response> => {
    let response: Response;
    try {
      response = await handler(req, context);
    } catch (error) {
      const { status, body } = toErrorBody(error);
      response = NextResponse.json(body, { status });
    }
    if (!response.headers.has("cache-control")) response.headers.set("Cache-Control", "no-store");
    return response;
  };
}
