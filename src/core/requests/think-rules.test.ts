import { describe, expect, it } from 'vitest';
import { buildReplyRequest, type ReplyRequestInput } from './provider-request';
import { THINK_RULES, thinkRuleFor } from './think-rules';

const messages = [{ role: 'user' as const, content: 'Hi' }];

function input(patch: Partial<ReplyRequestInput>): ReplyRequestInput {
  return {
    family: 'generic',
    apiStyle: 'chat-completions',
    baseUrl: 'https://example.test/v1',
    apiKey: '',
    model: 'some-model',
    messages,
    options: {},
    ...patch,
  };
}

/** The body fields a Think choice adds, changes or removes, compared with no choice at all. */
function thinkFields(patch: Partial<ReplyRequestInput>, think: boolean) {
  const plain = buildReplyRequest(input(patch)).body;
  const chosen = buildReplyRequest(input({ ...patch, think })).body;
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(plain), ...Object.keys(chosen)])) {
    if (JSON.stringify(plain[key]) !== JSON.stringify(chosen[key])) changed[key] = chosen[key];
  }
  return changed;
}

interface Case {
  target: Partial<ReplyRequestInput>;
  on: Record<string, unknown>;
  off: Record<string, unknown>;
}

/** One case per rule, keyed by the rule's provider; each shows what on and off send. */
const CASES: Record<string, Case> = {
  'OpenRouter (any model)': {
    target: { family: 'openrouter', model: 'qwen/qwen3-32b', options: { reasoningEffort: 'high' } },
    on: { reasoning: { effort: 'high', enabled: true } },
    off: { reasoning: { enabled: false } },
  },
  'Groq, Qwen3': {
    target: { family: 'groq', model: 'qwen/qwen3-32b', options: { groqReasoningFormat: 'parsed' } },
    on: { reasoning_effort: 'default' },
    off: { reasoning_effort: 'none' },
  },
  'DeepSeek V4 (not the R1-era deepseek-reasoner)': {
    target: { family: 'deepseek', model: 'deepseek-v4-pro', options: { reasoningEffort: 'max' } },
    on: { thinking: { type: 'enabled' } },
    off: { thinking: { type: 'disabled' }, reasoning_effort: undefined },
  },
  'Anthropic, Claude 3.7 and later': {
    target: { family: 'anthropic', apiStyle: 'anthropic-messages', model: 'claude-sonnet-4-5' },
    on: {},
    off: { thinking: undefined },
  },
  'Gemini 2.5 Flash and Flash-Lite': {
    target: { family: 'gemini', model: 'gemini-2.5-flash' },
    on: {},
    off: { reasoning_effort: 'none', extra_body: undefined },
  },
  'Kimi (Moonshot), K2.5 and later': {
    target: { baseUrl: 'https://api.moonshot.ai/v1', model: 'kimi-k2.5' },
    on: { thinking: { type: 'enabled' } },
    off: { thinking: { type: 'disabled' } },
  },
  'Alibaba Cloud Model Studio (DashScope), Qwen3 hybrids': {
    target: {
      baseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
      model: 'qwen-plus',
    },
    on: { enable_thinking: true },
    off: { enable_thinking: false },
  },
  'Ollama (OpenAI-compatible /v1)': {
    target: { presetId: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen3:8b' },
    on: {},
    off: { reasoning_effort: 'none' },
  },
  'vLLM, SGLang and llama.cpp serving Qwen3 or GLM 4.5+': {
    target: { presetId: 'vllm', baseUrl: 'http://127.0.0.1:8000/v1', model: 'Qwen/Qwen3-8B' },
    on: { chat_template_kwargs: { enable_thinking: true } },
    off: { chat_template_kwargs: { enable_thinking: false } },
  },
};

describe('Think rules', () => {
  it('has a case for every rule, and every rule names a documentation source', () => {
    expect(THINK_RULES.map((rule) => rule.provider).sort()).toEqual(Object.keys(CASES).sort());
    for (const rule of THINK_RULES) expect(rule.source).toMatch(/^[a-z\d-]+(?:\.[a-z\d-]+)+\/\S+/);
  });

  describe.each(Object.entries(CASES))('%s', (provider, { target, on, off }) => {
    it('is the rule chosen for this provider and model', () => {
      expect(thinkRuleFor(input(target))?.provider).toBe(provider);
    });

    it('sends thinking on the provider’s way', () => {
      expect(thinkFields(target, true)).toStrictEqual(on);
    });

    it('sends thinking off the provider’s way', () => {
      expect(thinkFields(target, false)).toStrictEqual(off);
    });
  });

  it('keeps the Anthropic thinking block when on, with its budget', () => {
    const target = {
      family: 'anthropic',
      apiStyle: 'anthropic-messages',
      model: 'claude-opus-4-1',
    };
    const on = buildReplyRequest(input({ ...(target as Partial<ReplyRequestInput>), think: true }));
    expect(on.body.thinking).toEqual({ type: 'enabled', budget_tokens: 8000 });
  });

  it('merges with other chat template kwargs on llama.cpp', () => {
    const body = buildReplyRequest(
      input({
        presetId: 'llamacpp',
        baseUrl: 'http://127.0.0.1:8080/v1',
        model: 'GLM-4.5-Air',
        think: false,
      }),
    ).body;
    expect(body.chat_template_kwargs).toEqual({ enable_thinking: false });
  });

  it.each<[string, Partial<ReplyRequestInput>]>([
    [
      'R1-era deepseek-reasoner, which always thinks',
      { family: 'deepseek', model: 'deepseek-reasoner' },
    ],
    [
      'gpt-oss on Groq, which cannot stop reasoning',
      { family: 'groq', model: 'openai/gpt-oss-20b' },
    ],
    ['Gemini 2.5 Pro, which cannot stop thinking', { family: 'gemini', model: 'gemini-2.5-pro' }],
    [
      'a thinking-only Qwen3 release',
      {
        presetId: 'vllm',
        baseUrl: 'http://127.0.0.1:8000/v1',
        model: 'Qwen3-30B-A3B-Thinking-2507',
      },
    ],
    [
      'a model without a switch on vLLM',
      { presetId: 'vllm', baseUrl: 'http://127.0.0.1:8000/v1', model: 'deepseek-r1' },
    ],
    [
      'a remote OpenAI-compatible API',
      { presetId: 'custom', baseUrl: 'https://api.example.com/v1', model: 'qwen3-32b' },
    ],
    [
      'Claude 3.5, which has no extended thinking',
      { family: 'anthropic', apiStyle: 'anthropic-messages', model: 'claude-3-5-haiku-latest' },
    ],
    [
      'Kimi K2 Thinking, which always thinks',
      { baseUrl: 'https://api.moonshot.ai/v1', model: 'kimi-k2-thinking' },
    ],
    [
      'LM Studio, which documents no switch',
      { presetId: 'lmstudio', baseUrl: 'http://127.0.0.1:1234/v1', model: 'qwen3-8b' },
    ],
    [
      'the Demo on a relative base URL',
      { presetId: 'demo', baseUrl: '/api/demo/v1', model: 'qwen3' },
    ],
  ])('offers no switch and sends nothing for %s', (_, target) => {
    expect(thinkRuleFor(input(target))).toBeUndefined();
    expect(thinkFields(target, false)).toEqual({});
  });

  it('sends nothing when no choice was made', () => {
    const target = { presetId: 'vllm', baseUrl: 'http://127.0.0.1:8000/v1', model: 'qwen3' };
    expect(buildReplyRequest(input(target)).body).not.toHaveProperty('chat_template_kwargs');
  });
});

describe('thinkRuleFor: which rule a provider, base URL and model fall under', () => {
  const VLLM = 'vLLM, SGLang and llama.cpp serving Qwen3 or GLM 4.5+';
  it.each<[Partial<ReplyRequestInput>, string | undefined]>([
    // Hosts are matched on the host alone, whatever the case, spaces and path.
    [
      { baseUrl: '  HTTPS://API.MOONSHOT.CN/v1 ', model: 'kimi-k2.5' },
      'Kimi (Moonshot), K2.5 and later',
    ],
    [{ baseUrl: 'https://platform.moonshot.ai.example.test/v1', model: 'kimi-k2.5' }, undefined],
    [{ baseUrl: 'https://notmoonshot.ai/v1', model: 'kimi-k2.5' }, undefined],
    [{ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3' }, 'Ollama (OpenAI-compatible /v1)'],
    [{ baseUrl: 'http://127.0.0.1:114340/v1', model: 'llama3' }, undefined],
    // A local server of unknown kind serving a hybrid model.
    [{ baseUrl: 'http://localhost:8000/v1', model: 'GLM4.5-Air' }, VLLM],
    [{ baseUrl: 'http://localhost/v1', model: 'glm5' }, VLLM],
    [{ baseUrl: 'http://[::1]:8080/v1', model: 'qwen3-8b' }, VLLM],
    [{ baseUrl: 'http://0.0.0.0:8080/v1', model: 'qwen3-8b' }, VLLM],
    [{ baseUrl: 'http://localhost.example.test/v1', model: 'qwen3-8b' }, undefined],
    [{ baseUrl: 'http://my127.0.0.1:8080/v1', model: 'qwen3-8b' }, undefined],
    [{ baseUrl: 'http://127.0.0.1:12345/v1', model: 'qwen3-8b' }, VLLM],
    [{ baseUrl: 'http://127.0.0.1:1234/v1', model: 'qwen3-8b' }, undefined],
    [{ baseUrl: 'http://localhost:8000/v1', model: 'glm4' }, undefined],
    [{ baseUrl: 'http://localhost:8000/v1', model: 'Qwen3-Instruct' }, undefined],
    [
      { family: 'openrouter', baseUrl: 'http://localhost:8000/v1', model: 'qwen3' },
      'OpenRouter (any model)',
    ],
    // Families: a model name alone does not pick another family's rule.
    [{ family: 'generic', model: 'claude-sonnet-4-5' }, undefined],
    [{ family: 'anthropic', model: 'claude-sonnet-4-5' }, 'Anthropic, Claude 3.7 and later'],
    [{ family: 'generic', model: 'gemini-2.5-flash' }, undefined],
    [{ family: 'gemini', model: 'gemini-2.5-flash' }, 'Gemini 2.5 Flash and Flash-Lite'],
    // The host comes from the start of the base URL only.
    [{ baseUrl: 'https://moonshot.ai/v1', model: 'kimi-k2.5' }, 'Kimi (Moonshot), K2.5 and later'],
    [
      { baseUrl: 'https://api.moonshot.ai/v1?next=http://example.test', model: 'kimi-k2.5' },
      'Kimi (Moonshot), K2.5 and later',
    ],
    [{ baseUrl: '/proxy/https://api.moonshot.ai/v1', model: 'kimi-k2.5' }, undefined],
    [
      { baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1', model: 'qwen-plus' },
      'Alibaba Cloud Model Studio (DashScope), Qwen3 hybrids',
    ],
    [{ baseUrl: 'https://dashscope.aliyuncs.com.example.test/v1', model: 'qwen-plus' }, undefined],
    // Presets count wherever the server is.
    [
      { presetId: 'ollama', baseUrl: 'http://gpu-box:8080/v1', model: 'llama3' },
      'Ollama (OpenAI-compatible /v1)',
    ],
    [{ presetId: 'sglang', baseUrl: 'https://gpu.example.test/v1', model: 'qwen3-8b' }, VLLM],
    [{ presetId: 'llamacpp', baseUrl: 'https://gpu.example.test/v1', model: 'glm-4.5' }, VLLM],
    [{ presetId: 'lmstudio', baseUrl: 'http://localhost:8080/v1', model: 'qwen3-8b' }, undefined],
    [{ family: 'groq', baseUrl: 'http://localhost:8000/v1', model: 'glm-4.5' }, undefined],
  ])('%j → %s', (target, provider) => {
    expect(thinkRuleFor(input(target))?.provider).toBe(provider);
  });

  it('keeps other reasoning fields of OpenRouter when thinking is on', () => {
    const body: Record<string, unknown> = { reasoning: { effort: 'high' } };
    thinkRuleFor(input({ family: 'openrouter' }))?.apply(body, true);
    expect(body).toEqual({ reasoning: { effort: 'high', enabled: true } });
    const plain: Record<string, unknown> = { reasoning: 'high' };
    thinkRuleFor(input({ family: 'openrouter' }))?.apply(plain, true);
    expect(plain).toEqual({ reasoning: { enabled: true } });
  });

  it('keeps the effort of DeepSeek V4 with thinking on, and the thinking field of Claude', () => {
    const deepseek: Record<string, unknown> = { reasoning_effort: 'high' };
    thinkRuleFor(input({ family: 'deepseek', model: 'deepseek-v4' }))?.apply(deepseek, true);
    expect(deepseek).toEqual({ reasoning_effort: 'high', thinking: { type: 'enabled' } });
    const claude: Record<string, unknown> = { thinking: { type: 'enabled', budget_tokens: 2048 } };
    thinkRuleFor(input({ family: 'anthropic', model: 'claude-opus-4-1' }))?.apply(claude, true);
    expect(claude).toEqual({ thinking: { type: 'enabled', budget_tokens: 2048 } });
  });

  it('merges with chat template kwargs already in the body, and replaces a value that is not an object', () => {
    const rule = thinkRuleFor(input({ presetId: 'vllm', model: 'qwen3' }));
    const merged: Record<string, unknown> = { chat_template_kwargs: { custom: 1 } };
    rule?.apply(merged, false);
    expect(merged).toEqual({ chat_template_kwargs: { custom: 1, enable_thinking: false } });
    const replaced: Record<string, unknown> = { chat_template_kwargs: 'x' };
    rule?.apply(replaced, true);
    expect(replaced).toEqual({ chat_template_kwargs: { enable_thinking: true } });
  });
});
