/**
 * How each provider switches a hybrid model's thinking on or off: one row per provider rule, each
 * with its documentation source, tested row by row. The Think switch in the composer is shown only
 * when a row applies, and the fields a row writes are part of the request "View request" shows.
 */
import type { ProviderFamily } from './provider-options';

/** Who is asked. */
export interface ThinkTarget {
  family: ProviderFamily;
  /** The preset the settings came from (`ollama`, `vllm`, `custom`, …), when known. */
  presetId?: string;
  baseUrl: string;
  model: string;
}

/** A request body being built; a rule sets or removes its own fields. */
export type RequestBody = Record<string, unknown>;

/** One provider's way to switch thinking. */
export interface ThinkRule {
  /** The provider and models, as shown in the docs. */
  provider: string;
  /** Where the rule comes from. */
  source: string;
  applies: (target: ThinkTarget) => boolean;
  /** Writes the choice into a body that already holds every other field. */
  apply: (body: RequestBody, isOn: boolean) => void;
}

/** The host (and port) of a base URL, lower case, or `''` for a relative path like `/api/v1`. */
function hostOf(baseUrl: string): string {
  return /^[a-z][a-z\d+.-]*:\/\/([^/?#]+)/i.exec(baseUrl.trim())?.[1]?.toLowerCase() ?? '';
}

const isLocalHost = (host: string) =>
  /^(?:127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1\])(?::|$)/.test(host);

/** Qwen3 and GLM 4.5+ hybrids; `-Thinking` and `-Instruct` releases have one mode only. */
const isHybridOpenModel = (model: string) =>
  /qwen3|glm-?4\.[5-9]|glm-?[5-9]/i.test(model) && !/thinking|instruct/i.test(model);

/** First matching row wins. */
export const THINK_RULES: readonly ThinkRule[] = [
  {
    provider: 'OpenRouter (any model)',
    source: 'openrouter.ai/docs/use-cases/reasoning-tokens: reasoning.enabled',
    applies: (t) => t.family === 'openrouter',
    apply: (body, isOn) => {
      const reasoning = typeof body.reasoning === 'object' ? body.reasoning : {};
      body.reasoning = isOn ? { ...reasoning, enabled: true } : { enabled: false };
    },
  },
  {
    provider: 'Groq, Qwen3',
    source:
      'console.groq.com/docs/reasoning: reasoning_effort "none" turns reasoning off, "default" on',
    applies: (t) => t.family === 'groq' && /qwen3/i.test(t.model),
    apply: (body, isOn) => {
      body.reasoning_effort = isOn ? 'default' : 'none';
    },
  },
  {
    provider: 'DeepSeek V4 (not the R1-era deepseek-reasoner)',
    source: 'api-docs.deepseek.com/guides/thinking_mode: thinking.type "enabled" | "disabled"',
    applies: (t) => t.family === 'deepseek' && !/reasoner|r1/i.test(t.model),
    apply: (body, isOn) => {
      body.thinking = { type: isOn ? 'enabled' : 'disabled' };
      if (!isOn) delete body.reasoning_effort;
    },
  },
  {
    provider: 'Anthropic, Claude 3.7 and later',
    source:
      'platform.claude.com/docs/en/build-with-claude/extended-thinking: thinking is on when the request carries it',
    applies: (t) =>
      t.family === 'anthropic' && /claude-(?:3-7|(?:opus|sonnet|haiku)-[4-9]|[4-9])/.test(t.model),
    apply: (body, isOn) => {
      if (!isOn) delete body.thinking;
    },
  },
  {
    provider: 'Gemini 2.5 Flash and Flash-Lite',
    source:
      'ai.google.dev/gemini-api/docs/openai: reasoning_effort "none" turns thinking off (not on 2.5 Pro or Gemini 3)',
    applies: (t) => t.family === 'gemini' && /gemini-2\.5-flash/.test(t.model),
    apply: (body, isOn) => {
      if (isOn) return;
      body.reasoning_effort = 'none';
      delete body.extra_body;
    },
  },
  {
    provider: 'Kimi (Moonshot), K2.5 and later',
    source: 'platform.moonshot.ai/docs: thinking.type "enabled" | "disabled"',
    applies: (t) =>
      /(?:^|\.)moonshot\.(?:ai|cn)$/.test(hostOf(t.baseUrl)) && !/thinking/.test(t.model),
    apply: (body, isOn) => {
      body.thinking = { type: isOn ? 'enabled' : 'disabled' };
    },
  },
  {
    provider: 'Alibaba Cloud Model Studio (DashScope), Qwen3 hybrids',
    source: 'alibabacloud.com/help/en/model-studio/deep-thinking: enable_thinking',
    applies: (t) =>
      /(?:^|\.)dashscope(?:-intl|-us)?\.aliyuncs\.com$/.test(hostOf(t.baseUrl)) &&
      /qwen/i.test(t.model) &&
      !/thinking|instruct/i.test(t.model),
    apply: (body, isOn) => {
      body.enable_thinking = isOn;
    },
  },
  {
    provider: 'Ollama (OpenAI-compatible /v1)',
    source:
      'docs.ollama.com/api/openai-compatibility and ollama middleware/openai.go: reasoning_effort "none" means think: false',
    applies: (t) => t.presetId === 'ollama' || /:11434$/.test(hostOf(t.baseUrl)),
    apply: (body, isOn) => {
      if (!isOn) body.reasoning_effort = 'none';
    },
  },
  {
    provider: 'vLLM, SGLang and llama.cpp serving Qwen3 or GLM 4.5+',
    source:
      'docs.vllm.ai/en/latest/features/reasoning_outputs.html, docs.sglang.ai (separate reasoning), llama.cpp tools/server/README.md: chat_template_kwargs.enable_thinking',
    // A local server of unknown kind counts, LM Studio (which documents no such field) does not.
    applies: (t) =>
      (['vllm', 'llamacpp', 'sglang'].includes(t.presetId ?? '') ||
        (t.family === 'generic' &&
          t.presetId !== 'lmstudio' &&
          isLocalHost(hostOf(t.baseUrl)) &&
          !/:1234$/.test(hostOf(t.baseUrl)))) &&
      isHybridOpenModel(t.model),
    apply: (body, isOn) => {
      const kwargs = typeof body.chat_template_kwargs === 'object' ? body.chat_template_kwargs : {};
      body.chat_template_kwargs = { ...kwargs, enable_thinking: isOn };
    },
  },
];

/** The rule that switches thinking for this provider and model, if it can be switched. */
export function thinkRuleFor(target: ThinkTarget): ThinkRule | undefined {
  return THINK_RULES.find((rule) => rule.applies(target));
}
