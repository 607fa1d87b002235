import { useId, type ReactNode } from 'react';
import { effortLevels } from '../../core/requests/effort-scales';
import type { ProviderFamily, RequestOptions } from '../../core/requests/provider-options';
import { SUPPORTED_OPTIONS } from '../../core/requests/request-spec';

export const fieldClass =
  'w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/20 read-only:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:read-only:bg-zinc-800';

interface Props {
  family: ProviderFamily;
  /** The model: some providers' effort scales depend on it. */
  model?: string;
  options: RequestOptions;
  onChange: (options: RequestOptions) => void;
}

/** A labelled control; the label sits beside the control so its options don't join its name. */
function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

function toNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Effort levels as shown: `xhigh` is "Extra high". */
const EFFORT_LABELS: Record<string, string> = { xhigh: 'Extra high' };

/** The request options the provider family supports; unsupported ones are neither shown nor sent. */
export function RequestOptionsFields({ family, model = '', options, onChange }: Props) {
  const supported = new Set(SUPPORTED_OPTIONS[family]);
  const levels = effortLevels({ family, model });
  const id = useId();
  const set = (patch: Partial<RequestOptions>) => onChange({ ...options, ...patch });

  return (
    <fieldset className="grid grid-cols-1 gap-3 rounded-xl sm:grid-cols-2 border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium">Request options</legend>
      {supported.has('reasoningEffort') && levels.length > 0 && (
        <Field id={`${id}-effort`} label="Reasoning effort">
          <select
            id={`${id}-effort`}
            value={options.reasoningEffort ?? ''}
            onChange={(event) =>
              set({
                reasoningEffort: (event.target.value ||
                  undefined) as RequestOptions['reasoningEffort'],
              })
            }
            className={fieldClass}
          >
            <option value="">Provider default</option>
            {levels.map((level) => (
              <option key={level} value={level}>
                {EFFORT_LABELS[level] ?? level.charAt(0).toUpperCase() + level.slice(1)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {supported.has('groqReasoningFormat') && (
        <Field id={`${id}-format`} label="Reasoning format">
          <select
            id={`${id}-format`}
            value={options.groqReasoningFormat ?? ''}
            onChange={(event) =>
              set({
                groqReasoningFormat: (event.target.value ||
                  undefined) as RequestOptions['groqReasoningFormat'],
              })
            }
            className={fieldClass}
          >
            <option value="">Provider default</option>
            <option value="parsed">Parsed (own field)</option>
            <option value="raw">Raw (&lt;think&gt; tags)</option>
            <option value="hidden">Hidden</option>
          </select>
        </Field>
      )}
      {supported.has('thinkingBudget') && (
        <Field id={`${id}-budget`} label="Thinking budget (tokens)">
          <input
            id={`${id}-budget`}
            type="number"
            min={1024}
            step={1024}
            placeholder="8000"
            value={options.thinkingBudget ?? ''}
            onChange={(event) => set({ thinkingBudget: toNumber(event.target.value) })}
            className={fieldClass}
          />
        </Field>
      )}
      {supported.has('maxTokens') && (
        <Field id={`${id}-max`} label="Max tokens">
          <input
            id={`${id}-max`}
            type="number"
            min={1}
            placeholder="Provider default"
            value={options.maxTokens ?? ''}
            onChange={(event) => set({ maxTokens: toNumber(event.target.value) })}
            className={fieldClass}
          />
        </Field>
      )}
      {supported.has('temperature') && (
        <Field id={`${id}-temperature`} label="Temperature">
          <input
            id={`${id}-temperature`}
            type="number"
            min={0}
            max={2}
            step={0.1}
            placeholder="Provider default"
            value={options.temperature ?? ''}
            onChange={(event) => set({ temperature: toNumber(event.target.value) })}
            className={fieldClass}
          />
        </Field>
      )}
    </fieldset>
  );
}
