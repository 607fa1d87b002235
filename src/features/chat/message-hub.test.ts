import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../core/chat/chat-message';
import { MessageHub } from './message-hub';

function question(id: string, content: string): ChatMessage {
  return { id, parentId: null, createdAt: 0, role: 'user', content };
}

describe('MessageHub', () => {
  it('tells only the listeners of a message whose object changed', () => {
    const hub = new MessageHub();
    const a = question('a', 'One?');
    const b = question('b', 'Two?');
    hub.update([a, b]);
    const heard: string[] = [];
    hub.source('a').subscribe(() => heard.push('a'));
    hub.source('b').subscribe(() => heard.push('b'));

    hub.update([a, b]);
    expect(heard).toEqual([]);

    const changed = { ...b, revision: 2 };
    hub.update([a, changed]);
    expect(heard).toEqual(['b']);
    expect(hub.source('b').get()).toBe(changed);
    expect(hub.source('a').get()).toBe(a);
  });

  it('keeps one source per message, stops telling after unsubscribe, and drops removed messages', () => {
    const hub = new MessageHub();
    const a = question('a', 'One?');
    hub.update([a]);
    const source = hub.source('a');
    expect(hub.source('a')).toBe(source);
    let heard = 0;
    const unsubscribe = source.subscribe(() => (heard += 1));
    unsubscribe();
    hub.update([{ ...a, revision: 1 }]);
    expect(heard).toBe(0);

    hub.update([]);
    expect(() => hub.source('a')).toThrow(/No message a/);
    // A source handed out keeps its last message.
    expect(source.get()).toMatchObject({ id: 'a', revision: 1 });
  });
});
