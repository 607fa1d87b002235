import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppErrorBoundary } from './app-error-page';
import { FormattingBoundary, PLAIN_TEXT_NOTICE } from './plain-text-fallback';

function Throws(): never {
  throw new RangeError('Maximum call stack size exceeded');
}

const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
afterEach(() => errors.mockClear());

describe('FormattingBoundary', () => {
  it('shows the text itself with a notice when formatting throws, and leaves the rest alone', () => {
    const text = '- - - deep\n\nWords after.';
    render(
      <>
        <FormattingBoundary text={text}>
          <Throws />
        </FormattingBoundary>
        <FormattingBoundary text="fine">
          <p>Formatted sibling</p>
        </FormattingBoundary>
      </>,
    );
    expect(screen.getByRole('note')).toHaveTextContent(PLAIN_TEXT_NOTICE);
    expect(screen.getByTestId('plain-text-fallback').querySelector('pre')?.textContent).toBe(text);
    expect(screen.getByText('Formatted sibling')).toBeInTheDocument();
    expect(errors).toHaveBeenCalledWith('A text could not be formatted:', expect.any(RangeError));
  });

  it('shows its children when they render', () => {
    render(
      <FormattingBoundary text="raw">
        <strong>formatted</strong>
      </FormattingBoundary>,
    );
    expect(screen.getByText('formatted').tagName).toBe('STRONG');
    expect(screen.queryByTestId('plain-text-fallback')).toBeNull();
  });
});

describe('AppErrorBoundary', () => {
  it('shows a readable error page with a way back instead of a blank page', () => {
    render(
      <AppErrorBoundary>
        <Throws />
      </AppErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong on this page');
    expect(screen.getByRole('alert')).toHaveTextContent('Maximum call stack size exceeded');
    expect(screen.getByRole('button', { name: 'Back to Ruminate' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
