/**
 * Reads a request body, up to `maxBytes`.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} maxBytes
 * @returns {Promise<Buffer | null>} `null` when the body is larger than `maxBytes`.
 */
export async function readBody(req, maxBytes) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a whole request body as UTF-8 text, without a size limit (local test and bench servers
 * only; a public route uses {@link readBody} with a limit).
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string>}
 */
export async function readText(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
