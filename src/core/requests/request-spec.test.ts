import { describe, expect, it } from 'vitest';
import { joinUrl, streamHeaders, supportedOptions } from './request-spec';

describe('joinUrl', () => {
  it('joins with exactly one slash, whatever slashes and spaces either side has', () => {
    expect(joinUrl('https://api.example.test/v1', 'models')).toBe(
      'https://api.example.test/v1/models',
    );
    expect(joinUrl('  https://api.example.test/v1//  ', '//chat/completions')).toBe(
      'https://api.example.test/v1/chat/completions',
    );
    expect(joinUrl('/api/demo/v1/', '/models')).toBe('/api/demo/v1/models');
  });
});

describe('streamHeaders', () => {
  it('sends JSON and asks for an event stream', () => {
    expect(streamHeaders()).toEqual({
      'Content-Type': 'application/json',
      Accept: 'text/event-stream',
    });
  });
});

describe('supportedOptions', () => {
  it('keeps the options a family takes and leaves unset ones out', () => {
    const options = { maxTokens: 100, temperature: 0.5, thinkingBudget: 2048 };
    expect(supportedOptions('generic', options)).toEqual({ maxTokens: 100, temperature: 0.5 });
    expect(supportedOptions('deepseek', options)).toEqual({ maxTokens: 100 });
    expect(Object.keys(supportedOptions('generic', { maxTokens: undefined }))).toEqual([]);
  });
});
