/**
 * The chosen provider, kept in localStorage under {@link SETTINGS_KEY}. The API key stays in this
 * browser and is sent only to the provider's base URL.
 */
import * as v from 'valibot';
import type { ProviderSettings } from '../../providers/provider-presets';

/** The localStorage key, versioned so a future shape can migrate. */
export const SETTINGS_KEY = 'ruminate.provider.v1';

const OptionsSchema = v.object({
  reasoningEffort: v.optional(v.picklist(['minimal', 'low', 'medium', 'high'])),
  maxTokens: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  temperature: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(2))),
  thinkingBudget: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1024))),
  groqReasoningFormat: v.optional(v.picklist(['parsed', 'raw', 'hidden'])),
});

/** Saved settings; fields added after the first version get defaults, so old saves still load. */
const SettingsSchema = v.object({
  presetId: v.string(),
  providerName: v.string(),
  baseUrl: v.string(),
  apiKey: v.string(),
  model: v.string(),
  apiStyle: v.optional(
    v.picklist(['chat-completions', 'responses', 'anthropic-messages']),
    'chat-completions',
  ),
  family: v.optional(
    v.picklist(['generic', 'deepseek', 'openrouter', 'groq', 'openai-responses', 'anthropic']),
    'generic',
  ),
  options: v.optional(OptionsSchema, {}),
});

const listeners = new Set<() => void>();
let cached: { raw: string | null; value: ProviderSettings | undefined } | undefined;

function readRaw(): string | null {
  try {
    return localStorage.getItem(SETTINGS_KEY);
  } catch {
    return null;
  }
}

/** The saved settings, or `undefined` when none are saved or they are unreadable. */
export function loadSettings(): ProviderSettings | undefined {
  const raw = readRaw();
  if (cached?.raw === raw) return cached.value;
  let value: ProviderSettings | undefined;
  try {
    const parsed = v.safeParse(SettingsSchema, JSON.parse(raw ?? 'null'));
    value = parsed.success ? parsed.output : undefined;
  } catch {
    value = undefined;
  }
  cached = { raw, value };
  return value;
}

/**
 * Saves settings and notifies subscribers.
 * @throws when localStorage refuses the write (quota, or storage disabled).
 */
export function saveSettings(settings: ProviderSettings): void {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  for (const listener of listeners) listener();
}

/** For `useSyncExternalStore`: also follows changes made in other tabs. */
export function subscribeSettings(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === SETTINGS_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
