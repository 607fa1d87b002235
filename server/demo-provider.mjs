/**
 * Ruminate's built-in Demo provider: a local OpenAI-compatible endpoint that needs no API key and
 * no network. It replays prepared conversations in DeepSeek's exact streaming wire format
 * (`reasoning_content` first, then `content`, usage on the finishing chunk, then `data: [DONE]`),
 * paced like a real model (about 50 tokens per second at speed 1).
 *
 * Used by `server/start.mjs` under `/api/demo/v1`:
 *   - `GET  /models`            → an OpenAI model list with the one model `ruminate-demo`
 *   - `POST /chat/completions`  → a streamed (or, with `stream: false`, a complete) reply
 */

import { once } from 'node:events';
import { setImmediate as nextTick, setTimeout as sleep } from 'node:timers/promises';
import { readBody } from './read-body.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @typedef {object} DemoConversation
 * @property {string} id Short name: `math`, `code`, `compare` or `default`.
 * @property {RegExp[]} keywords Patterns that select it from the last user message.
 * @property {string} reasoning The reasoning trace; `{{opening}}` is replaced by a sentence that
 *   quotes the user's question.
 * @property {string} answer The markdown answer.
 */

/**
 * @typedef {object} DemoOptions
 * @property {number} [speed] Pace multiplier: 1 ≈ 50 tokens per second, 10 = ten times faster.
 * @property {() => number} [random] Source of jitter in [0, 1), `Math.random` by default.
 */

/** The one model the Demo provider offers. */
export const DEMO_MODEL_ID = 'ruminate-demo';

const SYSTEM_FINGERPRINT = 'fp_ruminate_demo';
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Milliseconds per piece at speed 1, before jitter: 15–25 ms, i.e. 40–65 pieces per second. */
const PIECE_MS_MIN = 15;
const PIECE_MS_SPREAD = 10;
/** Now and then a real model stalls briefly. */
const HICCUP_CHANCE = 0.03;
const HICCUP_MS = 60;
/** Silence before the first reasoning token, as a model's time to first token. */
const FIRST_TOKEN_MS = 500;
/** A short pause between the end of the reasoning and the first answer token. */
const ANSWER_GAP_MS = 120;

const MATH_REASONING = [
  "{{opening}} I'm the built-in demo model, so I can't truly work on that exact question, but I can show how I'd reason through a typical number problem step by step. Let me take a concrete one: is 391 prime?",
  '',
  'A number n is prime if no prime p with p ≤ √n divides it. √391 is a little under 20, because 20² = 400. So the only candidates are 2, 3, 5, 7, 11, 13, 17 and 19.',
  '',
  '- 2: 391 is odd, so no.',
  '- 3: the digit sum is 3 + 9 + 1 = 13, not a multiple of 3.',
  "- 5: it doesn't end in 0 or 5.",
  '- 7: 7 × 55 = 385, remainder 6.',
  '- 11: 11 × 35 = 385, remainder 6.',
  '- 13: 13 × 30 = 390, remainder 1.',
  "- 17: 17 × 23 = 340 + 51 = 391. That's exact!",
  '',
  'So 391 = 17 × 23, and it is not prime. Let me double-check by multiplying the other way round: 23 × 17 = 230 + 161 = 391. Consistent.',
  '',
  "Wait, should I also test 19? Not needed: once a divisor is found the number is composite. But for the table it's cleaner to stop at the first divisor.",
  '',
  "What else would help? A small table of the trial divisions, a short function that performs the check, and a note on cost: trial division only goes up to √n, so it takes O(√n) steps. That's instant for numbers like this one but far too slow for numbers with hundreds of digits, where a probabilistic test such as Miller–Rabin is the usual choice.",
  '',
  "I'll put the verdict in bold at the top, then the table, then the code.",
].join('\n');

