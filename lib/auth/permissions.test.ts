import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, can, permissionsOf, ROLES, type TPermission, type TRole } from "./permissions";

// The expected matrix, written out independently of the table: A=ANALYST M=MANAGER U=AUDITOR D=ADMIN.
const EXPECTED: Record<TPermission, string> = {
  "account.self": "AMUD",
  "overview.read": "AMUD",
  "profiles.read": "AMUD",
  "profiles.status": "AM-D",
  "profiles.bulkStatus": "-M-D",
  "profiles.link": "AM-D",
  "profiles.notes": "AM-D",
  "profiles.refresh": "AM-D",
  "profiles.export": "-MUD",
  "files.download": "AM-D",
  "executions.read": "AMUD",
  "executions.feedback": "AM-D",
  "exports.pdf": "--UD",
  "verifications.send": "AM-D",
  "jobs.read": "AMUD",
  "jobs.approve": "-M-D",
  "jobs.manage": "-M-D",
  "sync.read": "AMUD",
  "sync.run": "-M-D",
  "sync.settings": "---D",
  "providers.check": "---D",
  "audit.read": "--UD",
  "audit.export": "--UD",
  "pii.wipe": "---D",
  "users.manage": "---D",
};
const LETTER: Record<TRole, string> = { ANALYST: "A", MANAGER: "M", AUDITOR: "U", ADMIN: "D" };

describe("permission table", () => {
  it("covers exactly the expected permissions", () => {
    expect([...ALL_PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of Object.keys(EXPECTED) as TPermission[]) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(LETTER[role]);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("gives ADMIN every permission and AUDITOR nothing that changes a case", () => {
    expect(permissionsOf("ADMIN")).toEqual(ALL_PERMISSIONS);
    const auditorWrites = permissionsOf("AUDITOR").filter((p) => /status|link|notes|feedback|wipe|manage|approve|run|send/.test(p));
    expect(auditorWrites).toEqual([]);
  });

  it("makes MANAGER a superset of ANALYST", () => {
    const manager = new Set(permissionsOf("MANAGER"));
    expect(permissionsOf("ANALYST").every((p) => manager.has(p))).toBe(true);
  });
});
