/**
 * The benchmark's reference page: the app's own stream pipeline (`createReplyDecoder` →
 * `applyStreamEvent`, state outside React, published to React at most once per animation frame and
 * synchronously at the end), rendered by a reference markdown renderer instead of the app's:
 *
 *   ?renderer=react-markdown  react-markdown + remark-gfm over the whole text at every publish
 *   ?renderer=streamdown      Streamdown (block-memoized, remend repair), `isAnimating` while live
 *   ?renderer=plain           no markdown: the text in a `white-space: pre-wrap` block
 *   ?renderer=none            only the text's length: the cost of the stream pipeline and one
 *                             commit per frame, without rendering text (the floor, for
 *                             `bench/profile.mjs`; probes are not found, so latencies are not timed)
 *
 * Provider settings and the panel preference come from the app's localStorage keys, and the DOM uses
 * the app's test ids (`assistant-message` with `data-status`, `reasoning`, `answer`, a textbox named
 * "Message"), so the same harness measures both. `?history=<turns>&seed=<n>` shows earlier turns
 * first (W5): the JSON export of `synth-history.mjs` that the harness imports into the app, read
 * with the app's parser.
 */
import {
  memo,
  StrictMode,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react';
import { createRoot } from 'react-dom/client';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Streamdown } from 'streamdown';
import { createReplyDecoder } from '../../src/core/api-styles/reply-decoder';
import { buildReplyRequest } from '../../src/core/requests/provider-request';
import { toChatTree } from '../../src/core/share/conversation-export';
import { parseJsonImport } from '../../src/core/share/export';
import {
  applyStreamEvent,
  createAssistantMessage,
  isStreaming,
  type AssistantMessageEvent,
  type AssistantMessageState,
} from '../../src/core/stream/assistant-message';
import { historyExport } from '../synth-history.mjs';
import './styles.css';

const query = new URLSearchParams(window.location.search);
const renderer =
  (['streamdown', 'plain', 'none'] as const).find((r) => r === query.get('renderer')) ??
  'react-markdown';
const historyTurns = Number(query.get('history') ?? '0');
const historySeed = Number(query.get('seed') ?? '1');

function readJson(key: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const settings = readJson('ruminate.provider.v1');
const panel = readJson('ruminate.preferences.v1').reasoningPanel === 'folded' ? 'folded' : 'open';
const remarkPlugins = [remarkGfm];

interface Turn {
  id: string;
  question: string;
  state: AssistantMessageState;
}

/** The conversation outside React, like the app's `ChatSession`. */
class Session {
  private turns: Turn[];
  private snapshot: readonly Turn[];
  private readonly listeners = new Set<() => void>();
  private live: Turn | undefined;
  private isFrameScheduled = false;

  constructor(history: Turn[]) {
    this.turns = history;
    this.snapshot = history;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  isBusy(): boolean {
    return this.live !== undefined;
  }

  async send(question: string): Promise<void> {
    if (this.live !== undefined) return;
    const turn: Turn = { id: `t${this.turns.length}`, question, state: createAssistantMessage() };
    this.live = turn;
    this.turns = [...this.turns, turn];
    this.apply({ type: 'request-sent' });
    this.publish();
    const request = buildReplyRequest({
      family: 'generic',
      apiStyle: 'chat-completions',
      baseUrl: String(settings.baseUrl ?? ''),
      apiKey: String(settings.apiKey ?? ''),
      model: String(settings.model ?? ''),
      messages: [{ role: 'user', content: question }],
      options: {},
    });
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: JSON.stringify(request.body),
      });
      if (!response.ok || response.body === null) {
        this.apply({
          type: 'http-error',
          status: response.status,
          error: { message: await response.text() },
        });
        return;
      }
      const decoder = createReplyDecoder('chat-completions');
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const before: AssistantMessageState | undefined = this.live?.state;
        this.apply({ type: 'data-received' });
        for (const event of decoder.feed(value)) this.apply(event);
        if (this.live?.state !== before) this.schedulePublish();
      }
      for (const event of decoder.end()) this.apply(event);
      this.apply({ type: 'stream-end' });
    } catch (error) {
      this.apply({ type: 'connection-lost', message: String(error) });
    } finally {
      this.publish();
    }
  }

  private apply(event: AssistantMessageEvent): void {
    const live = this.live;
    if (live === undefined) return;
    const state = applyStreamEvent(live.state, event, Date.now());
    if (state !== live.state) this.live = { ...live, state };
  }

  private schedulePublish(): void {
    if (this.isFrameScheduled) return;
    this.isFrameScheduled = true;
    requestAnimationFrame(() => {
      this.isFrameScheduled = false;
      this.publish();
    });
  }

  private publish(): void {
    const live = this.live;
    if (live === undefined) return;
    this.turns = this.turns.map((turn) => (turn.id === live.id ? live : turn));
    if (!isStreaming(live.state.status)) this.live = undefined;
    this.snapshot = this.turns;
    for (const listener of this.listeners) listener();
  }
}

