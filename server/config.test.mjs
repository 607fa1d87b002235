import { describe, expect, it } from 'vitest';
import { parseAllowedHosts, resolveUpstream } from './config.mjs';

describe('resolveUpstream', () => {
  it('refuses a base URL with a user name or password, without repeating it', () => {
    for (const baseUrl of [
      'https://user:hunter2@api.example.com/v1',
      'https://sk-abc@api.example.com',
    ]) {
      expect(() => resolveUpstream({ RUMINATE_BASE_URL: baseUrl })).toThrow(
        /user name or password/,
      );
      try {
        resolveUpstream({ RUMINATE_BASE_URL: baseUrl });
      } catch (error) {
        expect(String(error)).not.toContain('hunter2');
        expect(String(error)).not.toContain('sk-abc');
      }
    }
  });

  it('takes a plain base URL and its key', () => {
    expect(
      resolveUpstream({ RUMINATE_BASE_URL: 'http://127.0.0.1:8080/v1/', RUMINATE_API_KEY: 'k' }),
    ).toEqual({
      baseUrl: 'http://127.0.0.1:8080/v1',
      apiKey: 'k',
      model: '',
      name: '127.0.0.1:8080 (server)',
    });
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => resolveUpstream({ RUMINATE_BASE_URL: 'file:///etc/passwd' })).toThrow(/http/);
  });
});

describe('parseAllowedHosts', () => {
  it('splits on commas and spaces, lower-cases, and brackets IPv6 addresses', () => {
    expect(parseAllowedHosts(' Box.LAN, 192.168.1.20  fe80::1,[::2]')).toEqual([
      'box.lan',
      '192.168.1.20',
      '[fe80::1]',
      '[::2]',
    ]);
    expect(parseAllowedHosts(undefined)).toEqual([]);
  });
});
