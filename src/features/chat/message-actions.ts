/** What a person can do with the messages of a conversation. One stable object per page. */
export interface MessageActions {
  /** Asks again for the question a reply answered, as a new version. */
  regenerate: (assistantId: string) => void;
  /** Continues a reply cut off at max tokens. */
  continueReply: (assistantId: string) => void;
  /** Stops the streaming reply. */
  stop: () => void;
  /** Shows another version of a message. */
  selectVersion: (messageId: string) => void;
  /** Records the person's open/fold choice for a message's thinking panel. */
  setReasoningOpen: (assistantId: string, isOpen: boolean) => void;
  /** Sends an edited question as a new branch. */
  edit: (userId: string, content: string) => void;
  /** Opens the share dialog from this reply ("Share this turn"). */
  share: (assistantId: string) => void;
  /** Opens Settings, offered beside errors a setting fixes (a refused key, a wrong base URL). */
  openSettings?: () => void;
}
