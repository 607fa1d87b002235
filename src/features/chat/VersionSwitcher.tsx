interface VersionSwitcherProps {
  versionIds: readonly string[];
  versionIndex: number;
  /** What the versions are of, for screen readers: "answer" or "question". */
  noun: string;
  onSelect: (messageId: string) => void;
}

/** 32 px square targets; a disabled arrow stays legible. */
const arrowClass =
  'inline-flex h-8 w-8 items-center justify-center rounded-md text-xl leading-none text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-400 disabled:hover:bg-transparent focus-visible:outline-2 focus-visible:outline-brand dark:text-zinc-200 dark:hover:bg-zinc-800 dark:disabled:text-zinc-500';

/** `‹ 2 / 3 ›`: moves between the versions of a message. Nothing when there is one version. */
export function VersionSwitcher({
  versionIds,
  versionIndex,
  noun,
  onSelect,
}: VersionSwitcherProps) {
  if (versionIds.length < 2) return null;
  const previous = versionIds[versionIndex - 1];
  const next = versionIds[versionIndex + 1];
  return (
    <span
      className="inline-flex items-center gap-0.5 font-medium tabular-nums text-zinc-700 dark:text-zinc-200"
      data-testid="version-switcher"
    >
      <button
        type="button"
        className={arrowClass}
        disabled={previous === undefined}
        aria-label={`Previous ${noun} version`}
        onClick={() => previous !== undefined && onSelect(previous)}
      >
        ‹
      </button>
      <span aria-label={`${noun} version ${versionIndex + 1} of ${versionIds.length}`}>
        {versionIndex + 1} / {versionIds.length}
      </span>
      <button
        type="button"
        className={arrowClass}
        disabled={next === undefined}
        aria-label={`Next ${noun} version`}
        onClick={() => next !== undefined && onSelect(next)}
      >
        ›
      </button>
    </span>
  );
}
