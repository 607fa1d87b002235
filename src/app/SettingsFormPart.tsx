import { QueryClientProvider } from '@tanstack/react-query';
import { SettingsForm, type SettingsFormProps } from '../features/settings/SettingsForm';
import { queryClient } from '../lib/query-client';

/**
 * The Settings form with the query client its model list needs. Only Settings uses TanStack
 * Query, so the library downloads with the form.
 */
export function SettingsFormPart(props: SettingsFormProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <SettingsForm {...props} />
    </QueryClientProvider>
  );
}
