import { describe, expect, it } from 'vitest';
import { effortLevels } from './effort-scales';
import { buildReplyRequest, type ReplyRequestInput } from './provider-request';

function bodyWith(patch: Partial<ReplyRequestInput>) {
  return buildReplyRequest({
    family: 'generic',
    apiStyle: 'chat-completions',
    baseUrl: 'https://example.test/v1',
    apiKey: '',
    model: 'm',
    messages: [{ role: 'user', content: 'Hi' }],
    options: {},
    ...patch,
  }).body;
}

describe('effort scales', () => {
  it.each([
    ['deepseek', 'deepseek-v4-pro', ['low', 'high', 'max']],
    ['openai-responses', 'gpt-5-mini', ['minimal', 'low', 'medium', 'high']],
    ['openrouter', 'any', ['minimal', 'low', 'medium', 'high', 'xhigh']],
    ['anthropic', 'claude-opus-4-5', ['low', 'medium', 'high']],
    ['anthropic', 'claude-sonnet-4-6', ['low', 'medium', 'high', 'max']],
    ['anthropic', 'claude-opus-4-7', ['low', 'medium', 'high', 'xhigh', 'max']],
    ['anthropic', 'claude-sonnet-4-5', []],
    ['groq', 'qwen/qwen3-32b', []],
    ['groq', 'openai/gpt-oss-120b', ['low', 'medium', 'high']],
    ['gemini', 'gemini-2.5-flash', ['low', 'medium', 'high']],
    ['generic', 'qwen3:8b', ['low', 'medium', 'high']],
    // Claude model names on a server that is not Anthropic's follow that server's scale.
    ['generic', 'claude-opus-4-7', ['low', 'medium', 'high']],
    ['generic', 'claude-sonnet-4-6', ['low', 'medium', 'high']],
    ['generic', 'claude-opus-4-5', ['low', 'medium', 'high']],
    ['generic', 'claude-sonnet-4-5', ['low', 'medium', 'high']],
    ['generic', 'qwen3-32b', ['low', 'medium', 'high']],
  ] as const)('%s %s takes %j', (family, model, levels) => {
    expect(effortLevels({ family, model })).toEqual(levels);
  });

  it('sends a level on the provider’s scale and drops one that is not', () => {
    const deepseek = { family: 'deepseek', model: 'deepseek-v4-flash' } as const;
    expect(bodyWith({ ...deepseek, options: { reasoningEffort: 'max' } }).reasoning_effort).toBe(
      'max',
    );
    expect(bodyWith({ ...deepseek, options: { reasoningEffort: 'medium' } })).not.toHaveProperty(
      'reasoning_effort',
    );
  });

  it('sends Anthropic effort as output_config.effort only where the model takes it', () => {
    const anthropic = { family: 'anthropic', apiStyle: 'anthropic-messages' } as const;
    const opus = bodyWith({
      ...anthropic,
      model: 'claude-opus-4-6',
      options: { reasoningEffort: 'max' },
    });
    expect(opus.output_config).toEqual({ effort: 'max' });
    const sonnet = bodyWith({
      ...anthropic,
      model: 'claude-sonnet-4-5',
      options: { reasoningEffort: 'low' },
    });
    expect(sonnet).not.toHaveProperty('output_config');
  });

  it('asks Gemini for thought summaries', () => {
    expect(bodyWith({ family: 'gemini', model: 'gemini-2.5-pro' }).extra_body).toEqual({
      google: { thinking_config: { include_thoughts: true } },
    });
  });
});
