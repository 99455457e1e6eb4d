import { describe, expect, it } from "vitest";
import { linkFromSide } from "./links";

describe("linkFromSide", () => {
  it("reads OWNS and OWNED_BY as each other's inverse from the far end", () => {
    expect(linkFromSide("OWNS", "from").label).toBe("Owns");
    expect(linkFromSide("OWNS", "to").label).toBe("Owned by");
    expect(linkFromSide("OWNED_BY", "to").label).toBe("Owns");
  });
  it("reads DUPLICATE_OF backwards as having a duplicate, and RELATES_TO the same both ways", () => {
    expect(linkFromSide("DUPLICATE_OF", "to").label).toBe("Has a duplicate");
    expect(linkFromSide("RELATES_TO", "to").label).toBe(linkFromSide("RELATES_TO", "from").label);
  });
  it("keeps a type it does not know as it came", () => {
    expect(linkFromSide("GUARANTOR_OF", "to")).toEqual({ type: "GUARANTOR_OF", side: "to", label: "GUARANTOR_OF" });
  });
});
