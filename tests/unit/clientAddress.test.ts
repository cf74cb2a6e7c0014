/** TRUST_PROXY (config.ts) and the client's address it gives (http/clientAddress.ts). */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../server/config.ts';
import { clientAddressResolver } from '../../server/http/clientAddress.ts';

const trustOf = (value?: string) => parseConfig({ TRUST_PROXY: value }).trustProxy;

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    for (const value of [undefined, '', '0', 'false', 'off']) expect(trustOf(value)).toBeNull();
  });

  it('takes a number of hops, or proxy addresses and subnets', () => {
    expect(trustOf('2')).toEqual({ hops: 2 });
    expect(trustOf(' 10.0.0.5, 10.1.0.0/16 ,fd00::/8')).toEqual({ proxies: ['10.0.0.5', '10.1.0.0/16', 'fd00::/8'] });
  });

  it('refuses what is neither, naming it', () => {
    expect(() => trustOf('load-balancer')).toThrow(ConfigError);
    expect(() => trustOf('10.0.0.5, 10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
    expect(() => trustOf('11')).toThrow(/at most 10 hops/);
  });
});

describe('the client address', () => {
  it('is the TCP peer when no proxy is trusted, whatever the header says', () => {
    const address = clientAddressResolver(null);
    expect(address('192.0.2.1', '203.0.113.9')).toBe('192.0.2.1');
    expect(address('::ffff:192.0.2.1', undefined)).toBe('192.0.2.1');
  });

  it('is read from X-Forwarded-For only from a trusted proxy, walking from the right over trusted ones', () => {
    const address = clientAddressResolver({ proxies: ['10.0.0.5', '10.1.0.0/16'] });
    // The proxy appended the client's address; what the client itself sent (on the left) is ignored.
    expect(address('10.0.0.5', 'forged, 203.0.113.9')).toBe('203.0.113.9');
    expect(address('::ffff:10.0.0.5', '203.0.113.9, 10.1.4.4')).toBe('203.0.113.9');
    // A peer that is not a trusted proxy cannot name another address.
    expect(address('198.51.100.7', '203.0.113.9')).toBe('198.51.100.7');
    expect(address('10.0.0.5', undefined)).toBe('10.0.0.5');
    expect(address('10.0.0.5', '203.0.113.9:51234')).toBe('203.0.113.9');
  });

  it('with a number of hops, takes the entry the last of them appended', () => {
    const address = clientAddressResolver({ hops: 1 });
    expect(address('10.0.0.5', 'forged, 203.0.113.9')).toBe('203.0.113.9');
    expect(clientAddressResolver({ hops: 2 })('10.0.0.5', 'forged, 203.0.113.9, 10.9.9.9')).toBe('203.0.113.9');
    // Fewer entries than hops: the leftmost there is.
    expect(clientAddressResolver({ hops: 3 })('10.0.0.5', '203.0.113.9')).toBe('203.0.113.9');
  });
});
