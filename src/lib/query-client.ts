import { QueryClient } from '@tanstack/react-query';

/** The app's one query client: stored data and model lists, never the live token stream. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5 * 60_000 },
  },
});
