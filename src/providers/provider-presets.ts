/**
 * Known providers and the settings that connect to them.
 */
import type { ProviderFamily, RequestOptions } from '../core/requests/provider-options';
import type { ApiStyle } from '../core/api-styles/api-style-registry';
import presetList from './provider-presets.json';

/** How to reach a provider: everything a chat completions request needs. */
export interface ProviderSettings {
  /** Which preset the settings came from (`deepseek`, `ollama`, `custom`, …). */
  presetId: string;
  /** Display name of the provider, kept with every message it produced. */
  providerName: string;
  /** The OpenAI-compatible base URL, e.g. `https://api.deepseek.com` or `/api/demo/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>` when not empty. Kept in this browser only. */
  apiKey: string;
  /** The `model` of each request. */
  model: string;
  /** The wire protocol. */
  apiStyle: ApiStyle;
  /** Which provider-specific request rules apply. */
  family: ProviderFamily;
  /** Reasoning effort, max tokens and the like; only supported ones are sent. */
  options: RequestOptions;
  /**
   * The composer's Think switch for this provider and model, where a Think rule applies
   * (`core/requests/think-rules.ts`). Remembered on its own (`think-choice-store.ts`), not saved
   * with these settings.
   */
  think?: boolean;
}

/** A preset in the Settings dialog. */
export interface ProviderPreset {
  id: string;
  name: string;
  baseUrl: string;
  model: string;
  /** Whether requests need an API key. */
  needsKey: boolean;
  apiStyle: ApiStyle;
  family: ProviderFamily;
  /** Options a new selection of this preset starts with. */
  options?: RequestOptions;
  /** One line on where the settings come from. */
  hint: string;
  /** Served by Ruminate's own server (`npm start`): the Demo, or an upstream set by environment. */
  isServer?: boolean;
}

/**
 * Presets for providers people run reasoning models on, in the order Settings lists them. Base URLs
 * come from each provider's docs. The list is data (`provider-presets.json`) so that the Demo
 * provider on the server (`server/demo/`) names exactly these presets without a second copy.
 */
export const PROVIDER_PRESETS = presetList as readonly ProviderPreset[];

/** A provider offered by Ruminate's own server (`GET /api/server-providers`). */
export interface ServerProvider {
  id: string;
  name: string;
  baseUrl: string;
  model: string;
  kind: 'proxy' | 'demo';
}

/** Turns a server-provided provider into a preset. */
export function serverPreset(provider: ServerProvider): ProviderPreset {
  return {
    id: provider.id,
    name: provider.name,
    baseUrl: provider.baseUrl,
    model: provider.model,
    needsKey: false,
    isServer: true,
    apiStyle: 'chat-completions',
    // The server names an upstream DeepSeek "DeepSeek (server)"; its history rules then apply.
    family: provider.kind === 'proxy' && /deepseek/i.test(provider.name) ? 'deepseek' : 'generic',
    hint:
      provider.kind === 'demo'
        ? 'Scripted replies from Ruminate’s server, to try the app without a model.'
        : 'Ruminate’s server forwards requests and adds the API key it was started with.',
  };
}

/** Settings that select a preset as it is. */
export function settingsFromPreset(preset: ProviderPreset): ProviderSettings {
  return {
    presetId: preset.id,
    providerName: preset.name,
    baseUrl: preset.baseUrl,
    apiKey: '',
    model: preset.model,
    apiStyle: preset.apiStyle,
    family: preset.family,
    options: { ...preset.options },
  };
}
