import { useSyncExternalStore } from 'react';
import {
  PROVIDER_PRESETS,
  serverPreset,
  settingsFromPreset,
  type ProviderPreset,
  type ProviderSettings,
} from '../../providers/provider-presets';
import { loadSettings, saveSettings, subscribeSettings } from './settings-store';
import { useServerProviders } from './use-server-providers';

/** The provider to use now, the presets to offer, and a way to change them. */
export interface ProviderSettingsState {
  /** `undefined` while the server's providers load, or when nothing is configured at all. */
  settings: ProviderSettings | undefined;
  presets: readonly ProviderPreset[];
  isLoading: boolean;
  save: (settings: ProviderSettings) => void;
}

/**
 * Saved settings win; otherwise the server's default (an upstream set by environment, else the
 * Demo). Saved settings that point at a server provider the server no longer offers fall back too.
 */
export function useProviderSettings(): ProviderSettingsState {
  const saved = useSyncExternalStore(subscribeSettings, loadSettings, () => undefined);
  const server = useServerProviders();
  const serverPresets = (server.data?.providers ?? []).map(serverPreset);
  const presets = [...serverPresets, ...PROVIDER_PRESETS];

  const isSavedUsable =
    saved !== undefined &&
    (presets.some((preset) => preset.id === saved.presetId && !preset.isServer) ||
      serverPresets.some((preset) => preset.id === saved.presetId) ||
      saved.presetId === 'custom');
  const serverDefault = serverPresets.find((p) => p.id === server.data?.defaultProviderId);
  const settings = isSavedUsable
    ? saved
    : serverDefault !== undefined
      ? settingsFromPreset(serverDefault)
      : undefined;

  return { settings, presets, isLoading: server.isPending, save: saveSettings };
}
