import { describe, expect, it } from 'vitest';
import { connectionVerdict, httpAdvice, requestFailure } from './connection-verdict';

const context = {
  providerOrigin: 'http://127.0.0.1:11434',
  pageOrigin: 'http://127.0.0.1:4173',
  hasKey: true,
};

describe('connectionVerdict', () => {
  it('reports reachability, the key and CORS in one line on success', () => {
    const verdict = connectionVerdict({ kind: 'listed', modelCount: 1 }, context);
    expect(verdict.isOk).toBe(true);
    expect(verdict.line).toBe(
      'Connected: http://127.0.0.1:11434 is reachable, accepts the key and allows this page (CORS); 1 model listed.',
    );
  });

  it('points a 401 at the API key', () => {
    const verdict = connectionVerdict(
      { kind: 'http-error', status: 401, message: 'Incorrect API key provided.' },
      context,
    );
    expect(verdict).toMatchObject({ isOk: false, fix: 'api-key' });
    expect(verdict.line).toContain('refused the key with HTTP 401 (Incorrect API key provided.)');
    expect(verdict.line).toContain('Check the API key in Settings.');
  });

  it('tells a CORS refusal from nothing listening, naming the page origin to allow', () => {
    const cors = connectionVerdict({ kind: 'cors-refused' }, context);
    expect(cors.fix).toBe('provider-cors');
    expect(cors.line).toContain('refused this page (CORS)');
    expect(cors.line).toContain('http://127.0.0.1:4173');
    const none = connectionVerdict({ kind: 'unreachable' }, context);
    expect(none.fix).toBe('base-url');
    expect(none.line).toMatch(
      /^Nothing answered at http:\/\/127\.0\.0\.1:11434: nothing is listening/,
    );
    expect(requestFailure('unreachable', context)).toBe(none.line);
    expect(requestFailure('cors-refused', context)).toBe(cors.line);
  });
});

describe('httpAdvice', () => {
  it('has advice for key and URL statuses only', () => {
    expect(httpAdvice(401)?.text).toBe('Check the API key in Settings.');
    expect(httpAdvice(404)?.fix).toBe('base-url');
    expect(httpAdvice(404, { code: 'model_not_found', message: 'x' })?.fix).toBe('model');
    expect(httpAdvice(404, { message: 'The model `m` does not exist' })?.text).toBe(
      'Check the model name in Settings.',
    );
    expect(httpAdvice(429)).toBeUndefined();
    expect(httpAdvice(500)).toBeUndefined();
  });
});
