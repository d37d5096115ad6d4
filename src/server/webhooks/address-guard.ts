// The SSRF rule for webhook URLs. Operators pick the URL, but not what its host resolves to: a
// receiver's DNS can point at the server's own network (cloud metadata on 169.254.169.254,
// admin ports on loopback). So names are resolved and checked before every send (DNS changes),
// and IP literals are refused already when an endpoint is added.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Env switch that lets webhooks reach private addresses (receivers on the same host or LAN). */
export const ALLOW_PRIVATE_ENV = 'CHARTMARK_WEBHOOK_ALLOW_PRIVATE';

/** Resolves a host name to all its addresses, as node:dns `lookup` with `all: true` does. */
export type HostLookup = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

/** The system resolver (node:dns lookup, all addresses, in the resolver's order). */
export const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

function ipv4Kind(a: number, b: number, c: number, d: number): string | null {
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 100 && b >= 64 && b <= 127) return 'carrier-grade NAT';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a === 255 && b === 255 && c === 255 && d === 255) return 'broadcast';
  if (a >= 240) return 'reserved';
  return null;
}

// Eight 16-bit words of a valid IPv6 text (isIP already said so), embedded IPv4 tail included.
function ipv6Words(ip: string): number[] {
  let s = ip.split('%')[0]!;
  const colon = s.lastIndexOf(':');
  const tail = s.slice(colon + 1);
  if (tail.includes('.')) {
    const [a, b, c, d] = tail.split('.').map(Number) as [number, number, number, number];
    s = `${s.slice(0, colon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = s.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const r = rest ? rest.split(':') : [];
  const fill = rest === undefined ? 0 : 8 - h.length - r.length;
  return [...h, ...Array<string>(fill).fill('0'), ...r].map((w) => Number.parseInt(w, 16));
}

/** What kind of non-public address `ip` is ('loopback', 'private', …), or null when it is public. */
export function nonPublicKind(ip: string): string | null {
  const version = isIP(ip);
  if (version === 4) {
    const [a, b, c, d] = ip.split('.').map(Number) as [number, number, number, number];
    return ipv4Kind(a, b, c, d);
  }
  if (version !== 6) return null;
  const w = ipv6Words(ip);
  const v4 = () => ipv4Kind(w[6]! >> 8, w[6]! & 255, w[7]! >> 8, w[7]! & 255);
  const zeroUpTo = (n: number) => w.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && w[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry
  // an IPv4 address that the connection ends up at.
  if (zeroUpTo(5) && w[5] === 0xffff) return v4();
  if (zeroUpTo(6)) return v4();
  if (w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0)) return v4();
  if ((w[0]! & 0xfe00) === 0xfc00) return 'private';
  if ((w[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((w[0]! & 0xff00) === 0xff00) return 'multicast';
  return null;
}

/** The refusal text for `address` of `kind`, naming the field and the switch. */
export function refusalMessage(address: string, kind: string): string {
  const article = /^[aeiou]/.test(kind) ? 'an' : 'a';
  return `url: host resolves to ${address}, ${article} ${kind} address; set ${ALLOW_PRIVATE_ENV}=1 to allow`;
}

/** The URL's host without IPv6 brackets. */
function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Throws the refusal when the URL's host is an IP literal that is not public (names pass). */
export function checkWebhookUrlLiteral(url: string): void {
  const host = hostOf(url);
  const kind = isIP(host) ? nonPublicKind(host) : null;
  if (kind !== null) throw new Error(refusalMessage(host, kind));
}

/** Where a send may connect, or why it must not be made. */
export type WebhookTarget =
  | { readonly address: string; readonly family: number }
  | { readonly error: string };

/**
 * Resolves the URL's host and returns the address to connect to (the first the resolver gave),
 * or why a send must not be made: the name does not resolve, or — unless `allowPrivate` — some
 * address is not public (one bad address is enough: a client may pick any of them).
 */
export async function resolveWebhookTarget(
  url: string,
  lookup: HostLookup = systemLookup,
  allowPrivate = false,
): Promise<WebhookTarget> {
  const host = hostOf(url);
  let addresses: readonly { address: string; family: number }[];
  const version = isIP(host);
  if (version !== 0) addresses = [{ address: host, family: version }];
  else {
    try {
      addresses = await lookup(host);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      return { error: `url: cannot resolve ${host}: ${err.code ?? err.message}` };
    }
    if (addresses.length === 0) return { error: `url: cannot resolve ${host}: no addresses` };
  }
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const kind = nonPublicKind(address);
      if (kind !== null) return { error: refusalMessage(address, kind) };
    }
  }
  const [first] = addresses;
  return { address: first!.address, family: first!.family };
}

/** Why a send to `url` must not be made under the address rule, or null when it may. */
export async function screenWebhookUrl(
  url: string,
  lookup: HostLookup = systemLookup,
): Promise<string | null> {
  const target = await resolveWebhookTarget(url, lookup);
  return 'error' in target ? target.error : null;
}
