import { describe, expect, it } from 'vitest';
import { buildReplyRequest } from '../core/requests/provider-request';
import { SUPPORTED_OPTIONS } from '../core/requests/request-spec';
import { PROVIDER_PRESETS } from './provider-presets';

// The presets are JSON (shared with the Demo provider), so TypeScript cannot check their unions.
describe('PROVIDER_PRESETS', () => {
  it.each(PROVIDER_PRESETS.map((preset) => [preset.id, preset] as const))(
    '%s has a known API style, family and options',
    (_id, preset) => {
      const request = buildReplyRequest({
        ...preset,
        baseUrl: preset.baseUrl || 'http://127.0.0.1:1/v1',
        apiKey: '',
        messages: [],
        options: preset.options ?? {},
      });
      expect(request?.url).toMatch(/^https?:\/\//);
      const supported: readonly string[] | undefined = SUPPORTED_OPTIONS[preset.family];
      expect(supported).toBeDefined();
      for (const key of Object.keys(preset.options ?? {})) expect(supported).toContain(key);
      expect(typeof preset.needsKey).toBe('boolean');
      expect(preset.name).not.toBe('');
    },
  );

  it('has unique ids', () => {
    const ids = PROVIDER_PRESETS.map((preset) => preset.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
