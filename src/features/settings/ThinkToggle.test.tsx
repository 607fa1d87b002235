import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderSettings } from '../../providers/provider-presets';
import { ThinkToggle } from './ThinkToggle';
import { useThinkChoice } from './use-think-choice';

const vllm: ProviderSettings = {
  presetId: 'vllm',
  providerName: 'vLLM',
  baseUrl: 'http://127.0.0.1:8000/v1',
  apiKey: '',
  model: 'Qwen/Qwen3-8B',
  apiStyle: 'chat-completions',
  family: 'generic',
  options: {},
};

/** Shows the switch and what would be sent with. */
function Harness({ settings }: { settings: ProviderSettings }) {
  const choice = useThinkChoice(settings);
  return (
    <>
      <ThinkToggle choice={choice} />
      <output>{String(choice.settings?.think)}</output>
    </>
  );
}

afterEach(() => localStorage.clear());

describe('ThinkToggle', () => {
  it('is hidden when the provider cannot switch thinking, and sends no choice', () => {
    render(<Harness settings={{ ...vllm, model: 'deepseek-r1' }} />);
    expect(screen.queryByRole('button', { name: 'Think' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('undefined');
  });

  it('starts on, turns off and on, and sends the position', () => {
    render(<Harness settings={vllm} />);
    const button = screen.getByRole('button', { name: 'Think' });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('true');
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('status').textContent).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
  });

  it('remembers the position per provider and model', () => {
    const first = render(<Harness settings={vllm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Think' }));
    first.unmount();

    const again = render(<Harness settings={vllm} />);
    expect(screen.getByRole('button', { name: 'Think' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    again.unmount();

    render(<Harness settings={{ ...vllm, model: 'Qwen/Qwen3-32B' }} />);
    expect(screen.getByRole('button', { name: 'Think' }).getAttribute('aria-pressed')).toBe('true');
  });
});
