import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { thinkRuleFor, type ThinkRule } from '../../core/requests/think-rules';
import type { ProviderSettings } from '../../providers/provider-presets';
import {
  loadThinkChoices,
  saveThinkChoice,
  subscribeThinkChoices,
  thinkChoiceKey,
} from './think-choice-store';

/** The Think switch for the chosen provider and model. */
export interface ThinkChoice {
  /** How this provider switches thinking; `undefined` when it can't, and the switch is hidden. */
  rule: ThinkRule | undefined;
  /** On unless turned off for this provider and model. */
  isOn: boolean;
  /** Remembers a new position for this provider and model. */
  setOn: (isOn: boolean) => void;
  /** The settings to send with: `think` set where a rule applies, otherwise as given. */
  settings: ProviderSettings | undefined;
}

/** Reads and remembers the Think switch per provider and model. */
export function useThinkChoice(settings: ProviderSettings | undefined): ThinkChoice {
  const choices = useSyncExternalStore(subscribeThinkChoices, loadThinkChoices, loadThinkChoices);
  const rule = settings === undefined ? undefined : thinkRuleFor(settings);
  const isOn =
    settings === undefined
      ? true
      : (choices[thinkChoiceKey(settings.presetId, settings.model)] ?? true);
  const presetId = settings?.presetId;
  const model = settings?.model;
  const setOn = useCallback(
    (next: boolean) => {
      if (presetId === undefined || model === undefined) return;
      try {
        saveThinkChoice(presetId, model, next);
      } catch (error) {
        // Storage refused: the switch can't be remembered; the console says why.
        console.error('The Think switch could not be saved.', error);
      }
    },
    [presetId, model],
  );
  const sendSettings = useMemo(
    () => (settings === undefined || rule === undefined ? settings : { ...settings, think: isOn }),
    [settings, rule, isOn],
  );
  return { rule, isOn, setOn, settings: sendSettings };
}
