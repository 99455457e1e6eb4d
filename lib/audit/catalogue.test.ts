import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, auditLabel, isAuditAction } from "./catalogue";

describe("the audit catalogue", () => {
  it("gives every action a distinct label and a known target type", () => {
    const labels = Object.values(AUDIT_ACTIONS).map((a) => a.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const [name, info] of Object.entries(AUDIT_ACTIONS)) {
      expect(name).toMatch(/^[a-z]+(\.[a-z_]+)+$/);
      expect(info.label.length).toBeGreaterThan(3);
      if (info.target !== null) expect(AUDIT_TARGET_TYPES).toContain(info.target);
    }
  });

  it("knows its own names only (no prototype keys)", () => {
    expect(isAuditAction("user.role_change")).toBe(true);
    expect(isAuditAction("toString")).toBe(false);
    expect(auditLabel("user.role_change")).toBe("Role changed");
    expect(auditLabel("users.updateRole")).toBe("users.updateRole");
  });
});
