/**
 * The client's address, for what is limited per address (the sign-in failure budget). Behind a load
 * balancer every request comes from the balancer, so all clients would share one budget; the
 * balancer names the client in X-Forwarded-For, but anyone can send that header, so it is read only
 * as far as the proxies TRUST_PROXY trusts (config.ts): a number of hops in front of every process,
 * or the proxies' own addresses. Never trusts the header otherwise.
 */
import { BlockList, isIP } from 'node:net';
import type { TrustProxy } from '../config.ts';

/** `::ffff:192.0.2.1` (IPv4 on an IPv6 socket) as `192.0.2.1`; a port some proxies add, left off. */
function plain(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) return plain(bracketed[1]);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  if (withPort?.[1]) return withPort[1];
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** Whether a (plain) address is one of the trusted proxies. */
function proxyMatcher(proxies: string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of proxies) {
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    const version = isIP(address);
    return version !== 0 && list.check(address, version === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * A function from the TCP peer and the X-Forwarded-For header to the client's address. The header
 * lists the addresses each proxy saw, oldest first; each proxy appends the one it received from, so
 * the trustworthy part is at the right end: walk from the peer leftwards over trusted proxies only.
 */
export function clientAddressResolver(trust: TrustProxy): (peer: string, forwardedFor: string | undefined) => string {
  if (trust === null) return (peer) => plain(peer);
  const trusted = 'proxies' in trust ? proxyMatcher(trust.proxies) : null;
  return (peer, forwardedFor) => {
    const chain = [...(forwardedFor ?? '').split(',').map((a) => a.trim()).filter(Boolean), peer].map(plain);
    if (trusted === null) {
      // `hops` proxies stand in front of every process: the entry they appended last is the client's.
      return chain[Math.max(0, chain.length - 1 - (trust as { hops: number }).hops)]!;
    }
    let i = chain.length - 1;
    while (i > 0 && trusted(chain[i]!)) i--;
    return chain[i]!;
  };
}