const MATH_ANSWER = [
  '## Is 391 prime?',
  '',
  '**No.** 391 = 17 × 23, so it is a *composite* number.',
  '',
  '### How to check',
  '',
  'A number *n* is prime exactly when no prime *p* ≤ √*n* divides it. Since √391 ≈ 19.8, only the primes up to 19 need testing, and we can stop at the first hit:',
  '',
  '| Divisor | 391 ÷ divisor | Remainder | Divides? |',
  '|--------:|--------------:|----------:|:--------:|',
  '| 2 | 195.5 | 1 | no |',
  '| 3 | 130.3 | 1 | no |',
  '| 5 | 78.2 | 1 | no |',
  '| 7 | 55.9 | 6 | no |',
  '| 11 | 35.5 | 6 | no |',
  '| 13 | 30.1 | 1 | no |',
  '| 17 | 23 | 0 | **yes** |',
  '',
  '### The same check in code',
  '',
  '```python',
  'from math import isqrt',
  '',
  'def is_prime(n: int) -> bool:',
  '    """Trial division: O(sqrt(n)) steps, fine for small numbers."""',
  '    if n < 2:',
  '        return False',
  '    if n % 2 == 0:',
  '        return n == 2',
  '    for d in range(3, isqrt(n) + 1, 2):',
  '        if n % d == 0:',
  '            return False',
  '    return True',
  '',
  'print(is_prime(391))  # False, because 391 = 17 * 23',
  '```',
  '',
  '### Good to know',
  '',
  '- `isqrt` computes ⌊√*n*⌋ exactly, without floating-point rounding.',
  '- Every prime greater than 3 has the form `6k ± 1`. 391 = 6 × 65 + 1 passes that filter, which shows the filter alone proves nothing.',
  '- For very large numbers, use a probabilistic test such as **Miller–Rabin**.',
].join('\n');

const CODE_REASONING = [
  "{{opening}} As the demo model I'll answer with a representative coding task rather than the exact request: a function that sorts records by several keys, say by last name, then first name, then age in descending order.",
  '',
  'What are the options? I could chain the comparisons by hand inside one comparator, but that gets repetitive and error-prone once there are three or more keys. Cleaner: a small helper that takes a list of key descriptors and returns a comparator. Each descriptor needs a way to extract the value and a direction.',
  '',
  'Is Array.prototype.sort stable? Yes, since ES2019 the specification requires a stable sort, so records that compare equal on every key keep their original order. That matters for predictable lists in a UI.',
  '',
  'Strings should not be compared with < and >: then "émile" sorts after "zoe", and upper case sorts before lower case. An Intl.Collator fixes both, and it is faster than calling localeCompare over and over, so I\'ll create one collator up front. With numeric: true it also puts "item 9" before "item 10".',
  '',
  "Numbers can simply be subtracted. Mixing a string and a number for the same key would be a bug in the caller, so I'll fall back to comparing them as strings.",
  '',
  "sort mutates the array. Modern runtimes have toSorted, which returns a sorted copy; Node 20 and current browsers support it. I'll use it and mention the fallback [...items].sort(...).",
  '',
  'Let me check the comparator logic once more: for each key, compute the order; if it is non-zero, return it, negated for descending; otherwise move on to the next key; after the last key, return 0. With the sample data, Hopper comes first, then the two Lovelaces, older one first. Right.',
  '',
  "I'll give the helper, a usage example with its output, and a short table.",
].join('\n');

