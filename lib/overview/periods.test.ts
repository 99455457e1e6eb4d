import { describe, expect, it } from "vitest";
import { BACKLOG_BANDS, backlogDays, periodStart, periodsOf } from "./periods";

describe("overview periods", () => {
  it("starts weeks on Monday and months on the 1st, in UTC", () => {
    expect(periodStart("2026-12-01", "week")).toBe("2026-11-30"); // a Tuesday
    expect(periodStart("2026-11-30", "week")).toBe("2026-11-30");
    expect(periodStart("2026-12-06", "week")).toBe("2026-11-30"); // Sunday ends the week
    expect(periodStart("2026-12-31", "month")).toBe("2026-12-01");
  });

  it("lists twelve whole periods ending with the current one, each with its inclusive last day", () => {
    const weeks = periodsOf("12w", new Date("2026-12-01T23:59:59Z"));
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toMatchObject({ start: "2026-11-30", end: "2026-12-06", name: "Week of 30 Nov 2026 (so far)" });
    expect(weeks[10]?.name).toBe("Week of 23 Nov 2026");
    expect(weeks[0]).toMatchObject({ start: "2026-09-14", end: "2026-09-20" });
    const months = periodsOf("12m", new Date("2026-03-31T12:00:00Z"));
    expect(months.map((m) => m.start)).toEqual([
      "2025-04-01", "2025-05-01", "2025-06-01", "2025-07-01", "2025-08-01", "2025-09-01",
      "2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01",
    ]);
    expect(months.find((m) => m.start === "2026-02-01")?.end).toBe("2026-02-28");
  });

  it("gives each backlog band the days it covers, without gaps or overlaps", () => {
    const today = "2026-12-01";
    expect(BACKLOG_BANDS.map((band) => backlogDays(band, today))).toEqual([
      { modifiedFrom: "2026-12-01" },
      { modifiedFrom: "2026-11-29", modifiedTo: "2026-11-30" },
      { modifiedFrom: "2026-11-25", modifiedTo: "2026-11-28" },
      { modifiedFrom: "2026-11-02", modifiedTo: "2026-11-24" },
      { modifiedTo: "2026-11-01" },
    ]);
  });
});
