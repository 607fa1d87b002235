import { expect, type Locator, type Page } from '@playwright/test';
import { MOCK_ORIGIN } from '../support/ports.mjs';

/** Key under which the app keeps provider settings (see src/features/settings/settings-store.ts). */
const SETTINGS_KEY = 'ruminate.provider.v1';

/** The mock provider's OpenAI-compatible base URL (e2e/mock-provider.mjs). */
export const MOCK_BASE_URL = `${MOCK_ORIGIN}/v1`;

/** The chat page, by role and test id. */
export class ChatPage {
  readonly composer: Locator;
  readonly sendButton: Locator;
  readonly stopButton: Locator;
  readonly settingsButton: Locator;
  readonly assistantMessages: Locator;

  constructor(readonly page: Page) {
    this.composer = page.getByRole('textbox', { name: 'Message' });
    this.sendButton = page.getByRole('button', { name: 'Send', exact: true });
    this.stopButton = page.getByRole('button', { name: 'Stop', exact: true });
    this.settingsButton = page.getByRole('button', { name: 'Settings', exact: true });
    this.assistantMessages = page.getByTestId('assistant-message');
  }

  /**
   * Opens the app with the mock provider selected, replaying `model` (a recording name).
   * `overrides` change other saved settings, such as `apiStyle` and `family`.
   */
  async openWithMock(model: string, overrides: Record<string, unknown> = {}): Promise<void> {
    await this.page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      SETTINGS_KEY,
      JSON.stringify({
        presetId: 'custom',
        providerName: 'Mock',
        baseUrl: MOCK_BASE_URL,
        apiKey: 'sk-browser-key',
        model,
        ...overrides,
      }),
    ] as const);
    await this.page.goto('/');
  }

  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
  }

  /** The newest assistant message and its parts. */
  last() {
    const message = this.assistantMessages.last();
    return {
      message,
      toggle: message.getByTestId('reasoning-toggle'),
      reasoning: message.getByTestId('reasoning'),
      answer: message.getByTestId('answer'),
      error: message.getByTestId('message-error'),
    };
  }

  async expectStatus(status: string, timeout = 15_000): Promise<void> {
    await expect(this.last().message).toHaveAttribute('data-status', status, { timeout });
  }

  /** The scrolling conversation. */
  get messageList(): Locator {
    return this.page.getByTestId('message-list');
  }

  /** The questions shown, oldest first. */
  get userMessages(): Locator {
    return this.page.getByTestId('user-message');
  }

  /** The assistant message at `index` (0 is the oldest shown) and its parts. */
  reply(index: number) {
    const message = this.assistantMessages.nth(index);
    return {
      message,
      toggle: message.getByTestId('reasoning-toggle'),
      reasoning: message.getByTestId('reasoning'),
      answer: message.getByTestId('answer'),
      error: message.getByTestId('message-error'),
    };
  }

  /** The open Settings dialog. */
  get settingsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Settings' });
  }

  /** Opens Settings, lets `change` fill the form, and saves. */
  async changeSettings(change: (dialog: Locator) => Promise<void>): Promise<void> {
    await this.settingsButton.click();
    await expect(this.settingsDialog).toBeVisible();
    await change(this.settingsDialog);
    await this.settingsDialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.settingsDialog).toBeHidden();
  }

  /** Switches the model (for the mock: the recording replayed) through the Settings dialog. */
  async chooseModel(model: string): Promise<void> {
    await this.changeSettings((dialog) =>
      dialog.getByRole('combobox', { name: 'Model', exact: true }).fill(model),
    );
  }
}
