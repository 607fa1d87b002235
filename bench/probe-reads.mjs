/**
 * Recorder part: arrivals. `window.fetch` is wrapped for the chat completions URL, and so is the
 * `read()` of the reader the page takes from the response body: per network read its time, the
 * cumulative count of complete SSE events (blank-line delimiters; the JSON never holds a raw
 * newline) and of bytes. The body is not teed: a tee doubles the stream machinery per network read,
 * which would be counted as the page's work. Self-contained init script (see `probe-core.mjs`).
 */

/* global window -- runs in the page */

/** Installs the `reads` part. @returns {void} */
export function installReadProbe() {
  const core = /** @type {import('./probe-core.mjs').ProbeCore} */ (
    /** @type {any} */ (window).__benchProbe
  );
  if (core.parts.reads) return;
  /** @type {number[]} Flat triples: time, cumulative SSE events, cumulative bytes. */
  let reads = [];
  let requestAt = NaN;
  let bodyEndAt = NaN;
  let tapArmed = false;
  let events = 0;
  let bytes = 0;
  /** Whether the previous read ended with a lone LF (half of an event delimiter). */
  let endsWithLf = false;

  /**
   * @param {ReadableStreamReadResult<Uint8Array>} result
   * @returns {ReadableStreamReadResult<Uint8Array>}
   */
  const recordRead = (result) => {
    const t = core.now();
    const { done, value } = result;
    if (done || value === undefined) {
      bodyEndAt = t;
      core.harness += core.now() - t;
      return result;
    }
    // A blank line (LF LF) ends an event; the stream never holds CR.
    /** @type {number} Where the last LF was (-1: at the end of the previous read). */
    let previousLf = endsWithLf ? -1 : -3;
    let i = value.indexOf(10);
    while (i !== -1) {
      if (previousLf === i - 1) {
        events++;
        previousLf = -3;
      } else previousLf = i;
      i = value.indexOf(10, i + 1);
    }
    endsWithLf = previousLf === value.length - 1;
    bytes += value.length;
    if (core.recording) reads.push(t, events, bytes);
    core.harness += core.now() - t;
    return result;
  };

  const originalFetch = window.fetch;
  window.fetch = async function benchFetch(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const isStream = tapArmed && /\/chat\/completions(\?|$)/.test(url);
    if (isStream) {
      tapArmed = false;
      requestAt = core.now();
    }
    const response = await originalFetch.call(window, input, init);
    const body = response.body;
    if (!isStream || body === null) return response;
    events = 0;
    bytes = 0;
    endsWithLf = false;
    const getReader = body.getReader.bind(body);
    /** @type {any} */ (body).getReader = (/** @type {any} */ options) => {
      const reader = getReader(options);
      /** @type {() => Promise<ReadableStreamReadResult<Uint8Array>>} */
      const read = /** @type {any} */ (reader).read.bind(reader);
      /** @type {any} */ (reader).read = () => read().then(recordRead);
      return reader;
    };
    return response;
  };

  core.parts.reads = {
    arm() {
      reads = [];
      requestAt = NaN;
      bodyEndAt = NaN;
      tapArmed = true;
    },
    collect() {
      const recorded = reads;
      reads = [];
      return { reads: recorded, requestAt, bodyEndAt };
    },
  };
}
