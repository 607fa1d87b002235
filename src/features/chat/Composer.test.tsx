// @testing-library/user-event is not installed, so these tests use fireEvent.
import { createRef } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Composer } from './Composer';

function setup(isStreaming = false, draftKey = 'c1') {
  const onSend = vi.fn();
  const onStop = vi.fn();
  const ref = createRef<HTMLTextAreaElement>();
  const view = render(
    <Composer
      ref={ref}
      isStreaming={isStreaming}
      onSend={onSend}
      onStop={onStop}
      status="Test provider · thinker-1"
      draftKey={draftKey}
    />,
  );
  const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  const type = (text: string) => fireEvent.change(box, { target: { value: text } });
  return { ...view, onSend, onStop, ref, box, type };
}

describe('Composer', () => {
  beforeEach(() => localStorage.clear());

  it('sends on Enter and clears the box', () => {
    const { box, type, onSend } = setup();
    type('Is 91 prime?');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledExactlyOnceWith('Is 91 prime?');
    expect(box).toHaveValue('');
  });

  it('keeps the text when the send is refused (issue 10: no model or base URL yet)', () => {
    const { box, type, onSend } = setup();
    onSend.mockReturnValue(false);
    type('A long question typed before Settings were filled in');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledOnce();
    expect(box).toHaveValue('A long question typed before Settings were filled in');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(box).toHaveValue('A long question typed before Settings were filled in');

    onSend.mockReturnValue(true);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box).toHaveValue('');
  });

  it('does not send on Shift+Enter', () => {
    const { box, type, onSend } = setup();
    type('line one');
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    expect(box).toHaveValue('line one');
  });

  it('does not send on the Enter that ends an IME composition', () => {
    const { box, type, onSend } = setup();
    type('にほん');
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('sends with the Send button', () => {
    const { type, onSend, box } = setup();
    type('Hello');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledExactlyOnceWith('Hello');
    expect(box).toHaveValue('');
  });

  it('disables Send for blank text, and Enter sends nothing', () => {
    const { box, type, onSend } = setup();
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();

    type('   \n ');
    expect(send).toBeDisabled();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();

    type('x');
    expect(send).toBeEnabled();
  });

  it('shows Stop instead of Send while streaming, and Stop calls onStop', () => {
    const { onStop, onSend } = setup(true);
    expect(screen.queryByRole('button', { name: 'Send' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByText(/Esc to stop/)).toBeInTheDocument();
  });

  it('calls onStop on Escape while streaming, and not otherwise', () => {
    const streaming = setup(true);
    fireEvent.keyDown(streaming.box, { key: 'Escape' });
    expect(streaming.onStop).toHaveBeenCalledTimes(1);
    streaming.unmount();

    const idle = setup(false);
    fireEvent.keyDown(idle.box, { key: 'Escape' });
    expect(idle.onStop).not.toHaveBeenCalled();
  });

  it('does not send on Enter while streaming and keeps the draft', () => {
    const { box, type, onSend } = setup(true);
    type('next question');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(box).toHaveValue('next question');
  });

  it('keeps a draft per conversation, across a reload, and forgets it once sent', () => {
    // Regression (issue 11): the draft followed the person between conversations and was lost on
    // reload.
    const first = setup(false, 'c1');
    first.type('half a question');
    first.rerender(
      <Composer isStreaming={false} onSend={vi.fn()} onStop={vi.fn()} status="" draftKey="c2" />,
    );
    expect(first.box).toHaveValue('');
    first.type('another');
    first.unmount();

    const reloaded = setup(false, 'c1');
    expect(reloaded.box).toHaveValue('half a question');
    fireEvent.keyDown(reloaded.box, { key: 'Enter' });
    reloaded.unmount();
    expect(setup(false, 'c1').box).toHaveValue('');
    cleanup();
    expect(setup(false, 'c2').box).toHaveValue('another');
  });

  it('shows the keyboard hints as keyboard-only', () => {
    setup();
    expect(screen.getByText(/Enter to send/)).toHaveClass('keyboard-only');
  });

  it('shows the status and forwards its ref to the text box', () => {
    const { ref, box } = setup();
    expect(screen.getByText(/Test provider · thinker-1/)).toBeInTheDocument();
    expect(ref.current).toBe(box);
  });
});
