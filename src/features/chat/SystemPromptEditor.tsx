import { useId, useState } from 'react';

interface SystemPromptEditorProps {
  value: string;
  onSave: (text: string) => void;
}

/** The conversation's optional system prompt, folded away until wanted; saved when it loses focus. */
export function SystemPromptEditor({ value, onSave }: SystemPromptEditorProps) {
  const [draft, setDraft] = useState<string>();
  const id = useId();
  const text = draft ?? value;
  return (
    <details className="min-w-0 flex-1 px-4 pt-3 text-sm">
      <summary className="cursor-pointer select-none text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200">
        System prompt{value.trim() !== '' ? ' · set' : ''}
      </summary>
      <label htmlFor={id} className="sr-only">
        System prompt
      </label>
      <textarea
        id={id}
        value={text}
        placeholder="Optional instructions sent before every message of this conversation"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          if (draft !== undefined && draft !== value) onSave(draft);
          setDraft(undefined);
        }}
        className="field-sizing-content mt-2 min-h-16 w-full resize-none rounded-lg border border-zinc-300 bg-white px-3 py-2 outline-none focus:border-brand focus:ring-2 focus:ring-brand/20 dark:border-zinc-700 dark:bg-zinc-900"
      />
    </details>
  );
}
