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

  it('counts models in the plural, and says when no key was needed', () => {
    const many = connectionVerdict(
      { kind: 'listed', modelCount: 1234 },
      { ...context, hasKey: false },
    );
    expect(many.line).toBe(
      'Connected: http://127.0.0.1:11434 is reachable, needs no key and allows this page (CORS); 1,234 models listed.',
    );
    const none = connectionVerdict({ kind: 'listed', modelCount: 0 }, context);
    expect(none.line).toMatch(/; 0 models listed\.$/);
  });

  it('points a 403 at the key, and other statuses only at what they say', () => {
    expect(connectionVerdict({ kind: 'http-error', status: 403, message: '' }, context)).toEqual({
      isOk: false,
      line: 'http://127.0.0.1:11434 is reachable and allows this page, but refused the key with HTTP 403. Check the API key in Settings and that it may use this model.',
      fix: 'api-key',
    });
    expect(
      connectionVerdict({ kind: 'http-error', status: 500, message: 'boom' }, context),
    ).toEqual({
      isOk: false,
      line: 'http://127.0.0.1:11434 is reachable and allows this page, but answered with HTTP 500 (boom).',
      fix: undefined,
    });
  });

  it('points a timeout and an invalid URL at the base URL', () => {
    expect(connectionVerdict({ kind: 'timeout', seconds: 10 }, context)).toEqual({
      isOk: false,
      line: 'No answer from http://127.0.0.1:11434 within 10 s. Check the base URL, or try again.',
      fix: 'base-url',
    });
    expect(connectionVerdict({ kind: 'invalid-url' }, context)).toEqual({
      isOk: false,
      line: 'The base URL must start with http:// or https:// (or / for this server).',
      fix: 'base-url',
    });
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
    expect(cors).toMatchObject({ isOk: false, fix: 'provider-cors' });
    expect(cors.line).toContain('refused this page (CORS)');
    expect(cors.line).toContain('http://127.0.0.1:4173');
    const none = connectionVerdict({ kind: 'unreachable' }, context);
    expect(none).toMatchObject({ isOk: false, fix: 'base-url' });
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
    expect(httpAdvice(403)).toEqual({
      text: 'Check the API key in Settings and that it may use this model.',
      fix: 'api-key',
    });
    expect(httpAdvice(405)).toEqual({ text: 'Check the base URL in Settings.', fix: 'base-url' });
    expect(httpAdvice(404)).toEqual({ text: 'Check the base URL in Settings.', fix: 'base-url' });
    // A model named in the message of another status is not a model problem.
    expect(httpAdvice(400, { message: 'model is required' })).toBeUndefined();
    expect(httpAdvice(404, { message: 'no route for /v1/modelsx' })?.fix).toBe('base-url');
    expect(httpAdvice(429)).toBeUndefined();
    expect(httpAdvice(500)).toBeUndefined();
  });
});