function Markdown({ text, isLive }: { text: string; isLive: boolean }) {
  if (renderer === 'streamdown') return <Streamdown isAnimating={isLive}>{text}</Streamdown>;
  if (renderer === 'plain') return <div className="whitespace-pre-wrap">{text}</div>;
  if (renderer === 'none') return <div>{text.length.toLocaleString('en')} characters</div>;
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={remarkPlugins}>{text}</ReactMarkdown>
    </div>
  );
}

const TurnView = memo(function TurnView({ turn }: { turn: Turn }) {
  const { state } = turn;
  const isLive = isStreaming(state.status);
  return (
    <>
      <div
        data-testid="user-message"
        className="ml-auto max-w-[85%] rounded-2xl bg-zinc-100 px-4 py-2 dark:bg-zinc-800"
      >
        {turn.question}
      </div>
      <article data-testid="assistant-message" data-status={state.status} aria-busy={isLive}>
        {state.reasoning !== '' && (
          <section className="reasoning-panel mb-3 rounded-xl border border-zinc-200 bg-zinc-50/70 dark:border-zinc-800 dark:bg-zinc-900/60">
            <button
              type="button"
              aria-expanded={panel === 'open'}
              className="flex w-full items-center gap-2 px-3 py-2 text-left text-sm font-medium text-zinc-600"
            >
              Thinking
            </button>
            {panel === 'open' && (
              <div
                data-testid="reasoning"
                className="px-3 pb-3 text-sm text-zinc-600 dark:text-zinc-300"
              >
                <Markdown text={state.reasoning} isLive={isLive} />
              </div>
            )}
          </section>
        )}
        <div data-testid="answer" className="min-h-6">
          {state.answer !== '' && <Markdown text={state.answer} isLive={isLive} />}
        </div>
      </article>
    </>
  );
});

/**
 * W5's earlier turns, read from the same JSON export the harness imports into the app, through the
 * app's own parser (`parseJsonImport`, `toChatTree`).
 */
function historyTurnsOf(turns: number, seed: number): Turn[] {
  const parsed = parseJsonImport(historyExport(turns, seed));
  if (!parsed.ok) throw new Error(parsed.error);
  const { messages } = toChatTree(parsed.conversations[0]!);
  const out: Turn[] = [];
  let question = '';
  for (const message of messages) {
    if (message.role === 'user') question = message.content;
    else out.push({ id: message.id, question, state: message.state });
  }
  return out;
}

function App({ session }: { session: Session }) {
  const turns = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const [text, setText] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);

  // Follow new text, as the app's message list does.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element !== null) element.scrollTop = element.scrollHeight;
  });

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (text.trim() === '' || session.isBusy()) return;
    void session.send(text);
    setText('');
    composerRef.current?.focus();
  }

  return (
    <div className="flex h-dvh flex-col">
      <div ref={scrollRef} data-testid="message-list" className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto flex w-full max-w-chat flex-col gap-6 px-4 py-6">
          {turns.map((turn) => (
            <TurnView key={turn.id} turn={turn} />
          ))}
        </div>
      </div>
      <div className="mx-auto w-full max-w-chat px-3 pb-3 sm:px-4 sm:pb-4">
        <textarea
          ref={composerRef}
          aria-label="Message"
          rows={1}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={handleKeyDown}
          className="field-sizing-content max-h-60 min-h-10 w-full resize-none rounded-2xl border border-zinc-300 px-3 py-2"
        />
        <p className="mt-1.5 px-2 text-xs text-zinc-500">Reference renderer: {renderer}</p>
      </div>
    </div>
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');
const session = new Session(historyTurns > 0 ? historyTurnsOf(historyTurns, historySeed) : []);
createRoot(root).render(
  <StrictMode>
    <App session={session} />
  </StrictMode>,
);
