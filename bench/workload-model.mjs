/**
 * The workload of a synthetic stream and the model name that carries it: the synthetic server reads
 * the parameters from the requested `model`, e.g.
 * `bench:r=25000,a=4000,rate=3000,tpe=1,burst=1,seed=1`.
 */

/**
 * @typedef {object} WorkloadParams
 * @property {number} r Reasoning tokens.
 * @property {number} a Answer tokens.
 * @property {number} rate Tokens per second; 0 = no pacing (firehose).
 * @property {number} tpe Tokens per SSE event.
 * @property {number} burst SSE events per socket write.
 * @property {number} seed
 */

/** Defaults for parameters missing from a model name. */
export const DEFAULT_PARAMS = /** @type {const} */ ({
  r: 800,
  a: 600,
  rate: 80,
  tpe: 1,
  burst: 1,
  seed: 1,
});

/**
 * Reads the parameters encoded in a model name such as
 * `bench:r=25000,a=4000,rate=3000,tpe=1,burst=1,seed=1`; `null` when it is not a bench model.
 * Unknown keys (a run nonce, say) are ignored.
 * @param {string} model
 * @returns {WorkloadParams | null}
 */
export function parseModel(model) {
  const match = /^bench:(.*)$/.exec(model);
  if (!match) return null;
  /** @type {Record<string, number>} */
  const values = { ...DEFAULT_PARAMS };
  for (const pair of match[1].split(',')) {
    const [key, raw] = pair.split('=');
    if (key in DEFAULT_PARAMS && raw !== undefined && raw.trim() !== '') {
      const value = Number(raw);
      if (!Number.isFinite(value) || value < 0) return null;
      values[key] = value;
    }
  }
  return {
    r: Math.floor(values.r),
    a: Math.floor(values.a),
    rate: values.rate,
    tpe: Math.max(1, Math.floor(values.tpe)),
    burst: Math.max(1, Math.floor(values.burst)),
    seed: Math.floor(values.seed),
  };
}

/**
 * The model name for parameters (the inverse of {@link parseModel}).
 * @param {WorkloadParams} p
 * @param {string} [extra] Appended as is, e.g. `run=3`.
 */
export function modelName(p, extra) {
  const base = `bench:r=${p.r},a=${p.a},rate=${p.rate},tpe=${p.tpe},burst=${p.burst},seed=${p.seed}`;
  return extra ? `${base},${extra}` : base;
}
