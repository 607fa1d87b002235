import {
  forwardRef,
  useEffect,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { loadDraft, saveDraft } from './drafts';

interface ComposerProps {
  isStreaming: boolean;
  /**
   * Sends the text. The composer clears itself only when the send is accepted: returning `false`
   * (no provider, no model) keeps the text in the box.
   */
  onSend: (text: string) => boolean | void;
  onStop: () => void;
  /** Shown under the box: which provider and model will answer. */
  status: string;
  /** Controls shown beside Send (the Think switch). */
  tools?: ReactNode;
  /** Where the unsent text is kept (one draft per conversation, see `drafts.ts`). */
  draftKey: string;
}

/**
 * The message box: Enter sends, Shift+Enter adds a line, Send becomes Stop while streaming. The
 * unsent text is saved as the draft of the open conversation and comes back with it.
 */
export const Composer = forwardRef<HTMLTextAreaElement, ComposerProps>(function Composer(
  { isStreaming, onSend, onStop, status, tools, draftKey },
  ref,
) {
  const [text, setText] = useState(() => loadDraft(draftKey));
  const [shownKey, setShownKey] = useState(draftKey);
  if (shownKey !== draftKey) {
    setShownKey(draftKey);
    setText(loadDraft(draftKey));
  }
  useEffect(() => saveDraft(shownKey, text), [shownKey, text]);
  const canSend = !isStreaming && text.trim() !== '';

  function send() {
    if (!canSend) return;
    if (onSend(text) !== false) setText('');
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (isStreaming) onStop();
    else send();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    } else if (event.key === 'Escape' && isStreaming) {
      event.preventDefault();
      onStop();
    }
  }

  return (
    <form
      onSubmit={handleSubmit}
      className="paint-layer mx-auto w-full max-w-chat px-3 pb-3 sm:px-4 sm:pb-4"
    >
      <div className="flex items-end gap-2 rounded-2xl border border-zinc-300 bg-white p-2 shadow-sm focus-within:border-brand focus-within:ring-2 focus-within:ring-brand/20 dark:border-zinc-700 dark:bg-zinc-900">
        <textarea
          ref={ref}
          aria-label="Message"
          placeholder="Ask something that needs thinking…"
          rows={1}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={handleKeyDown}
          className="field-sizing-content max-h-60 min-h-10 flex-1 resize-none bg-transparent px-2 py-2 outline-none placeholder:text-zinc-400"
        />
        {tools}
        {isStreaming ? (
          <button
            type="submit"
            className="rounded-xl bg-zinc-900 px-4 py-2 text-sm font-semibold text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand dark:bg-zinc-100 dark:text-zinc-900"
          >
            Stop
          </button>
        ) : (
          <button
            type="submit"
            disabled={!canSend}
            className="rounded-xl bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-deep focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand disabled:cursor-not-allowed disabled:opacity-40"
          >
            Send
          </button>
        )}
      </div>
      <p className="mt-1.5 px-2 text-xs text-zinc-500 dark:text-zinc-400">
        {status}
        <span className="keyboard-only">
          {' '}
          · Enter to send, Shift+Enter for a new line{isStreaming ? ', Esc to stop' : ''}
        </span>
      </p>
    </form>
  );
});
