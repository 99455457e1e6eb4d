import ipaddr from "ipaddr.js";

/** Which peers may tell us who their client is (X-Forwarded-For, X-Forwarded-Host/Proto). */
export type TTrustedProxies = { readonly matches: (address: string) => boolean; readonly size: number };

type TRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.trim().replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(bare)) return null;
  const parsed = ipaddr.parse(bare);
  // A v4 peer on a dual-stack socket shows up as ::ffff:a.b.c.d; compare it as the v4 address it is.
  return parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
}

/** The canonical text of an IP address, or null for anything that is not one. */
export function canonicalAddress(address: string | null | undefined): string | null {
  if (!address || address.length > 64) return null;
  return normalise(address)?.toString() ?? null;
}

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (e.g. `127.0.0.1, 10.0.0.0/8, ::1`).
 * Empty (the default) trusts nobody: the client is always the socket's peer.
 */
export function parseTrustedProxies(value: string | undefined): TTrustedProxies {
  const ranges: TRange[] = [];
  for (const part of (value ?? "").split(",").map((p) => p.trim()).filter(Boolean)) {
    if (part.includes("/")) {
      ranges.push(ipaddr.parseCIDR(part));
      continue;
    }
    const address = normalise(part);
    if (!address) throw new Error(`TRUSTED_PROXIES: "${part}" is not an IP address or CIDR range`);
    ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
  }
  return {
    size: ranges.length,
    matches(candidate) {
      const address = normalise(candidate);
      if (!address) return false;
      return ranges.some(([base, bits]) => base.kind() === address.kind() && address.match(base as never, bits));
    },
  };
}

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy, in which case the
 * X-Forwarded-For chain is walked from the right (the hop our proxy appended) past every trusted
 * proxy. The first address not ours is the client; a malformed hop stops the walk, so a client can
 * never choose what is recorded by prepending values of its own.
 */
export function resolveClientAddress(
  socketAddress: string | null | undefined,
  forwardedFor: string | null | undefined,
  trusted: TTrustedProxies,
): string | null {
  let client = canonicalAddress(socketAddress);
  if (!client || !trusted.matches(client)) return client;
  const hops = (forwardedFor ?? "").split(",").map((h) => h.trim()).filter(Boolean).reverse();
  for (const hop of hops) {
    const address = canonicalAddress(hop);
    if (!address) return client;
    client = address;
    if (!trusted.matches(client)) return client;
  }
  return client;
}
