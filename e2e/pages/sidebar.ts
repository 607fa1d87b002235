import { expect, type Locator, type Page } from '@playwright/test';

/** The "Conversations" sidebar: New chat, search, and the saved conversations. */
export class Sidebar {
  readonly nav: Locator;
  readonly newChatButton: Locator;
  readonly search: Locator;
  /** The rows of the saved-conversations list (also the "No conversation matches." row). */
  readonly rows: Locator;
  readonly undoButton: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Conversations' });
    this.newChatButton = this.nav.getByRole('button', { name: 'New chat', exact: true });
    this.search = this.nav.getByRole('searchbox', { name: 'Search conversations' });
    this.rows = this.nav.getByRole('list', { name: 'Saved conversations' }).getByRole('listitem');
    this.undoButton = this.nav.getByRole('button', { name: 'Undo', exact: true });
  }

  /** The button that opens the conversation titled `title`. */
  conversation(title: string): Locator {
    return this.nav.getByRole('button', { name: title, exact: true });
  }

  async newChat(): Promise<void> {
    await this.newChatButton.click();
    await expect(this.page).not.toHaveURL(/[?&]c=/);
  }

  /** Opens the "⋯" menu of the conversation titled `title`. */
  async openMenu(title: string): Promise<Locator> {
    await this.nav.getByRole('button', { name: `Actions for “${title}”`, exact: true }).click();
    return this.nav.getByRole('menu', { name: `Actions for “${title}”` });
  }

  async rename(title: string, newTitle: string): Promise<void> {
    const menu = await this.openMenu(title);
    await menu.getByRole('menuitem', { name: 'Rename' }).click();
    const input = this.nav.getByRole('textbox', { name: 'Conversation title' });
    await input.fill(newTitle);
    await input.press('Enter');
  }

  async delete(title: string): Promise<void> {
    const menu = await this.openMenu(title);
    await menu.getByRole('menuitem', { name: 'Delete' }).click();
  }
}
