import { describe, expect, it } from 'vitest';
import {
  ANTHROPIC_DEFAULT_MAX_TOKENS,
  ANTHROPIC_DEFAULT_THINKING_BUDGET,
} from '../api-styles/anthropic-messages-style';
import { buildReplyRequest, maskRequest, type ReplyRequestInput } from './provider-request';

const base: ReplyRequestInput = {
  family: 'generic',
  apiStyle: 'chat-completions',
  baseUrl: 'http://127.0.0.1:8080/v1/',
  apiKey: '',
  model: 'qwen3',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hi' },
  ],
  options: {},
};

describe('buildReplyRequest', () => {
  it('builds a plain chat completions request with usage and no key header when no key is set', () => {
    const request = buildReplyRequest(base);
    expect(request.url).toBe('http://127.0.0.1:8080/v1/chat/completions');
    expect(request.headers.Authorization).toBeUndefined();
    // Strict: an option left unset is no key at all, not a key holding `undefined`.
    expect(request.body).toStrictEqual({
      model: 'qwen3',
      messages: base.messages,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('adds a bearer key and the supported options only', () => {
    const request = buildReplyRequest({
      ...base,
      apiKey: ' sk-1 ',
      options: { reasoningEffort: 'low', maxTokens: 100, temperature: 0.2, thinkingBudget: 5000 },
    });
    expect(request.headers.Authorization).toBe('Bearer sk-1');
    expect(request.body).toMatchObject({
      reasoning_effort: 'low',
      max_tokens: 100,
      temperature: 0.2,
    });
    expect(request.body).not.toHaveProperty('thinking');
  });

  it('sends OpenRouter effort as reasoning.effort', () => {
    const body = buildReplyRequest({
      ...base,
      family: 'openrouter',
      options: { reasoningEffort: 'high' },
    }).body;
    expect(body.reasoning).toEqual({ effort: 'high' });
    expect(body).not.toHaveProperty('reasoning_effort');
  });

  it('never sends a temperature to DeepSeek', () => {
    const body = buildReplyRequest({
      ...base,
      family: 'deepseek',
      options: { temperature: 1 },
    }).body;
    expect(body).not.toHaveProperty('temperature');
  });

  it('sends Groq reasoning_format', () => {
    const body = buildReplyRequest({
      ...base,
      family: 'groq',
      options: { groqReasoningFormat: 'parsed' },
    }).body;
    expect(body.reasoning_format).toBe('parsed');
  });

  it('builds a Responses API request with reasoning summaries and instructions', () => {
    const request = buildReplyRequest({
      ...base,
      family: 'openai-responses',
      apiStyle: 'responses',
      baseUrl: 'https://api.openai.com/v1',
      apiKey: 'sk-2',
      options: { reasoningEffort: 'medium', maxTokens: 2000, temperature: 1 },
    });
    expect(request.url).toBe('https://api.openai.com/v1/responses');
    expect(request.body).toEqual({
      model: 'qwen3',
      input: [{ role: 'user', content: 'Hi' }],
      instructions: 'Be brief.',
      stream: true,
      reasoning: { summary: 'auto', effort: 'medium' },
      max_output_tokens: 2000,
    });
  });

  it('builds an Anthropic Messages request with thinking, browser access and a max above the budget', () => {
    const request = buildReplyRequest({
      ...base,
      family: 'anthropic',
      apiStyle: 'anthropic-messages',
      baseUrl: 'https://api.anthropic.com',
      apiKey: 'sk-ant',
      options: { thinkingBudget: 4000, maxTokens: 1000 },
    });
    expect(request.url).toBe('https://api.anthropic.com/v1/messages');
    expect(request.headers).toMatchObject({
      'x-api-key': 'sk-ant',
      'anthropic-version': '2023-06-01',
      'anthropic-dangerous-direct-browser-access': 'true',
    });
    expect(request.headers.Authorization).toBeUndefined();
    expect(request.body).toMatchObject({
      system: 'Be brief.',
      thinking: { type: 'enabled', budget_tokens: 4000 },
      max_tokens: 5024,
      messages: [{ role: 'user', content: 'Hi' }],
    });
  });
});

describe('buildReplyRequest without a key, a system prompt or options', () => {
  const bare = { ...base, messages: [{ role: 'user' as const, content: 'Hi' }] };

  it('sends a Responses request without instructions or a token limit', () => {
    const request = buildReplyRequest({
      ...bare,
      family: 'openai-responses',
      apiStyle: 'responses',
    });
    expect(request.headers.Authorization).toBeUndefined();
    expect(request.body).toStrictEqual({
      model: 'qwen3',
      input: [{ role: 'user', content: 'Hi' }],
      stream: true,
      reasoning: { summary: 'auto' },
    });
  });

  it('sends an Anthropic request with the default budget and limit, and no system or key', () => {
    const request = buildReplyRequest({
      ...bare,
      family: 'anthropic',
      apiStyle: 'anthropic-messages',
      baseUrl: 'https://api.anthropic.com',
      apiKey: '  ',
    });
    expect(request.headers).not.toHaveProperty('x-api-key');
    expect(request.body).toStrictEqual({
      model: 'qwen3',
      max_tokens: ANTHROPIC_DEFAULT_MAX_TOKENS,
      stream: true,
      thinking: { type: 'enabled', budget_tokens: ANTHROPIC_DEFAULT_THINKING_BUDGET },
      messages: [{ role: 'user', content: 'Hi' }],
    });
    const keyed = buildReplyRequest({
      ...bare,
      family: 'anthropic',
      apiStyle: 'anthropic-messages',
      apiKey: ' sk-ant ',
    });
    expect(keyed.headers['x-api-key']).toBe('sk-ant');
  });
});

describe('buildReplyRequest with two system messages', () => {
  const twoSystems = {
    ...base,
    messages: [
      { role: 'system' as const, content: 'Be brief.' },
      { role: 'system' as const, content: 'Answer in French.' },
      { role: 'user' as const, content: 'Hi' },
    ],
  };

  it('joins them with a blank line where the style takes one system text', () => {
    const responses = buildReplyRequest({ ...twoSystems, apiStyle: 'responses' });
    expect(responses.body.instructions).toBe('Be brief.\n\nAnswer in French.');
    const anthropic = buildReplyRequest({ ...twoSystems, apiStyle: 'anthropic-messages' });
    expect(anthropic.body.system).toBe('Be brief.\n\nAnswer in French.');
  });
});

describe('maskRequest', () => {
  it('keeps only the last four characters of secrets', () => {
    const masked = maskRequest(buildReplyRequest({ ...base, apiKey: 'sk-very-secret-1234' }));
    expect(masked.headers.Authorization).toBe('Bearer ****1234');
    expect(JSON.stringify(masked)).not.toContain('very-secret');
  });

  it('hides short secrets entirely', () => {
    const masked = maskRequest({ url: '', headers: { 'x-api-key': 'abc' }, body: {} });
    expect(masked.headers['x-api-key']).toBe('****');
  });

  it('hides keys of 5 to 8 characters entirely and shows the last four of a 9-character key', () => {
    // Showing four characters of a short key would give most of it away.
    const mask = (key: string) =>
      maskRequest({ url: '', headers: { Authorization: `Bearer ${key}` }, body: {} }).headers
        .Authorization;
    expect(mask('12345')).toBe('Bearer ****');
    expect(mask('12345678')).toBe('Bearer ****');
    expect(mask('123456789')).toBe('Bearer ****6789');
  });

  it('masks every secret header whatever its case, and keeps the others', () => {
    const masked = maskRequest({
      url: 'https://example.test/v1',
      headers: {
        'API-Key': 'azure-key-abcdefgh',
        'X-Api-Key': 'anthropic-key-1234',
        'Content-Type': 'application/json',
        'anthropic-version': '2023-06-01',
      },
      body: { model: 'm' },
    });
    expect(masked).toEqual({
      url: 'https://example.test/v1',
      headers: {
        'API-Key': '****efgh',
        'X-Api-Key': '****1234',
        'Content-Type': 'application/json',
        'anthropic-version': '2023-06-01',
      },
      body: { model: 'm' },
    });
  });
});
