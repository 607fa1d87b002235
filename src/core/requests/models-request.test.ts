import { describe, expect, it } from 'vitest';
import { buildModelsRequest, canListModels, isUsableBaseUrl, readModelIds } from './models-request';

describe('buildModelsRequest', () => {
  it('asks OpenAI-compatible providers for GET {baseUrl}/models with a Bearer key', () => {
    expect(
      buildModelsRequest({
        apiStyle: 'chat-completions',
        baseUrl: 'https://api.deepseek.com/',
        apiKey: ' sk-1 ',
      }),
    ).toEqual({
      url: 'https://api.deepseek.com/models',
      headers: { Authorization: 'Bearer sk-1' },
    });
    expect(
      buildModelsRequest({
        apiStyle: 'responses',
        baseUrl: 'https://api.openai.com/v1',
        apiKey: '',
      }),
    ).toEqual({ url: 'https://api.openai.com/v1/models', headers: {} });
  });

  // Issue 11: Anthropic was asked for /models with a Bearer key.
  it('asks Anthropic for GET {baseUrl}/v1/models with x-api-key and anthropic-version', () => {
    const request = buildModelsRequest({
      apiStyle: 'anthropic-messages',
      baseUrl: 'https://api.anthropic.com',
      apiKey: 'sk-ant-1',
    });
    expect(request.url).toBe('https://api.anthropic.com/v1/models');
    expect(request.headers).toEqual({
      'x-api-key': 'sk-ant-1',
      'anthropic-version': '2023-06-01',
      'anthropic-dangerous-direct-browser-access': 'true',
    });
  });
});

describe('canListModels', () => {
  const deepseek = { apiStyle: 'chat-completions', baseUrl: 'https://api.deepseek.com' } as const;

  it('waits for a key when the provider needs one, and for a usable base URL always', () => {
    expect(canListModels({ ...deepseek, apiKey: '' }, true)).toBe(false);
    expect(canListModels({ ...deepseek, apiKey: '  ' }, true)).toBe(false);
    expect(canListModels({ ...deepseek, apiKey: 'sk-1' }, true)).toBe(true);
    expect(canListModels({ ...deepseek, apiKey: '' }, false)).toBe(true);
    expect(canListModels({ ...deepseek, baseUrl: '', apiKey: 'sk-1' }, false)).toBe(false);
    expect(canListModels({ ...deepseek, baseUrl: 'https:', apiKey: '' }, false)).toBe(false);
  });

  it('takes absolute http(s) URLs and paths on this server, nothing else', () => {
    for (const url of [
      'http://127.0.0.1:11434/v1',
      'https://api.x.ai/v1',
      '/api/demo/v1',
      '  /api/demo/v1 ',
    ]) {
      expect(isUsableBaseUrl(url), url).toBe(true);
    }
    for (const url of ['api.deepseek.com', 'ftp://host/v1', '//host/v1', 'http://', '', 'h']) {
      expect(isUsableBaseUrl(url), url).toBe(false);
    }
  });
});

describe('readModelIds', () => {
  it('reads OpenAI and Anthropic lists, sorted', () => {
    expect(readModelIds({ object: 'list', data: [{ id: 'b' }, { id: 'a' }] })).toEqual(['a', 'b']);
    expect(
      readModelIds({
        data: [{ type: 'model', id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5' }],
        has_more: false,
      }),
    ).toEqual(['claude-sonnet-4-5']);
  });

  it('rejects other shapes', () => {
    expect(readModelIds({ models: [] })).toBeUndefined();
    expect(readModelIds({ data: [{ name: 'x' }] })).toBeUndefined();
    expect(readModelIds(null)).toBeUndefined();
    expect(readModelIds({ data: [{ id: 'a' }, null] })).toBeUndefined();
  });
});
