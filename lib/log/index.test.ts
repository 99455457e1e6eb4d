import { describe, expect, it } from "vitest";
import { createLogger, errorFields } from "./index";

function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger({ write: (chunk: string) => void lines.push(chunk) }) };
}

describe("the app's log", () => {
  it("writes one JSON line per event, a CR/LF inside a value escaped", () => {
    const { lines, logger } = capture();
    logger.warn({ callbackUrl: '/x\r\n{"level":"info","msg":"forged"}' }, "refused\nhere");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.trimEnd()).not.toMatch(/[\r\n]/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "warn", service: "compliance-desk", callbackUrl: '/x\r\n{"level":"info","msg":"forged"}', msg: "refused\nhere" });
  });

  it("redacts secrets passed by mistake", () => {
    const { lines, logger } = capture();
    logger.info({ password: "hunter2", request: { token: "t0k", cookie: "c=1" }, kept: "yes" }, "x");
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ password: "[redacted]", request: { token: "[redacted]", cookie: "[redacted]" }, kept: "yes" });
    expect(lines[0]).not.toMatch(/hunter2|t0k/);
  });

  it("reduces an error to name, message and stack", () => {
    const fields = errorFields(Object.assign(new Error("boom"), { secret: "s3cret" }));
    expect(fields).toEqual({ err: { name: "Error", message: "boom", stack: expect.any(String) } });
    expect(errorFields("text")).toEqual({ err: { message: "text" } });
  });
});
