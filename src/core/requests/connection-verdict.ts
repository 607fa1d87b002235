import { formatCount } from '../stream/format-count';

/**
 * What a failed or successful contact with a provider means, in one line a person can act on.
 * Shared by Settings' "Test connection" and the error line of a message.
 */

/**
 * How contacting a provider went:
 * - `listed`: the model list came back (reachable, key accepted, CORS allowed);
 * - `http-error`: the provider answered with an error status (so it is reachable and allows this
 *   page, or the browser could not have read the status);
 * - `cors-refused`: something answered, but without CORS headers that let this page read it;
 * - `unreachable`: nothing answered at all (nothing listening, a wrong host, or no network);
 * - `timeout`: no answer within the time allowed;
 * - `invalid-url`: the base URL is not an http(s) URL.
 */
export type ConnectionOutcome =
  | { kind: 'listed'; modelCount: number }
  | { kind: 'http-error'; status: number; message: string }
  | { kind: 'cors-refused' }
  | { kind: 'unreachable' }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'invalid-url' };

/** Which setting most likely needs changing. */
export type ConnectionFix = 'api-key' | 'base-url' | 'model' | 'provider-cors';

/** One line for the person, and what it points at. */
export interface ConnectionVerdict {
  isOk: boolean;
  line: string;
  fix?: ConnectionFix;
}

/** Where the request went and where it came from, for the wording. */
export interface ConnectionContext {
  /** The provider's origin, e.g. `https://api.deepseek.com` or `http://127.0.0.1:11434`. */
  providerOrigin: string;
  /** This page's origin, which the provider must allow (CORS). */
  pageOrigin: string;
  /** Whether an API key was sent. */
  hasKey: boolean;
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Advice for an HTTP status the provider answered with, `undefined` when there is none. A 404 that
 * names a model (OpenAI's and DeepSeek's `model_not_found`) points at the model, not the base URL.
 */
export function httpAdvice(
  status: number,
  error: { message?: string; code?: string } = {},
): { text: string; fix?: ConnectionFix } | undefined {
  if (status === 401) return { text: 'Check the API key in Settings.', fix: 'api-key' };
  if (status === 403) {
    return {
      text: 'Check the API key in Settings and that it may use this model.',
      fix: 'api-key',
    };
  }
  if (
    status === 404 &&
    (error.code === 'model_not_found' || /\bmodel\b/i.test(error.message ?? ''))
  ) {
    return { text: 'Check the model name in Settings.', fix: 'model' };
  }
  if (status === 404 || status === 405) {
    return { text: 'Check the base URL in Settings.', fix: 'base-url' };
  }
  return undefined;
}

/**
 * The verdict of Settings' "Test connection" (`GET` of the model list).
 */
export function connectionVerdict(
  outcome: ConnectionOutcome,
  context: ConnectionContext,
): ConnectionVerdict {
  const where = context.providerOrigin;
  switch (outcome.kind) {
    case 'listed':
      return {
        isOk: true,
        line: `Connected: ${where} is reachable, ${context.hasKey ? 'accepts the key' : 'needs no key'} and allows this page (CORS); ${plural(outcome.modelCount, 'model')} listed.`,
      };
    case 'http-error': {
      const advice = httpAdvice(outcome.status, outcome);
      const refused = outcome.status === 401 || outcome.status === 403;
      const what = refused ? 'refused the key' : 'answered';
      return {
        isOk: false,
        line: `${where} is reachable and allows this page, but ${what} with HTTP ${outcome.status}${outcome.message ? ` (${outcome.message})` : ''}.${advice ? ` ${advice.text}` : ''}`,
        fix: advice?.fix,
      };
    }
    case 'cors-refused':
      return { isOk: false, ...corsRefused(context), fix: 'provider-cors' };
    case 'unreachable':
      return { isOk: false, ...unreachable(context), fix: 'base-url' };
    case 'timeout':
      return {
        isOk: false,
        line: `No answer from ${where} within ${outcome.seconds} s. Check the base URL, or try again.`,
        fix: 'base-url',
      };
    case 'invalid-url':
      return {
        isOk: false,
        line: 'The base URL must start with http:// or https:// (or / for this server).',
        fix: 'base-url',
      };
  }
}

function corsRefused(context: ConnectionContext): { line: string } {
  return {
    line: `${context.providerOrigin} answered, but refused this page (CORS): the provider must allow requests from ${context.pageOrigin}, or let Ruminate's server forward them.`,
  };
}

function unreachable(context: ConnectionContext): { line: string } {
  return {
    line: `Nothing answered at ${context.providerOrigin}: nothing is listening there, or the network is down. Check the base URL and that the server is running.`,
  };
}

/**
 * The error line of a reply whose request got no response: which of the two likely causes it was
 * (found by a probe; see `src/providers/probe-reachability.ts`). Never "Connection lost": nothing
 * was connected.
 */
export function requestFailure(
  kind: 'cors-refused' | 'unreachable',
  context: ConnectionContext,
): string {
  return kind === 'cors-refused' ? corsRefused(context).line : unreachable(context).line;
}