const CODE_ANSWER = [
  '## Sorting by several keys',
  '',
  'Here is a small, **type-safe** helper that builds a comparator from a list of keys. It relies on `Array.prototype.sort` being *stable*, which the specification guarantees since ES2019.',
  '',
  '```ts',
  "type Direction = 'asc' | 'desc';",
  '',
  'interface SortKey<T> {',
  '  get: (item: T) => string | number;',
  '  dir?: Direction;',
  '}',
  '',
  "const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });",
  '',
  'export function byKeys<T>(...keys: SortKey<T>[]): (a: T, b: T) => number {',
  '  return (a, b) => {',
  "    for (const { get, dir = 'asc' } of keys) {",
  '      const x = get(a);',
  '      const y = get(b);',
  '      const order =',
  "        typeof x === 'number' && typeof y === 'number'",
  '          ? x - y',
  '          : collator.compare(String(x), String(y));',
  "      if (order !== 0) return dir === 'asc' ? order : -order;",
  '    }',
  '    return 0;',
  '  };',
  '}',
  '```',
  '',
  '### Usage',
  '',
  '```ts',
  'const people = [',
  "  { last: 'Lovelace', first: 'Ada', age: 27 },",
  "  { last: 'Hopper', first: 'Grace', age: 85 },",
  "  { last: 'Lovelace', first: 'Ada', age: 36 },",
  '];',
  '',
  'const sorted = people.toSorted(',
  "  byKeys({ get: (p) => p.last }, { get: (p) => p.first }, { get: (p) => p.age, dir: 'desc' }),",
  ');',
  '// → Hopper Grace 85, Lovelace Ada 36, Lovelace Ada 27',
  '```',
  '',
  '### Notes',
  '',
  '1. The `Intl.Collator` is created **once**; that is much faster than calling `localeCompare` in every comparison.',
  '2. `numeric: true` sorts `"item 9"` before `"item 10"`.',
  '3. Keys are compared in order, so put the most significant key first.',
  '',
  '| Method | Changes the input? | Time |',
  '|---|:---:|---|',
  '| `items.sort(cmp)` | yes | O(k · n log n) |',
  '| `items.toSorted(cmp)` | no | O(k · n log n) |',
  '| `[...items].sort(cmp)` | no | O(k · n log n) |',
  '',
  'Here *n* is the number of items and *k* the number of keys.',
].join('\n');

const COMPARE_REASONING = [
  "{{opening}} Since I'm the demo model, I'll show what a comparison looks like with a topic close to home for this app: Server-Sent Events versus WebSockets versus long polling, for streaming a model's output to the browser.",
  '',
  'First, what actually matters when streaming tokens? After one request, data flows one way, from server to client. Each token should arrive with little delay, and the connection should pass through proxies and work with ordinary HTTP authentication.',
  '',
  'Server-Sent Events: plain HTTP with content type text/event-stream, one event per "data:" block followed by a blank line. Browsers offer EventSource, but it can only make GET requests without custom headers, which is why chat clients usually read the stream with fetch and parse the events themselves. It only goes one way, but that\'s all we need. EventSource even reconnects on its own.',
  '',
  'WebSockets: full duplex, text or binary frames, opened by an upgrade handshake. Excellent for collaborative editing or games, but more infrastructure: load balancers need to allow upgrades, and there are no HTTP status codes once the socket is open, so errors need their own protocol.',
  '',
  'Long polling: works everywhere, but every batch of tokens costs a whole request, so latency and overhead are worse. Mostly a fallback.',
  '',
  "Let me double-check one claim: do SSE connections count against the browser's limit of six connections per host? Under HTTP/1.1, yes, and each open stream holds one. Over HTTP/2 they are multiplexed on one connection, so the limit stops mattering.",
  '',
  'So: SSE read with fetch for LLM streaming, WebSockets when the client also has to push a lot of data. A table fits this well, plus a short example of the wire format.',
].join('\n');

