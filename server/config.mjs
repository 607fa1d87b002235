/**
 * The server's configuration, read from the environment: the upstream provider of the proxy, the
 * providers offered to the app, the port and the host names it answers to.
 */

import { DEMO_MODEL_ID } from './demo-provider.mjs';

/**
 * An upstream OpenAI-compatible API configured by environment.
 * @typedef {object} Upstream
 * @property {string} baseUrl Without a trailing slash, e.g. `https://api.deepseek.com`.
 * @property {string} apiKey `''` when requests go without a key (local servers).
 * @property {string} model `''` when the user picks one from `/models` in the app.
 * @property {string} name Display name, e.g. `DeepSeek (server)`.
 */

/**
 * A provider offered to the app by `GET /api/server-providers`.
 * @typedef {object} ServerProvider
 * @property {string} id
 * @property {string} name
 * @property {string} baseUrl Relative to the app's origin.
 * @property {string} model
 * @property {'proxy' | 'demo'} kind
 */

const DEEPSEEK_BASE_URL = 'https://api.deepseek.com';
const DEEPSEEK_MODEL = 'deepseek-reasoner';
/** The port when `PORT` is unset. */
export const DEFAULT_PORT = 4173;

/**
 * A trimmed environment value, `''` when unset.
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 */
export function envValue(env, name) {
  return (env[name] ?? '').trim();
}

/**
 * Whether a base URL is DeepSeek's API.
 * @param {string} baseUrl
 */
function isDeepSeek(baseUrl) {
  return new URL(baseUrl).hostname === 'api.deepseek.com';
}

/**
 * Checks a configured base URL: a valid http(s) URL with no user name or password in it (the key
 * belongs in `RUMINATE_API_KEY`, and a URL with credentials would reach logs and error pages).
 * @param {string} baseUrl
 * @throws {Error} Saying what is wrong; the message never repeats a URL that holds credentials.
 */
function checkBaseUrl(baseUrl) {
  /** @type {URL} */
  let parsed;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new Error('The base URL is not a valid URL: check RUMINATE_BASE_URL or OPENAI_BASE_URL.');
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new Error(
      'The base URL must not contain a user name or password: put the key in RUMINATE_API_KEY.',
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`The base URL "${baseUrl}" must start with http:// or https://.`);
  }
}

/**
 * Reads the upstream provider from the environment:
 *   1. base URL `RUMINATE_BASE_URL`, else `OPENAI_BASE_URL`; key `RUMINATE_API_KEY`, else
 *      `OPENAI_API_KEY`, else (for api.deepseek.com only) `DEEPSEEK_API_KEY`; no key is fine;
 *   2. otherwise `DEEPSEEK_API_KEY` alone means DeepSeek's API with that key;
 *   3. otherwise there is no upstream (an API key without a base URL is ignored).
 * The model is `RUMINATE_MODEL`, else `deepseek-reasoner` for DeepSeek, else `''`.
 * @param {Record<string, string | undefined>} env
 * @returns {Upstream | null}
 * @throws {Error} When the base URL is not an http(s) URL or holds a user name or password.
 */
export function resolveUpstream(env) {
  let baseUrl = envValue(env, 'RUMINATE_BASE_URL') || envValue(env, 'OPENAI_BASE_URL');
  let apiKey = '';
  if (baseUrl) {
    checkBaseUrl(baseUrl);
    baseUrl = baseUrl.replace(/\/+$/, '');
    apiKey =
      envValue(env, 'RUMINATE_API_KEY') ||
      envValue(env, 'OPENAI_API_KEY') ||
      (isDeepSeek(baseUrl) ? envValue(env, 'DEEPSEEK_API_KEY') : '');
  } else if (envValue(env, 'DEEPSEEK_API_KEY')) {
    baseUrl = DEEPSEEK_BASE_URL;
    apiKey = envValue(env, 'DEEPSEEK_API_KEY');
  } else {
    return null;
  }
  const deepSeek = isDeepSeek(baseUrl);
  return {
    baseUrl,
    apiKey,
    model: envValue(env, 'RUMINATE_MODEL') || (deepSeek ? DEEPSEEK_MODEL : ''),
    name: deepSeek ? 'DeepSeek (server)' : `${new URL(baseUrl).host} (server)`,
  };
}

/** The built-in Demo provider's entry. */
export const DEMO_PROVIDER = /** @type {const} */ ({
  id: 'demo',
  name: 'Demo',
  baseUrl: '/api/demo/v1',
  model: DEMO_MODEL_ID,
  kind: 'demo',
});

/**
 * The body of `GET /api/server-providers`.
 * @param {Upstream | null} upstream
 * @returns {{ providers: ServerProvider[], defaultProviderId: string }}
 */
export function serverProviders(upstream) {
  /** @type {ServerProvider[]} */
  const providers = [{ ...DEMO_PROVIDER }];
  if (!upstream) return { providers, defaultProviderId: 'demo' };
  providers.unshift({
    id: 'server',
    name: upstream.name,
    baseUrl: '/api/proxy/v1',
    model: upstream.model,
    kind: 'proxy',
  });
  return { providers, defaultProviderId: 'server' };
}

/**
 * The startup line that says which provider is the default.
 * @param {Upstream | null} upstream
 */
export function describeProvider(upstream) {
  if (!upstream) {
    return 'Provider: Demo (no API key configured; set RUMINATE_BASE_URL / RUMINATE_API_KEY / RUMINATE_MODEL or DEEPSEEK_API_KEY to use a real model)';
  }
  const key = upstream.apiKey ? 'key kept on the server' : 'no API key';
  const model = upstream.model ? `model ${upstream.model}` : 'model chosen in the app';
  return `Provider: ${upstream.baseUrl} via the server proxy (${key}), ${model}`;
}

/**
 * Reads the port from `PORT`: an integer 0–65535, 4173 when unset.
 * @param {string | undefined} value
 * @returns {number}
 * @throws {Error} When the value is not such an integer.
 */
export function parsePort(value) {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a number from 0 to 65535, not "${value}".`);
  }
  return port;
}

/**
 * The extra host names from `RUMINATE_ALLOWED_HOSTS` (comma- or space-separated, e.g.
 * `ruminate.lan,192.168.1.20`), lower-cased. An IPv6 address may be written with or without
 * brackets.
 * @param {string | undefined} value
 * @returns {string[]} Names without ports; IPv6 addresses in brackets.
 */
export function parseAllowedHosts(value) {
  return (value ?? '')
    .split(/[\s,]+/)
    .filter((name) => name !== '')
    .map((name) => {
      const lower = name.toLowerCase();
      return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
    });
}
