import { describe, expect, it } from "vitest";
import { stringifyWithoutSecrets } from "./redact";

describe("stringifyWithoutSecrets", () => {
  it("drops keys naming a secret at any depth and keeps the rest", () => {
    const payload = {
      id: "e1",
      token: "t",
      event: { type: "FLOW_END", accessToken: "a", list: [{ Signature: "s", keep: 1 }, "plain"] },
      clientSecret: "c",
      user_password: "p",
      note: "a token in a value is kept",
    };
    expect(JSON.parse(stringifyWithoutSecrets(payload))).toEqual({
      id: "e1",
      event: { type: "FLOW_END", list: [{ keep: 1 }, "plain"] },
      note: "a token in a value is kept",
    });
  });

  it("stores something for values that are not objects", () => {
    expect(stringifyWithoutSecrets(undefined)).toBe("null");
    expect(stringifyWithoutSecrets([1, "x"])).toBe('[1,"x"]');
  });
});
