/**
 * Replays an SSE stream the way a provider sends it: in odd-sized pieces, paced per event, and
 * optionally stalled or cut halfway (see `MockPlan` in `mock-model.mjs`).
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { CORS_HEADERS } from './cors.mjs';
import { mulberry32 } from '../support/prng.mjs';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./mock-model.mjs').MockPlan} MockPlan */

/**
 * FNV-1a hash of a string, the PRNG seed for a recording.
 * @param {string} text
 */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Writes a chunk and waits until it has been handed to the socket.
 * @param {ServerResponse} res
 * @param {Uint8Array} chunk
 * @returns {Promise<void>}
 */
function writeFlushed(res, chunk) {
  return new Promise((resolve, reject) => {
    res.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Whether `part[from..to)` holds the blank line that ends an SSE event (LF LF, or CRLF CRLF).
 * @param {Buffer} part
 * @param {number} from
 * @param {number} to
 */
function completesEvent(part, from, to) {
  for (let i = Math.max(from, 1); i < to; i++) {
    if (part[i] !== 0x0a) continue;
    if (part[i - 1] === 0x0a || (part[i - 1] === 0x0d && part[i - 2] === 0x0a)) return true;
  }
  return false;
}

/**
 * Replays a recording in the way `plan` says.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {Buffer} bytes
 * @param {Extract<MockPlan, { kind: 'replay' }>} plan
 */
export async function replay(req, res, bytes, plan) {
  const random = mulberry32(hash(plan.name));
  let gone = false;
  res.on('close', () => {
    gone = true;
  });

  const start = performance.now();
  let events = 0;
  /**
   * Writes `part` in pieces of 1–97 bytes, pausing `plan.delayMs` after each piece that completes
   * an SSE event, so the pace is per event whatever the piece sizes; with `plan.rate`, waiting
   * instead until the next event is due.
   * @param {Buffer} part
   */
  const writePieces = async (part) => {
    let offset = 0;
    while (offset < part.length && !gone) {
      const size = 1 + Math.floor(random() * 97);
      const end = Math.min(part.length, offset + size);
      await writeFlushed(res, part.subarray(offset, end));
      const isEventEnd = completesEvent(part, offset, end);
      offset = end;
      if (!isEventEnd || offset >= part.length) continue;
      events += 1;
      if (plan.delayMs > 0) await sleep(plan.delayMs);
      const dueMs = plan.rate > 0 ? (events * 1000) / plan.rate - (performance.now() - start) : 0;
      if (dueMs >= 1) await sleep(dueMs);
    }
  };

  res.writeHead(200, {
    ...CORS_HEADERS,
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
  });
  res.flushHeaders();
  try {
    if (plan.mode === 'full') {
      await writePieces(bytes);
      res.end();
      return;
    }
    const half = Math.floor(bytes.length / 2);
    await writePieces(bytes.subarray(0, half));
    if (plan.mode === 'cut') {
      // Let the first half reach the client, then cut the connection without ending the body.
      await sleep(Math.max(plan.delayMs, 20));
      req.socket.destroy();
      return;
    }
    await sleep(plan.stallMs);
    await writePieces(bytes.subarray(half));
    res.end();
  } catch {
    // The client went away.
    if (!res.destroyed) res.destroy();
  }
}
