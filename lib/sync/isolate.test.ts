import { describe, expect, it } from "vitest";
import type { SyncContext } from "./context";
import { writeIsolating } from "./isolate";

describe("writeIsolating", () => {
  const refusal = Object.assign(new Error("invalid input syntax for type uuid"), { code: "22P02" });

  function fakeContext() {
    const errors: { source: string; id: string | null; message: string }[] = [];
    const ctx = { recordError: async (source: string, id: string | null, message: string) => void errors.push({ source, id, message }) };
    return { ctx: ctx as unknown as SyncContext, errors };
  }

  it("isolates the one record the database refuses and writes all the others", async () => {
    const { ctx, errors } = fakeContext();
    const written: string[] = [];
    const write = async (rows: string[]) => {
      if (rows.includes("bad")) throw refusal;
      written.push(...rows);
      return { created: rows.length, updated: 0, unchanged: 0 };
    };
    const rows = ["a", "b", "c", "bad", "d", "e", "f"];
    const counts = await writeIsolating(ctx, "trulioo.client", rows, (r) => r, write);
    expect(counts.created).toBe(6);
    expect(written.sort()).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(errors).toEqual([{ source: "trulioo.client", id: "bad", message: expect.stringContaining("refused") }]);
  });

  it("rethrows failures that are not about the data (the run fails and resumes later)", async () => {
    const { ctx } = fakeContext();
    const down = Object.assign(new Error("connection terminated"), { code: "57P01" });
    await expect(writeIsolating(ctx, "s", ["a"], (r) => r, async () => Promise.reject(down))).rejects.toBe(down);
  });
});
