import { describe, expect, it, vi } from 'vitest';
import { onDemand, PartLoadError, preload } from './on-demand';

describe('onDemand', () => {
  it('imports nothing until asked, then once for every caller', async () => {
    const importModule = vi.fn(() => Promise.resolve({ answer: 42 }));
    const part = onDemand('the answer', importModule);
    expect(importModule).not.toHaveBeenCalled();
    expect(part.loaded()).toBeUndefined();

    const [first, second] = await Promise.all([part.load(), part.load()]);

    expect(importModule).toHaveBeenCalledTimes(1);
    expect(first).toBe(second);
    expect(part.loaded()).toEqual({ answer: 42 });
  });

  it('rejects with a PartLoadError that names the part and keeps the cause', async () => {
    const cause = new TypeError('Failed to fetch dynamically imported module');
    const part = onDemand('the settings', () => Promise.reject(cause));

    const error = await part.load().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PartLoadError);
    expect(error).toMatchObject({ kind: 'part-load', label: 'the settings', cause });
    expect((error as PartLoadError).message).toMatch(/couldn’t load the settings.*try again/);
  });

  it('keeps a failure until reset, then imports again', async () => {
    const importModule = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new TypeError('offline'))
      .mockResolvedValueOnce('module');
    const part = onDemand('the list', importModule);

    await expect(part.load()).rejects.toBeInstanceOf(PartLoadError);
    await expect(part.load()).rejects.toBeInstanceOf(PartLoadError);
    expect(importModule).toHaveBeenCalledTimes(1);

    part.reset();

    await expect(part.load()).resolves.toBe('module');
    expect(importModule).toHaveBeenCalledTimes(2);
  });

  it('ignores reset while loading or once loaded', async () => {
    const importModule = vi.fn(() => Promise.resolve('module'));
    const part = onDemand('the list', importModule);
    const pending = part.load();
    part.reset();
    expect(part.load()).toBe(pending);
    await pending;
    part.reset();
    await part.load();
    expect(importModule).toHaveBeenCalledTimes(1);
  });
});

describe('preload', () => {
  it('starts the download without an unhandled rejection', async () => {
    const part = onDemand('the list', () => Promise.reject(new TypeError('offline')));
    preload(part);
    await expect(part.load()).rejects.toBeInstanceOf(PartLoadError);
  });
});