const COMPARE_ANSWER = [
  '## SSE vs WebSockets vs long polling',
  '',
  "For streaming a model's reply, **Server-Sent Events (SSE)** are usually the right tool: the reply flows one way, over plain HTTP.",
  '',
  '| | Server-Sent Events | WebSockets | Long polling |',
  '|---|---|---|---|',
  '| Direction | server → client | both ways | server → client |',
  '| Protocol | plain HTTP | upgraded connection | plain HTTP |',
  '| `Authorization` header | yes, with `fetch` | no (cookies or query only) | yes |',
  '| Reconnects by itself | with `EventSource` | no | no |',
  '| Proxy friendly | ✅ | ⚠️ needs configuration | ✅ |',
  '| Overhead per message | a few bytes | 2–14 bytes of framing | a whole request |',
  '| Best for | LLM tokens, feeds, progress | chat rooms, games, live cursors | old infrastructure |',
  '',
  '### What SSE looks like on the wire',
  '',
  'Each event is a `data:` line followed by a blank line:',
  '',
  '```http',
  'HTTP/1.1 200 OK',
  'Content-Type: text/event-stream',
  '',
  'data: {"choices":[{"delta":{"reasoning_content":"Let me think"}}]}',
  '',
  'data: {"choices":[{"delta":{"content":"Hello!"}}]}',
  '',
  'data: [DONE]',
  '```',
  '',
  '### Rules of thumb',
  '',
  '- Choose **SSE** when only the server talks after the request, as with chat completions.',
  '- Choose **WebSockets** when the client streams too, for example voice or live collaboration.',
  '- Keep **long polling** as a fallback for networks that block both.',
  "- Over HTTP/1.1, each open stream uses one of the browser's ~6 connections per host; HTTP/2 removes that limit.",
].join('\n');

const DEFAULT_REASONING = [
  "{{opening}} I'm Ruminate's built-in demo model, not a real language model: I don't actually understand the question, I replay a prepared reply. Still, let me think about what would help most here.",
  '',
  'Whoever reads this has probably just opened Ruminate without connecting a model. What do they need to know?',
  '',
  "First, that what they're looking at is real streaming. This text arrives token by token in the same wire format DeepSeek's API uses: the reasoning in reasoning_content, then the answer in content, then a usage summary. So the thinking panel, the timer and the markdown rendering behave exactly as they would with a real model.",
  '',
  'Second, how to connect a real model. There are two ways. In the browser: open Settings, choose a provider preset such as DeepSeek, OpenRouter, Ollama or llama.cpp, and fill in the base URL, the API key and the model. The key then stays in this browser. Or on the server: start it with RUMINATE_BASE_URL, RUMINATE_API_KEY and RUMINATE_MODEL set. The server then forwards requests itself, and the key never reaches the browser. A DeepSeek key alone in DEEPSEEK_API_KEY also works.',
  '',
  'Third, what to try next. A question about prime numbers, about sorting code, or asking to compare things picks a different demo reply, each showing other parts of the rendering: tables, code blocks, lists.',
  '',
  "Let me check the plan covers everything: what this is, how to connect, what to try. Yes. I'll keep it short and use a checklist so it's easy to follow.",
].join('\n');

const DEFAULT_ANSWER = [
  "## This is Ruminate's built-in demo",
  '',
  "You are chatting with **Ruminate Demo**, a scripted model served by Ruminate itself. It needs no API key and no network, and it streams in exactly the format of DeepSeek's API: first the *reasoning* (in the thinking panel), then the *answer*.",
  '',
  '### Connect a real model',
  '',
  '**In the browser** (the key stays in this browser):',
  '',
  '1. Open **Settings**.',
  '2. Choose a provider preset: DeepSeek, OpenRouter, Ollama, llama.cpp, vLLM, LM Studio or Custom.',
  '3. Fill in the **base URL**, the **API key** and the **model**.',
  '',
  '**On the server** (the key stays on the server):',
  '',
  '```bash',
  'RUMINATE_BASE_URL=https://api.deepseek.com \\',
  'RUMINATE_API_KEY=sk-your-key \\',
  'RUMINATE_MODEL=deepseek-reasoner \\',
  'npm start',
  '```',
  '',
  '| Variable | Example | Needed? |',
  '|---|---|---|',
  '| `RUMINATE_BASE_URL` | `http://127.0.0.1:8080/v1` | yes |',
  '| `RUMINATE_API_KEY` | `sk-your-key` | if the provider wants one |',
  '| `RUMINATE_MODEL` | `deepseek-reasoner` | no, pick one in the app |',
  '',
  'Only have a DeepSeek key? `DEEPSEEK_API_KEY=sk-your-key npm start` is enough.',
  '',
  '### Things to try',
  '',
  '- [x] Watch the reasoning stream in',
  '- [ ] Ask about a **prime number** for a table and Python code',
  '- [ ] Ask for a **sorting function** for TypeScript',
  '- [ ] Ask to **compare** SSE and WebSockets for a bigger table',
  '- [ ] ~~Find an API key first~~ Not needed for the demo',
].join('\n');

