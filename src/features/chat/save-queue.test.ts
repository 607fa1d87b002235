import { describe, expect, it } from 'vitest';
import { createSaveQueue, type SaveQueueReport } from './save-queue';

/** A store that refuses every write while `isFull`, and records the writes it took, in order. */
function setup() {
  const disk = { isFull: false, written: [] as string[] };
  const timers: (() => void)[] = [];
  const reports: SaveQueueReport[] = [];
  const queue = createSaveQueue({
    onReport: (report) => reports.push(report),
    retryMs: 5000,
    setTimer: (callback, ms) => {
      expect(ms).toBe(5000);
      timers.push(callback);
    },
  });
  const write = (value: string) => async () => {
    if (disk.isFull) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    disk.written.push(value);
  };
  /** Fires the retry timers due, and lets the writes they start finish. */
  const retry = async () => {
    for (const callback of timers.splice(0)) callback();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { disk, timers, reports, queue, write, retry };
}

describe('createSaveQueue', () => {
  it('writes at once while storage works, reporting nothing', async () => {
    const t = setup();
    await t.queue.run('message:a', t.write('a1'));
    await t.queue.run('message:b', t.write('b1'));
    expect(t.disk.written).toEqual(['a1', 'b1']);
    expect(t.reports).toEqual([]);
    expect(t.timers).toEqual([]);
  });

  it('issue 10: keeps failed writes and writes them, in order, once storage works again', async () => {
    const t = setup();
    t.disk.isFull = true;
    await t.queue.run('conversation:c', t.write('c1'));
    await t.queue.run('message:a', t.write('a1'));
    await t.queue.run('message:b', t.write('b1'));
    expect(t.disk.written).toEqual([]);
    expect(t.queue.unsaved()).toBe(3);
    expect(t.reports.map((r) => r.unsaved)).toEqual([1, 2, 3]);
    expect(t.reports.every((r) => r.error instanceof Error)).toBe(true);

    // Still full at the first retry: it waits for the next one.
    await t.retry();
    expect(t.disk.written).toEqual([]);
    expect(t.timers).toHaveLength(1);

    t.disk.isFull = false;
    await t.retry();
    expect(t.disk.written).toEqual(['c1', 'a1', 'b1']);
    expect(t.queue.unsaved()).toBe(0);
    expect(t.reports.at(-1)).toEqual({ unsaved: 0 });
  });

  it('a newer write under the same key replaces the waiting one and keeps its place', async () => {
    const t = setup();
    t.disk.isFull = true;
    await t.queue.run('message:a', t.write('a1'));
    await t.queue.run('message:b', t.write('b1'));
    await t.queue.run('message:a', t.write('a2'));
    expect(t.queue.unsaved()).toBe(2);
    t.disk.isFull = false;
    await t.retry();
    expect(t.disk.written).toEqual(['a2', 'b1']);
  });

  it('a new write while others wait joins the line and drains it when storage works', async () => {
    const t = setup();
    t.disk.isFull = true;
    await t.queue.run('message:a', t.write('a1'));
    t.disk.isFull = false;
    await t.queue.run('message:b', t.write('b1'));
    expect(t.disk.written).toEqual(['a1', 'b1']);
    expect(t.reports.at(-1)).toEqual({ unsaved: 0 });
  });
});
