import { useEffect, useState } from 'react';

/**
 * A small button that copies `text` to the clipboard and says so for two seconds. It reads
 * `label` ("Copy answer"), or just "Copy" when `isCompact` (a code block's own bar).
 */
export function CopyButton({
  text,
  label,
  isCompact = false,
}: {
  text: string;
  label: string;
  isCompact?: boolean;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function handleClick() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <button
      type="button"
      onClick={handleClick}
      className="rounded px-2 py-0.5 text-xs font-medium text-zinc-600 hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-brand dark:text-zinc-300 dark:hover:bg-zinc-700"
      aria-label={label}
    >
      <span aria-live="polite">
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Copy failed'
            : isCompact
              ? 'Copy'
              : label}
      </span>
    </button>
  );
}