/** The prepared conversations, in order of preference when keywords tie. */
export const DEMO_CONVERSATIONS = /** @type {readonly DemoConversation[]} */ ([
  {
    id: 'math',
    keywords: [
      /\bprimes?\b/i,
      /\bmath(s|ematics)?\b/i,
      /\bnumbers?\b/i,
      /\bcalculat/i,
      /\bfactor/i,
      /\bdivisi/i,
      /\bequation/i,
      /\binteger/i,
      /\barithmetic/i,
    ],
    reasoning: MATH_REASONING,
    answer: MATH_ANSWER,
  },
  {
    id: 'code',
    keywords: [
      /\bcode\b/i,
      /\bcoding\b/i,
      /\bsort/i,
      /\bfunctions?\b/i,
      /\bprogram/i,
      /\balgorithms?\b/i,
      /\bjavascript\b/i,
      /\btypescript\b/i,
      /\bpython\b/i,
      /\bscript\b/i,
    ],
    reasoning: CODE_REASONING,
    answer: CODE_ANSWER,
  },
  {
    id: 'compare',
    keywords: [
      /\bcompar/i,
      /\bversus\b/i,
      /\bvs\.?(?=\s|$)/i,
      /\btables?\b/i,
      /\bdifferences?\b/i,
      /\bpros and cons\b/i,
      /\bwhich is better\b/i,
    ],
    reasoning: COMPARE_REASONING,
    answer: COMPARE_ANSWER,
  },
  {
    id: 'default',
    keywords: [],
    reasoning: DEFAULT_REASONING,
    answer: DEFAULT_ANSWER,
  },
]);

/**
 * Picks the conversation whose keywords match the text best; the default one when none match.
 * @param {string} text The last user message.
 * @returns {DemoConversation}
 */
export function pickConversation(text) {
  let best = DEMO_CONVERSATIONS[DEMO_CONVERSATIONS.length - 1];
  let bestScore = 0;
  for (const conversation of DEMO_CONVERSATIONS) {
    const score = conversation.keywords.filter((pattern) => pattern.test(text)).length;
    if (score > bestScore) {
      best = conversation;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Splits text into token-sized pieces: a word with its leading space, up to three punctuation
 * marks, or a run of line breaks; pieces longer than 7 characters are cut into parts of about 4.
 * Joining the pieces gives the text back exactly, and no piece splits a character.
 * @param {string} text
 * @returns {string[]}
 */
export function splitIntoPieces(text) {
  /** @type {string[]} */
  const pieces = [];
  const pattern = /[\r\n]+|[ \t]*[\p{L}\p{N}_]+|[ \t]*[^\s\p{L}\p{N}_]{1,3}|[ \t]+|[\s\S]/gu;
  for (const match of text.matchAll(pattern)) {
    const piece = match[0];
    const chars = Array.from(piece);
    if (chars.length <= 7) {
      pieces.push(piece);
      continue;
    }
    // A long word: the first piece keeps the leading space, like a BPE tokenizer would.
    const lead = piece.length - piece.trimStart().length;
    let start = 0;
    while (start < chars.length) {
      const size = start === 0 ? lead + 4 : 4;
      const end = chars.length - (start + size) < 3 ? chars.length : start + size;
      pieces.push(chars.slice(start, end).join(''));
      start = end;
    }
  }
  return pieces;
}

/**
 * Reads the pace multiplier from `RUMINATE_DEMO_SPEED`: a positive number, 1 when unset or invalid.
 * @param {string | undefined} value
 * @returns {number}
 */
export function parseDemoSpeed(value) {
  const speed = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(speed) && speed > 0
    ? speed
    : 1;
}

/**
 * The text of a chat message's content: a string, or an array of `{ type: 'text', text }` parts.
 * @param {unknown} content
 * @returns {string}
 */
function contentText(content) {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) =>
      part && typeof part === 'object' && typeof part.text === 'string' ? part.text : '',
    )
    .join(' ');
}

/**
 * The text of the last user message of a request's `messages`.
 * @param {unknown} messages
 * @returns {string}
 */
export function lastUserText(messages) {
  if (!Array.isArray(messages)) return '';
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (message && typeof message === 'object' && message.role === 'user') {
      return contentText(message.content);
    }
  }
  return '';
}

