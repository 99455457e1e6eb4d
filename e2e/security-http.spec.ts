import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { APP_LOG_FILE } from "../playwright.config";
import { demoUser, openUserMenu, signIn, storageStateFor } from "./support/users";
import { latestAudit, seedUser, signedInClient } from "./support/world";

// Issue 12, items 4-12, as an outside client sees them.

test.describe("forwarded headers and request ids", () => {
  test("a client cannot choose the audited address or request id", async ({ baseURL }) => {
    const user = await seedUser("ANALYST", { label: "forged" });
    const client = await signedInClient(baseURL!, user);
    const res = await client.get("/api/me", {
      headers: { "x-forwarded-for": "6.6.6.6, 7.7.7.7", "x-real-ip": "6.6.6.6", "x-request-id": "forged-request-id", forwarded: "for=6.6.6.6" },
    });
    expect(res.status()).toBe(200);
    expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const signInRow = await latestAudit("auth.sign_in", user.email);
    expect(signInRow?.ip).toBe("127.0.0.1");

    const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await client.post("/api/auth/signout", { form: { csrfToken, json: "true" }, headers: { "x-forwarded-for": "6.6.6.6", "x-request-id": "forged-request-id" } });
    const signOutRow = await latestAudit("auth.sign_out", user.email);
    expect(signOutRow?.ip).toBe("127.0.0.1");
    expect(signOutRow?.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(signOutRow?.request_id).not.toBe("forged-request-id");
  });
});

test.describe("security headers", () => {
  test("every page carries a nonce CSP and the framing, sniffing, referrer and permission policies", async ({ request }) => {
    const res = await request.get("/login");
    const headers = res.headers();
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
    const html = await res.text();
    expect(html).toContain(`nonce="${nonce}"`);
    const second = (await request.get("/login")).headers()["content-security-policy"];
    expect(second).not.toBe(csp);
  });

  test("pages run under the policy with no violation, and the API is not cached", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("ANALYST") });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await openUserMenu(page);
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
    expect(violations).toEqual([]);
    const me = await context.request.get("/api/me");
    expect(me.headers()["cache-control"]).toBe("no-store");
    const pageResponse = await context.request.get("/");
    expect(pageResponse.headers()["cache-control"]).toContain("no-store");
    await context.close();
  });
});

test.describe("webhook bodies", () => {
  test("Jumio's token is checked before the body, sizes are capped and JSON is required", async ({ request }) => {
    const big = "x".repeat(2 * 1024 * 1024);
    const noToken = await request.post("/api/webhooks/jumio", { data: big, headers: { "content-type": "application/json" } });
    expect(noToken.status()).toBe(401);
    const token = process.env.JUMIO_CALLBACK_TOKEN!;
    const tooBig = await request.post(`/api/webhooks/jumio?token=${encodeURIComponent(token)}`, { data: big, headers: { "content-type": "application/json" } });
    expect(tooBig.status()).toBe(413);
    const notJson = await request.post(`/api/webhooks/jumio?token=${encodeURIComponent(token)}`, { data: "{}", headers: { "content-type": "text/plain" } });
    expect(notJson.status()).toBe(415);
    const trulioo = await request.post("/api/webhooks/trulioo", { data: big, headers: { "content-type": "application/json" } });
    expect(trulioo.status()).toBe(413);
    expect(await trulioo.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });
});

test.describe("anonymous requests that used to answer 500", () => {
  for (const path of [
    "/login?error=toString",
    "/login?error=__proto__",
    "/login?error=constructor&callbackUrl=%00",
    "/api/auth/session?callbackUrl=abc",
    "/api/auth/csrf?callbackUrl=abc",
    "/api/auth/providers?callbackUrl=abc",
    "/api/auth/error?error=%00",
    "/api/auth/callback/credentials",
    "/api/auth/signin/nope",
  ]) {
    test(`GET ${path} answers below 500`, async ({ request }) => {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status(), await res.text()).toBeLessThan(500);
      expect(res.status()).toBeGreaterThanOrEqual(200);
    });
  }

  test("the sign-in page shows a message for an unknown error key", async ({ page }) => {
    await page.goto("/login?error=toString");
    await expect(page.getByText("Sign-in failed. Try again.")).toBeVisible();
  });
});

test.describe("paths that are not valid percent-encoding", () => {
  test("answer 400 with a message, signed in or not, instead of Next's bare 500", async ({ request, browser }) => {
    const anonymous = await request.get("/api/auth/%ZZ", { maxRedirects: 0 });
    expect(anonymous.status()).toBe(400);
    expect(await anonymous.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
    const context = await browser.newContext({ storageState: storageStateFor("ANALYST") });
    for (const path of ["/profiles/%ZZ", "/executions/%E0%A4%A", "/api/files/jumio/%ZZ/a/FRONT", "/api/profiles/%C3/services/a/0"]) {
      const res = await context.request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "BAD_REQUEST", message: expect.stringContaining("not valid") } });
    }
    // The query is the pages' to read: a stray % there is only ignored.
    expect((await context.request.get("/profiles?q=%ZZ")).status()).toBe(200);
    await context.close();
  });
});

test.describe("logs", () => {
  test("a CR/LF inside a request value cannot write a line of its own", async ({ request }) => {
    const marker = `FORGED-${Date.now()}`;
    await request.get(`/api/auth/session?callbackUrl=${encodeURIComponent(`\r\n${marker} level=info`)}`);
    await request.get(`/api/auth/signin/${encodeURIComponent(`x\r\n${marker}`)}`);
    await request.post("/api/webhooks/trulioo", { data: `{"x":"\r\n${marker}"}`, headers: { "content-type": "application/json" } });
    await request.get(`/profiles/${encodeURIComponent(`\r\n${marker}`)}`);
    await expect.poll(() => readFileSync(APP_LOG_FILE, "utf8").length).toBeGreaterThan(0);
    const lines = readFileSync(APP_LOG_FILE, "utf8").split(/\r?\n|\r/);
    const forged = lines.filter((line) => line.trimStart().startsWith(marker));
    expect(forged).toEqual([]);
  });
});

test.describe("server actions from another origin", () => {
  test("answer 403, also when a forwarded host claims to be the other origin", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: storageStateFor("ADMIN") });
    const page = await context.newPage();
    await page.goto("/admin/users");
    const me = demoUser("ADMIN");
    const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    const row = page.getByTestId(`user-row-${me.email}`);
    await row.getByRole("combobox", { name: `Role of ${me.email}` }).click();
    await page.getByRole("option", { name: "Analyst" }).click();
    const action = await captured;
    await expect(page.getByText("This is the last active admin")).toBeVisible();
    const variants: Record<string, string>[] = [{}, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }];
    for (const extra of variants) {
      const res = await context.request.post(new URL(action.url()).pathname, {
        headers: { ...extra, "next-action": action.headers()["next-action"]!, origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" },
        data: action.postData() ?? "[]",
      });
      expect(res.status()).toBe(403);
    }
    const same = await context.request.post(new URL(action.url()).pathname, {
      headers: { "next-action": action.headers()["next-action"]!, origin: new URL(baseURL!).origin, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      data: action.postData() ?? "[]",
    });
    expect(same.status()).toBe(200);
    await context.close();
  });
});

test("signing in still works with the policy in force", async ({ page }) => {
  const user = demoUser("AUDITOR");
  await page.goto("/login");
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});
