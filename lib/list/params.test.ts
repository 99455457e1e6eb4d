import { describe, expect, it } from "vitest";
import { profileList, PROFILE_LIST_SHAPE } from "@/lib/profiles/schemas";
import { executionList, EXECUTION_LIST_SHAPE } from "@/lib/executions/schemas";
import { toListQuery, withFilters } from "./query-string";

const ID = "3f2a7c1e-2b4d-4e8f-9a0b-1c2d3e4f5a6b";

describe("the list contract's URL parse", () => {
  it("reads a clean URL into typed params", () => {
    const { params, notices } = profileList.parse(new URLSearchParams("status=ACCEPTED,REJECTED&files=yes&q=Zo%C3%AB&sort=name&dir=asc&size=25&createdFrom=2026-01-01"));
    expect(notices).toEqual([]);
    expect(params).toMatchObject({ sort: "name", dir: "asc", size: 25, q: "Zoë", filters: { status: ["ACCEPTED", "REJECTED"], files: true, createdFrom: "2026-01-01" } });
  });

  it("turns a garbage URL into the defaults with notices, never a throw", () => {
    const { params, notices } = profileList.parse({ page: "-3", sort: "nope", status: "\u0000", size: "7", cursor: "zzz", cols: "evil", junk: "1", createdFrom: "2026-13-45" });
    expect(params).toEqual({ ...profileList.defaults, cols: [...profileList.defaults.cols] });
    expect(notices.join(" ")).toMatch(/Unknown sort "nope"/);
    expect(notices.join(" ")).toMatch(/Filter status: "\\u0000" ignored/);
    expect(notices.length).toBeGreaterThanOrEqual(6);
  });

  it("keeps the good values of a half-bad multi filter and drops the rest with a notice", () => {
    const { params, notices } = profileList.parse({ status: "ACCEPTED,BOGUS" });
    expect(params.filters.status).toEqual(["ACCEPTED"]);
    expect(notices).toHaveLength(1);
  });

  it("round-trips a keyset cursor and refuses one whose key does not fit the sort", () => {
    const state = { ...profileList.defaults, page: 3, cursor: { dir: "after" as const, key: ["2026-01-02T03:04:05.678Z", ID] } };
    expect(profileList.parse(new URLSearchParams(profileList.toQuery(state))).params.cursor).toEqual(state.cursor);
    const byName = new URLSearchParams(profileList.toQuery(state));
    byName.set("sort", "created");
    expect(profileList.parse(byName).params.cursor).toEqual(state.cursor);
    const badKey = new URLSearchParams(profileList.toQuery({ ...state, cursor: { dir: "after", key: ["not a date", ID] } }));
    const parsed = profileList.parse(badKey);
    expect(parsed.params.cursor).toBeNull();
    expect(parsed.params.page).toBe(1);
    expect(parsed.notices[0]).toMatch(/page position/);
  });

  it("refuses an OFFSET page too deep to open without a cursor", () => {
    const { params, notices } = profileList.parse({ page: "5000" });
    expect(params.page).toBe(1);
    expect(notices[0]).toMatch(/too deep/);
    expect(profileList.parse({ page: "3" }).params.page).toBe(3);
  });

  it("writes short URLs: defaults left out, a filter change back on page 1", () => {
    expect(profileList.toQuery(profileList.defaults)).toBe("");
    const on3 = { ...profileList.defaults, page: 3, cursor: { dir: "last" as const } };
    const filtered = withFilters(on3, { status: ["ACCEPTED"], wiped: false });
    expect(toListQuery(PROFILE_LIST_SHAPE, filtered)).toBe("status=ACCEPTED&wiped=no");
  });

  it("has browser shapes that match the strict contracts", () => {
    expect(profileList.shape).toEqual(PROFILE_LIST_SHAPE);
    expect(executionList.shape).toEqual(EXECUTION_LIST_SHAPE);
  });

  it("validates the strict form for non-URL inputs", () => {
    expect(profileList.ZParamsSchema.safeParse({ ...profileList.defaults, size: 1000 }).success).toBe(false);
    expect(profileList.ZParamsSchema.safeParse({ ...profileList.defaults, filters: { status: ["ACCEPTED"] } }).success).toBe(true);
    expect(profileList.ZParamsSchema.safeParse({ ...profileList.defaults, filters: { nope: 1 } }).success).toBe(false);
  });
});