/**
 * The first sentence of the reasoning, quoting (a shortened copy of) the user's question.
 * @param {string} question
 * @returns {string}
 */
function openingSentence(question) {
  let quoted = question.replace(/\s+/g, ' ').trim().replaceAll('"', "'");
  if (quoted === '') return 'The user sent an empty message.';
  const chars = Array.from(quoted);
  if (chars.length > 80) quoted = `${chars.slice(0, 79).join('').trimEnd()}…`;
  return `The user asks: "${quoted}"${/[.?!…]$/.test(quoted) ? '' : '.'}`;
}

/**
 * The reply the Demo gives to a request's messages.
 * @param {unknown} messages The request's `messages`.
 * @returns {{ conversation: DemoConversation, reasoning: string, answer: string }}
 */
export function demoReply(messages) {
  const question = lastUserText(messages);
  const conversation = pickConversation(question);
  const reasoning = conversation.reasoning.replace('{{opening}}', () => openingSentence(question));
  return { conversation, reasoning, answer: conversation.answer };
}

/**
 * A rough prompt token count: about 4 characters per token plus a few per message.
 * @param {unknown} messages
 * @returns {number}
 */
function countPromptTokens(messages) {
  if (!Array.isArray(messages)) return 0;
  let tokens = 0;
  for (const message of messages) {
    const text = message && typeof message === 'object' ? contentText(message.content) : '';
    tokens += 4 + Math.ceil(text.length / 4);
  }
  return tokens;
}

/**
 * DeepSeek's usage object. `completion_tokens` includes the reasoning tokens.
 * @param {number} promptTokens
 * @param {number} reasoningTokens
 * @param {number} answerTokens
 */
function usage(promptTokens, reasoningTokens, answerTokens) {
  const completionTokens = reasoningTokens + answerTokens;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: reasoningTokens },
    prompt_cache_hit_tokens: 0,
    prompt_cache_miss_tokens: promptTokens,
  };
}

/**
 * Sends a JSON body.
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache',
  });
  res.end(text);
}

/**
 * Sends an OpenAI-style error.
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {string} [type]
 */
function sendError(res, status, message, type = 'invalid_request_error') {
  sendJson(res, status, { error: { message, type, param: null, code: null } });
}

/**
 * Handles a request below the Demo provider's base URL (`/api/demo/v1` in `server/start.mjs`).
 * Unknown paths get a 404 and wrong methods a 405, both with an OpenAI-style JSON error.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {string} path The path below the base URL, e.g. `/models` or `/chat/completions`.
 * @param {DemoOptions} [options]
 * @returns {Promise<void>} Resolves when the response is complete or the client has gone.
 */
export async function handleDemoRequest(req, res, path, options = {}) {
  const route = path.replace(/\/+$/, '') || '/';
  if (route === '/models') {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendError(res, 405, `Method ${req.method} is not allowed on /models.`);
    }
    return sendJson(res, 200, {
      object: 'list',
      data: [{ id: DEMO_MODEL_ID, object: 'model', owned_by: 'ruminate' }],
    });
  }
  if (route === '/chat/completions') {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendError(res, 405, `Method ${req.method} is not allowed on /chat/completions.`);
    }
    return chatCompletions(req, res, options);
  }
  return sendError(res, 404, `The demo provider has no route ${route}.`, 'not_found_error');
}

