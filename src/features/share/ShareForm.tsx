import { useEffect, useId, useState } from 'react';
import { toExportedConversation } from '../../core/share/conversation-export';
import { toJsonExport, toMarkdown } from '../../core/share/export';
import { encodeShareFragment, ShareLinkEncodeError } from '../../core/share/share-link-codec';
import { toSharedTranscript, turnOf, type SharedTranscript } from '../../core/share/transcript';
import { CopyButton } from '../../components/ui/copy-button';
import { downloadText, fileNameFrom } from './download';
import type { ShareTarget } from './ShareDialog';

/** Links longer than this (characters) get a warning: some apps cut long links. */
export const LONG_LINK_CHARS = 32 * 1024;

type Scope = 'conversation' | 'up-to' | 'turn';

function transcriptFor(target: ShareTarget, scope: Scope, includeReasoning: boolean) {
  const messages =
    scope === 'turn' && target.messageId !== undefined
      ? turnOf(target.messages, target.messageId)
      : target.messages;
  const upToMessageId = scope === 'up-to' ? target.messageId : undefined;
  return toSharedTranscript(target.title, messages, { includeReasoning, upToMessageId });
}

/**
 * Share a conversation or a turn as a link that carries the transcript itself (nothing is
 * uploaded), with or without reasoning and a passphrase; or download it as Markdown or JSON.
 */
export function ShareForm({ target, onClose }: { target: ShareTarget; onClose: () => void }) {
  const [includeReasoning, setIncludeReasoning] = useState(true);
  const [scope, setScope] = useState<Scope>(
    target.messageId === undefined ? 'conversation' : 'turn',
  );
  const [isProtected, setProtected] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  // Each result remembers the choices it was made for, so a link made before a change (say, before
  // a passphrase was typed) is never shown as the current one.
  const [link, setLink] = useState<({ url: string } | { error: string }) & { key: string }>();
  const ids = { reasoning: useId(), passphrase: useId(), link: useId() };
  const transcript: SharedTranscript = transcriptFor(target, scope, includeReasoning);
  const secret = isProtected ? passphrase : '';
  const inputKey = JSON.stringify([scope, includeReasoning, isProtected, secret]);

  useEffect(() => {
    let isCurrent = true;
    if (isProtected && secret === '') return;
    // Key derivation takes a moment, so a passphrase is encoded once typing pauses.
    const timer = setTimeout(
      () => {
        void encode();
      },
      secret === '' ? 0 : 400,
    );
    const encode = () =>
      encodeShareFragment(transcript, secret === '' ? {} : { passphrase: secret })
        .then((fragment) => {
          const url = new URL(window.location.href);
          url.search = '';
          url.hash = fragment;
          if (isCurrent) setLink({ url: url.href, key: inputKey });
        })
        .catch((error: unknown) => {
          const message =
            error instanceof ShareLinkEncodeError
              ? error.message
              : 'The link could not be made in this browser.';
          if (isCurrent) setLink({ error: message, key: inputKey });
        });
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // The transcript is derived from these inputs; re-encode only when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, scope, includeReasoning, secret, isProtected]);

  const needsPassphrase = isProtected && secret === '';
  const current = !needsPassphrase && link?.key === inputKey ? link : undefined;
  const url = current !== undefined && 'url' in current ? current.url : undefined;
  const isLong = url !== undefined && url.length > LONG_LINK_CHARS;
  const downloadJson = () => {
    const tree = target.tree ?? {
      title: target.title,
      systemPrompt: '',
      versionChoices: {},
      messages: target.messages,
    };
    const file = toJsonExport([toExportedConversation(tree, { includeReasoning })]);
    downloadText(fileNameFrom(target.title, 'json'), file, 'application/json');
  };

  return (
    <form method="dialog" className="flex flex-col gap-4" onSubmit={onClose}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        The link carries the transcript itself: nothing is uploaded, and anyone with the link can
        read it. Never included: your API key, base URL or settings.
      </p>
      <label htmlFor={ids.reasoning} className="flex items-center gap-3 text-sm font-medium">
        <input
          id={ids.reasoning}
          type="checkbox"
          role="switch"
          checked={includeReasoning}
          onChange={(event) => setIncludeReasoning(event.target.checked)}
          className="h-4 w-4 accent-brand"
        />
        Include reasoning
      </label>
      {target.messageId !== undefined && (
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <legend className="mb-1 font-medium">What to share</legend>
          {(
            [
              ['turn', 'This turn'],
              ['up-to', 'Up to this message'],
              ['conversation', 'Whole conversation'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="share-scope"
                value={value}
                checked={scope === value}
                onChange={() => setScope(value)}
                className="accent-brand"
              />
              {label}
            </label>
          ))}
        </fieldset>
      )}
      <div className="flex flex-col gap-2 text-sm">
        <label className="flex items-center gap-3 font-medium">
          <input
            type="checkbox"
            checked={isProtected}
            onChange={(event) => setProtected(event.target.checked)}
            className="h-4 w-4 accent-brand"
          />
          Protect with a passphrase
        </label>
        {isProtected && (
          <>
            <label htmlFor={ids.passphrase} className="sr-only">
              Passphrase
            </label>
            <input
              id={ids.passphrase}
              type="password"
              autoComplete="new-password"
              placeholder="Passphrase the reader will need"
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
              className="rounded-lg border border-zinc-300 bg-white px-3 py-2 outline-none focus:border-brand dark:border-zinc-700 dark:bg-zinc-900"
            />
          </>
        )}
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={ids.link} className="text-sm font-medium">
          Link
        </label>
        <div className="flex gap-2">
          <input
            id={ids.link}
            readOnly
            value={
              url ??
              (needsPassphrase || (link !== undefined && 'error' in link) ? '' : 'Making the link…')
            }
            onFocus={(event) => event.currentTarget.select()}
            className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
          {url !== undefined && <CopyButton text={url} label="Copy link" />}
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="link-length">
          {url !== undefined && `${url.length.toLocaleString('en')} characters.`}
          {needsPassphrase && 'Type a passphrase to protect the link.'}
          {current !== undefined && 'error' in current && current.error}
        </p>
        {isLong && (
          <p role="alert" className="text-sm text-amber-700 dark:text-amber-400">
            This link is over 32 KB; some apps cut long links. Download the .json as well to be
            safe.
          </p>
        )}
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        The link and Markdown hold the visible branch only; the .json keeps every version and
        branch.
      </p>
      <div className="flex flex-wrap justify-end gap-2 pt-1 text-sm">
        <button
          type="button"
          onClick={() =>
            downloadText(fileNameFrom(target.title, 'md'), toMarkdown(transcript), 'text/markdown')
          }
          className="rounded-lg px-3 py-2 font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          Download Markdown
        </button>
        <button
          type="button"
          onClick={downloadJson}
          className="rounded-lg px-3 py-2 font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          Download .json
        </button>
        <button
          type="submit"
          className="rounded-lg bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-deep"
        >
          Done
        </button>
      </div>
    </form>
  );
}
