/**
 * The chosen provider, kept in localStorage under {@link SETTINGS_KEY}. The API key stays in this
 * browser and is sent only to the provider's base URL.
 */
import * as v from 'valibot';
import { API_STYLE_IDS } from '../../core/api-styles/api-style-registry';
import type { ReasoningPanelPolicy } from '../../core/chat/reasoning-panel-policy';
import {
  GROQ_REASONING_FORMATS,
  PROVIDER_FAMILIES,
  REASONING_EFFORTS,
} from '../../core/requests/provider-options';
import { createLocalStore } from '../../lib/local-store';
import type { ProviderSettings } from '../../providers/provider-presets';

/** The localStorage key, versioned so a future shape can migrate. */
export const SETTINGS_KEY = 'ruminate.provider.v1';

const OptionsSchema = v.object({
  reasoningEffort: v.optional(v.picklist(REASONING_EFFORTS)),
  maxTokens: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  temperature: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(2))),
  thinkingBudget: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1024))),
  groqReasoningFormat: v.optional(v.picklist(GROQ_REASONING_FORMATS)),
});

/** Saved settings; fields added after the first version get defaults, so old saves still load. */
const SettingsSchema = v.object({
  presetId: v.string(),
  providerName: v.string(),
  baseUrl: v.string(),
  apiKey: v.string(),
  model: v.string(),
  apiStyle: v.optional(v.picklist(API_STYLE_IDS), 'chat-completions'),
  family: v.optional(v.picklist(PROVIDER_FAMILIES), 'generic'),
  options: v.optional(OptionsSchema, {}),
});

const store = createLocalStore<ProviderSettings | undefined>(
  SETTINGS_KEY,
  SettingsSchema,
  undefined,
);

/** The saved settings, or `undefined` when none are saved or they are unreadable. */
export const loadSettings = store.load;

/**
 * Saves settings and notifies subscribers.
 * @throws when localStorage refuses the write (quota, or storage disabled).
 */
export const saveSettings = (settings: ProviderSettings) => store.save(settings);

/** For `useSyncExternalStore`: also follows changes made in other tabs. */
export const subscribeSettings = store.subscribe;

/** Display preferences, kept in localStorage. */
export interface Preferences {
  reasoningPanel: ReasoningPanelPolicy;
}

const PreferencesSchema = v.object({
  reasoningPanel: v.optional(v.picklist(['auto', 'open', 'folded']), 'auto'),
});

/** The preferences store (`ruminate.preferences.v1`). */
export const preferencesStore = createLocalStore<Preferences>(
  'ruminate.preferences.v1',
  PreferencesSchema,
  { reasoningPanel: 'auto' },
);
