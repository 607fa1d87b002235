import type { ThinkChoice } from './use-think-choice';

/**
 * The composer's Think switch: a toggle button (`aria-pressed`), shown only when the provider can
 * switch the model's thinking on or off. Its title names the provider's rule.
 */
export function ThinkToggle({ choice }: { choice: ThinkChoice }) {
  const { rule, isOn, setOn } = choice;
  if (rule === undefined) return null;
  return (
    <button
      type="button"
      aria-pressed={isOn}
      title={`Thinking ${isOn ? 'on' : 'off'} (${rule.provider}: ${rule.source})`}
      onClick={() => setOn(!isOn)}
      className="rounded-xl border px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand aria-pressed:border-brand aria-pressed:bg-brand/10 aria-pressed:text-brand-deep border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:text-brand"
    >
      Think
    </button>
  );
}
