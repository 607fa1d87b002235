/** The title of the step being written, shown in the folded panel header while reasoning streams. * @public loaded on demand through `navigation-runtime.ts`
 */
export function CurrentStepTitle({ title }: { title: string | undefined }) {
  if (title === undefined || title === '') return null;
  return (
    <span className="flex min-w-0 items-center gap-1 font-normal text-zinc-600 dark:text-zinc-400">
      <span aria-hidden="true">·</span>
      <span data-testid="reasoning-current-step" className="truncate">
        {title}
      </span>
    </span>
  );
}
