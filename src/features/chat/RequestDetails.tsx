import type { HttpRequestSpec } from '../../core/requests/request-spec';

/** "View request": the exact JSON that was sent for a reply, with secrets already masked. */
export function RequestDetails({ request }: { request: HttpRequestSpec }) {
  return (
    <details className="w-full">
      <summary className="cursor-pointer select-none hover:text-zinc-700 dark:hover:text-zinc-200">
        View request
      </summary>
      <pre
        data-testid="request-json"
        className="mt-1 max-h-80 overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-3 font-mono text-[11px] leading-snug text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
      >
        {`POST ${request.url}\n${JSON.stringify(request.headers, null, 2)}\n\n${JSON.stringify(request.body, null, 2)}`}
      </pre>
    </details>
  );
}
