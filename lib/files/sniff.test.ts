import { describe, expect, it } from "vitest";
import { contentDisposition, sniffContentType } from "./sniff";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("sniffContentType", () => {
  it("knows images and PDFs by their signatures", () => {
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a)).type).toBe("image/png");
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0)).type).toBe("image/jpeg");
    expect(sniffContentType(new TextEncoder().encode("%PDF-1.7\n")).type).toBe("application/pdf");
    expect(sniffContentType(new TextEncoder().encode("RIFF1234WEBPVP8 ")).type).toBe("image/webp");
  });

  it("serves anything else as octet-stream, whatever it claims to be", () => {
    expect(sniffContentType(new TextEncoder().encode("<html><script>alert(1)</script>"))).toEqual({ type: "application/octet-stream", ext: "bin", inlineSafe: false });
    expect(sniffContentType(bytes()).type).toBe("application/octet-stream");
  });
});

describe("contentDisposition", () => {
  it("cannot be broken by a name, and keeps the real name for UTF-8 browsers", () => {
    const header = contentDisposition("attachment", 'pass"port\r\n; evil=1/../x.html', "png");
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="[^"]+\.png"; filename\*=UTF-8''/);
    expect(header.split('"').length).toBe(3);
  });

  it("gives the extension the bytes proved and an ASCII fallback for accents", () => {
    expect(contentDisposition("inline", "Zoë Müller passport.exe", "jpg")).toBe(
      `inline; filename="Zoe Muller passport.jpg"; filename*=UTF-8''${encodeURIComponent("Zoë Müller passport.jpg")}`,
    );
  });
});
