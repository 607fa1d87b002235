import { useId, useState, type FormEvent } from 'react';
import type { ProviderPreset, ProviderSettings } from '../../providers/provider-presets';
import { settingsFromPreset } from '../../providers/provider-presets';
import type { ReasoningPanelPolicy } from '../../core/chat/reasoning-panel-policy';
import { API_STYLES, type ApiStyle } from '../../core/api-styles/api-style-registry';
import type { Preferences } from './settings-store';
import { fieldClass, RequestOptionsFields } from './RequestOptionsFields';
import { TestConnection } from './TestConnection';
import { useModels } from './use-models';

/** What the form edits, and where the result goes. */
export interface SettingsFormProps {
  settings: ProviderSettings | undefined;
  presets: readonly ProviderPreset[];
  preferences: Preferences;
  onSave: (settings: ProviderSettings, preferences: Preferences) => void;
  onClose: () => void;
}

const inputClass = fieldClass;

/** Provider settings (preset, base URL, API key, model) and preferences, saved together. */
export function SettingsForm({
  settings,
  presets,
  preferences,
  onSave,
  onClose,
}: SettingsFormProps) {
  const [policy, setPolicy] = useState<ReasoningPanelPolicy>(preferences.reasoningPanel);
  const fallback = presets[0];
  const [draft, setDraft] = useState<ProviderSettings>(
    () => settings ?? (fallback ? settingsFromPreset(fallback) : emptySettings),
  );
  const preset = presets.find((p) => p.id === draft.presetId);
  const isServer = preset?.isServer === true;
  const models = useModels(draft, preset?.needsKey === true);
  const ids = {
    preset: useId(),
    baseUrl: useId(),
    apiKey: useId(),
    model: useId(),
    list: useId(),
    style: useId(),
    policy: useId(),
  };

  function choosePreset(id: string) {
    const next = presets.find((p) => p.id === id);
    if (next === undefined) return;
    const keepKey = next.id === draft.presetId ? draft.apiKey : '';
    setDraft({ ...settingsFromPreset(next), apiKey: keepKey });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onSave(
      { ...draft, baseUrl: draft.baseUrl.trim(), model: draft.model.trim() },
      { ...preferences, reasoningPanel: policy },
    );
  }

  return (
    <form onSubmit={handleSubmit} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={ids.preset} className="text-sm font-medium">
          Provider
        </label>
        <select
          id={ids.preset}
          value={draft.presetId}
          onChange={(event) => choosePreset(event.target.value)}
          className={inputClass}
        >
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {preset !== undefined && (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{preset.hint}</p>
        )}
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={ids.baseUrl} className="text-sm font-medium">
          Base URL
        </label>
        <input
          id={ids.baseUrl}
          value={draft.baseUrl}
          readOnly={isServer}
          required
          placeholder="https://api.example.com/v1"
          spellCheck={false}
          onChange={(event) =>
            setDraft({
              ...draft,
              baseUrl: event.target.value,
              presetId: 'custom',
              providerName: 'Custom',
            })
          }
          className={inputClass}
        />
      </div>
      {!isServer && (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={ids.apiKey} className="text-sm font-medium">
            API key
          </label>
          <input
            id={ids.apiKey}
            type="password"
            autoComplete="off"
            value={draft.apiKey}
            placeholder={preset?.needsKey ? 'Required' : 'Optional'}
            onChange={(event) => setDraft({ ...draft, apiKey: event.target.value })}
            className={inputClass}
          />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Kept in this browser and sent only to the base URL above.
          </p>
        </div>
      )}
      <div className="flex flex-col gap-1.5">
        <label htmlFor={ids.model} className="text-sm font-medium">
          Model
        </label>
        <input
          id={ids.model}
          list={ids.list}
          value={draft.model}
          required
          spellCheck={false}
          placeholder={models.isSuccess ? 'Choose or type a model' : 'Type a model name'}
          onChange={(event) => setDraft({ ...draft, model: event.target.value })}
          className={inputClass}
        />
        <datalist id={ids.list}>
          {models.data?.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
          {models.isFetching
            ? 'Loading the model list…'
            : models.isError
              ? `Could not load the model list. ${models.error.message} You can type the model name.`
              : models.isSuccess
                ? `${models.data.length} ${models.data.length === 1 ? 'model' : 'models'} available.`
                : ''}
        </p>
      </div>
      {!isServer && (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={ids.style} className="text-sm font-medium">
            API style
          </label>
          <select
            id={ids.style}
            value={draft.apiStyle}
            onChange={(event) => setDraft({ ...draft, apiStyle: event.target.value as ApiStyle })}
            className={inputClass}
          >
            {API_STYLES.map((style) => (
              <option key={style.id} value={style.id}>
                {style.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <TestConnection input={draft} />
      <RequestOptionsFields
        family={draft.family}
        model={draft.model}
        options={draft.options}
        onChange={(options) => setDraft({ ...draft, options })}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={ids.policy} className="text-sm font-medium">
          Thinking panel
        </label>
        <select
          id={ids.policy}
          value={policy}
          onChange={(event) => setPolicy(event.target.value as ReasoningPanelPolicy)}
          className={inputClass}
        >
          <option value="auto">Open while thinking, then fold</option>
          <option value="open">Always open</option>
          <option value="folded">Always folded</option>
        </select>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Your own toggle on a message always wins. Alt+R opens or folds every panel.
        </p>
      </div>
      <div className="flex justify-end gap-2 pt-2">
        <button
          type="button"
          onClick={onClose}
          className="rounded-lg px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          Cancel
        </button>
        <button
          type="submit"
          className="rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-deep"
        >
          Save
        </button>
      </div>
    </form>
  );
}

const emptySettings: ProviderSettings = {
  presetId: 'custom',
  providerName: 'Custom',
  baseUrl: '',
  apiKey: '',
  model: '',
  apiStyle: 'chat-completions',
  family: 'generic',
  options: {},
};
