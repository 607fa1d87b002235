/**
 * Ruminate's built-in Demo provider: a local OpenAI-compatible endpoint that needs no API key and
 * no network. Each question the empty chat suggests gets a scripted reply about that question;
 * anything else gets a reply saying this is a demo and how to connect a model. Replies stream in
 * DeepSeek's wire format.
 *
 * Used by `server/start.mjs` under `/api/demo/v1`:
 *   - `GET  /models`            → an OpenAI model list with the one model `ruminate-demo`
 *   - `POST /chat/completions`  → a streamed (or, with `stream: false`, a complete) reply
 *
 * The parts live in `server/demo/`: the scripts as data (`replies/`), choosing one
 * (`pick-script.mjs`) and the wire format (`wire-format.mjs`).
 */

import { demoReply } from './demo/pick-script.mjs';
import { completionBody, streamCompletion } from './demo/wire-format.mjs';
import { readBody } from './read-body.mjs';
import { sendJson } from './send-json.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./demo/wire-format.mjs').PaceOptions} DemoOptions */

/** The one model the Demo provider offers. */
export const DEMO_MODEL_ID = 'ruminate-demo';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

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
  if (raw === null) return sendError(res, 413, 'The request body is too large.');
  /** @type {unknown} */
  let body;
  try {
    body = JSON.parse(raw.toString('utf8'));
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
  const reply = demoReply(request.messages);
  const info = { model: DEMO_MODEL_ID, messages: request.messages };
  if (request.stream !== true) return sendJson(res, 200, completionBody(reply, info));
  return streamCompletion(res, reply, info, options);
}
