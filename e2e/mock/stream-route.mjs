/**
 * The mock provider's streaming route (`POST /v1/chat/completions`, `/v1/responses`,
 * `/v1/messages`): picks what to send from the request's `model` (see `e2e/mock-provider.mjs`).
 */

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildStreamPlan } from '../../bench/stream-plan.mjs';
import { parseModel as parseBenchModel } from '../../bench/workload-model.mjs';
import { sendCorsJson } from './cors.mjs';
import { parseMockModel, recordingNames } from './mock-model.mjs';
import { sendProviderError } from './provider-error.mjs';
import { replay } from './replay.mjs';
import { streamScripted } from '../support/mock-extras.mjs';
import { echoStream, parseEchoModel } from '../support/echo-reply.mjs';
import { SYNTHETIC_STREAMS } from '../synthetic-streams.mjs';
import { SYNTHETIC_TRACES } from '../support/synthetic-traces.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./mock-model.mjs').MockPlan} MockPlan */

/**
 * Streams written by us, served like recordings by name: provider dialects and reasoning traces.
 * @type {Record<string, () => Buffer>}
 */
const SYNTHETIC = { ...SYNTHETIC_STREAMS, ...SYNTHETIC_TRACES };

/**
 * Answers one streaming request whose body has been read: a replayed recording or synthetic
 * stream, a scripted or echo reply, an HTTP error, or 400 / 404 when the body or model is wrong.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {unknown} body The parsed JSON body (the raw text when `bodyIsJson` is false).
 * @param {boolean} bodyIsJson
 * @param {{ streamsDir: string, defaultDelayMs: number }} options
 * @returns {Promise<void>}
 */
export async function handleStreamRequest(
  req,
  res,
  body,
  bodyIsJson,
  { streamsDir, defaultDelayMs },
) {
  if (!bodyIsJson || !body || typeof body !== 'object') {
    return sendCorsJson(res, 400, {
      error: {
        message: 'The request body is not a JSON object.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_request_error',
      },
    });
  }
  const rawModel = /** @type {{ model?: unknown }} */ (body).model;
  const model = typeof rawModel === 'string' ? rawModel : '';
  const bench = parseBenchModel(model);
  if (bench) {
    const frames = buildStreamPlan({ ...bench, tpe: 1, burst: 1 }).frames;
    const rate = bench.rate;
    /** @type {MockPlan} */
    const benchPlan = {
      kind: 'replay',
      name: model,
      delayMs: 0,
      rate,
      mode: 'full',
      stallMs: 0,
    };
    return await replay(req, res, Buffer.from(frames.join(''), 'utf8'), benchPlan);
  }
  if (await streamScripted(res, model, body)) return;
  const echo = parseEchoModel(model);
  if (echo) {
    const delayMs = echo.delayMs ?? defaultDelayMs;
    /** @type {Extract<MockPlan, { kind: 'replay' }>} */
    const plan = { kind: 'replay', name: 'echo', delayMs, rate: 0, mode: 'full', stallMs: 0 };
    return await replay(req, res, echoStream(body), plan);
  }
  const plan = parseMockModel(
    model,
    new Set([...(await recordingNames(streamsDir)), ...Object.keys(SYNTHETIC)]),
    defaultDelayMs,
  );
  if (!plan) {
    return sendCorsJson(res, 404, {
      error: {
        message: `The model \`${model}\` does not exist`,
        type: 'invalid_request_error',
        code: 'model_not_found',
      },
    });
  }
  if (plan.kind === 'http') return sendProviderError(res, plan);
  const bytes = Object.hasOwn(SYNTHETIC, plan.name)
    ? SYNTHETIC[plan.name]()
    : await readFile(path.join(streamsDir, `${plan.name}.sse`));
  return await replay(req, res, bytes, plan);
}
