import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  RELEASE_SLICE_MS,
  StaggeredRelease,
  useStaggeredRelease,
  type ReleaseCell,
  type ReleaseScheduler,
} from './staggered-release';

/** A scheduler whose tasks run when the test says, and where each re-render takes `costMs`. */
function manualScheduler(costMs: number) {
  let clock = 0;
  const tasks: (() => void)[] = [];
  const scheduler: ReleaseScheduler = {
    renderNow: (update) => {
      update();
      clock += costMs;
    },
    later: (task) => tasks.push(task),
    now: () => clock,
  };
  return {
    scheduler,
    pending: () => tasks.length,
    /** Runs the next task; returns false when there was none. */
    runTask: () => {
      const task = tasks.shift();
      task?.();
      return task !== undefined;
    },
  };
}

function subscribeAll(release: StaggeredRelease, names: string[], log: string[]) {
  return names.map((name) => {
    const cell: ReleaseCell = { seen: release.version };
    const unsubscribe = release.subscribe(cell, () => log.push(`${name}@${cell.seen}`));
    return { cell, unsubscribe };
  });
}

describe('StaggeredRelease', () => {
  it('releases the newest subscriber first, one slice of time per task', () => {
    const manual = manualScheduler(3);
    const release = new StaggeredRelease(manual.scheduler);
    const log: string[] = [];
    subscribeAll(release, ['a', 'b', 'c', 'd', 'e'], log);

    release.announce();
    expect(release.version).toBe(1);
    expect(log).toEqual([]);
    expect(manual.pending()).toBe(1);

    // 3 ms each: after 3 re-renders (9 ms) the 8 ms slice is spent.
    manual.runTask();
    expect(log).toEqual(['e@1', 'd@1', 'c@1']);
    expect(manual.pending()).toBe(1);
    manual.runTask();
    expect(log).toEqual(['e@1', 'd@1', 'c@1', 'b@1', 'a@1']);
    expect(manual.pending()).toBe(0);
  });

  it('finishes a re-render that takes longer than a slice, then yields', () => {
    const manual = manualScheduler(RELEASE_SLICE_MS * 4);
    const release = new StaggeredRelease(manual.scheduler);
    const log: string[] = [];
    subscribeAll(release, ['a', 'b'], log);
    release.announce();
    manual.runTask();
    expect(log).toEqual(['b@1']);
    manual.runTask();
    expect(log).toEqual(['b@1', 'a@1']);
  });

  it('skips a subscriber that left before its turn', () => {
    const manual = manualScheduler(1);
    const release = new StaggeredRelease(manual.scheduler);
    const log: string[] = [];
    const subscribed = subscribeAll(release, ['a', 'b', 'c'], log);
    release.announce();
    subscribed[1]!.unsubscribe();
    manual.runTask();
    expect(log).toEqual(['c@1', 'a@1']);
  });

  it('queues a late subscriber that has not seen the last announcement, and only that one', () => {
    const manual = manualScheduler(1);
    const release = new StaggeredRelease(manual.scheduler);
    const log: string[] = [];
    release.announce();
    manual.runTask();
    expect(manual.pending()).toBe(0);

    const stale: ReleaseCell = { seen: 0 };
    release.subscribe(stale, () => log.push(`stale@${stale.seen}`));
    const current: ReleaseCell = { seen: 1 };
    release.subscribe(current, () => log.push(`current@${current.seen}`));
    expect(manual.pending()).toBe(1);
    manual.runTask();
    expect(log).toEqual(['stale@1']);
  });

  it('releases each subscriber once per drain, with the latest version', () => {
    const manual = manualScheduler(5);
    const release = new StaggeredRelease(manual.scheduler);
    const log: string[] = [];
    subscribeAll(release, ['a', 'b', 'c'], log);
    release.announce();
    manual.runTask(); // c and b at version 1 (10 ms)
    release.announce(); // a is still queued; c and b queue again
    expect(manual.pending()).toBe(1);
    while (manual.runTask());
    expect(log).toEqual(['c@1', 'b@1', 'c@2', 'b@2', 'a@2']);
  });
});

function Probe({
  release,
  name,
  isWaiting,
}: {
  release: StaggeredRelease;
  name: string;
  isWaiting: boolean;
}) {
  const version = useStaggeredRelease(release, isWaiting);
  return <span data-testid={name}>{version}</span>;
}

describe('useStaggeredRelease', () => {
  it('re-renders waiting components with each announcement, and mounts later ones with it', async () => {
    const release = new StaggeredRelease();
    render(
      <>
        <Probe release={release} name="waiting" isWaiting />
        <Probe release={release} name="idle" isWaiting={false} />
      </>,
    );
    expect(screen.getByTestId('waiting').textContent).toBe('0');
    act(() => release.announce());
    await waitFor(() => expect(screen.getByTestId('waiting').textContent).toBe('1'));
    expect(screen.getByTestId('idle').textContent).toBe('0');

    render(<Probe release={release} name="late" isWaiting />);
    expect(screen.getByTestId('late').textContent).toBe('1');
  });
});