/**
 * `POST /chat/completions`.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {DemoOptions} options
 */
async function chatCompletions(req, res, options) {
  const raw = await readBody(req, MAX_BODY_BYTES);
  const text = raw === null ? null : raw.toString('utf8');
  if (text === null) return sendError(res, 413, 'The request body is too large.');
  /** @type {unknown} */
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return sendError(res, 400, 'The request body is not valid JSON.');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return sendError(res, 400, 'The request body must be a JSON object.');
  }
  const request = /** @type {Record<string, unknown>} */ (body);
  if (!Array.isArray(request.messages)) {
    return sendError(res, 400, 'The request needs a `messages` array.');
  }

  const { reasoning, answer } = demoReply(request.messages);
  const reasoningPieces = splitIntoPieces(reasoning);
  const answerPieces = splitIntoPieces(answer);
  const promptTokens = countPromptTokens(request.messages);
  const id = crypto.randomUUID();
  const created = Math.floor(Date.now() / 1000);
  const finalUsage = usage(promptTokens, reasoningPieces.length, answerPieces.length);

  if (request.stream !== true) {
    return sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model: DEMO_MODEL_ID,
      system_fingerprint: SYSTEM_FINGERPRINT,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: answer, reasoning_content: reasoning },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: finalUsage,
    });
  }

  const speed = options.speed !== undefined && options.speed > 0 ? options.speed : 1;
  const random = options.random ?? Math.random;
  const controller = new AbortController();
  const { signal } = controller;
  // Stop promptly (and clear the pending timer) when the client goes away.
  res.on('close', () => controller.abort());

  /**
   * Waits `ms` milliseconds at speed 1, scaled by the speed; rejects when the client has gone.
   * @param {number} ms
   */
  const pause = async (ms) => {
    const scaled = ms / speed;
    if (scaled >= 1) await sleep(scaled, undefined, { signal });
    else await nextTick(undefined, { signal });
  };

  /**
   * Writes one SSE event (or comment), waiting for the socket when its buffer is full.
   * @param {string} data
   */
  const write = async (data) => {
    if (signal.aborted) throw signal.reason;
    if (!res.write(data)) await once(res, 'drain', { signal });
  };

  /**
   * One `chat.completion.chunk` event.
   * @param {Record<string, unknown>} delta
   * @param {string | null} finishReason
   * @param {unknown} chunkUsage
   */
  const chunk = (delta, finishReason = null, chunkUsage = null) =>
    `data: ${JSON.stringify({
      id,
      object: 'chat.completion.chunk',
      created,
      model: DEMO_MODEL_ID,
      system_fingerprint: SYSTEM_FINGERPRINT,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      usage: chunkUsage,
    })}\n\n`;

  const pieceDelay = () =>
    PIECE_MS_MIN + random() * PIECE_MS_SPREAD + (random() < HICCUP_CHANCE ? HICCUP_MS : 0);

  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();

  try {
    await write(': keep-alive\n\n');
    await pause(FIRST_TOKEN_MS);
    await write(chunk({ role: 'assistant', content: null, reasoning_content: '' }));
    for (const piece of reasoningPieces) {
      await pause(pieceDelay());
      await write(chunk({ content: null, reasoning_content: piece }));
    }
    await pause(ANSWER_GAP_MS);
    for (const piece of answerPieces) {
      await pause(pieceDelay());
      await write(chunk({ content: piece, reasoning_content: null }));
    }
    await write(chunk({ content: '', reasoning_content: null }, 'stop', finalUsage));
    await write('data: [DONE]\n\n');
    res.end();
  } catch (error) {
    if (signal.aborted) return; // The client disconnected: nothing left to write to.
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
