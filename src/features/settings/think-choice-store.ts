/**
 * The Think switch's position for each provider and model, kept in localStorage under
 * `ruminate.think.v1` as `{ "<preset id> <model>": boolean }`.
 */
import * as v from 'valibot';
import { createLocalStore } from '../../lib/local-store';

/** Choices by {@link thinkChoiceKey}. */
export type ThinkChoices = Readonly<Record<string, boolean>>;

const store = createLocalStore<ThinkChoices>(
  'ruminate.think.v1',
  v.record(v.string(), v.boolean()),
  {},
);

/** The key of a provider and model: the preset id and the model name. */
export function thinkChoiceKey(presetId: string, model: string): string {
  return `${presetId} ${model}`;
}

/** Every remembered choice; `{}` when none is saved or the saved value is unreadable. */
export const loadThinkChoices = store.load;

/** For `useSyncExternalStore`: also follows changes made in other tabs. */
export const subscribeThinkChoices = store.subscribe;

/**
 * Remembers the Think switch for one provider and model.
 * @throws when localStorage refuses the write (quota, or storage disabled).
 */
export function saveThinkChoice(presetId: string, model: string, isOn: boolean): void {
  store.save({ ...store.load(), [thinkChoiceKey(presetId, model)]: isOn });
}
