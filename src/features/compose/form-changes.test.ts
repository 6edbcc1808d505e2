import { createFormControl } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { onValuesChange } from './form-changes';
import { makeChip } from './recipients';

/** A list of 10,000 recipients that counts how often something walks through it. */
function countedRecipients() {
  const chips = Array.from({ length: 10_000 }, (_, i) =>
    makeChip(`person${i}@example.com`, 'email', undefined),
  );
  const walks = { count: 0 };
  const list = new Proxy(chips, {
    ownKeys(target) {
      walks.count++;
      return Reflect.ownKeys(target);
    },
  });
  return { list, walks };
}

describe('onValuesChange', () => {
  it('tells of typing, setting and resetting, not of errors, and never makes the form copy its values', async () => {
    const { list, walks } = countedRecipients();
    const form = createFormControl({ defaultValues: { subject: '', text: '', to: list } });
    const subject = form.register('subject');
    let changes = 0;
    const stop = onValuesChange(form.control, () => changes++);
    // The form keeps a copy of its default values; the counted list goes in its place.
    (form.control._formValues as { to: unknown }).to = list;
    walks.count = 0;

    await subject.onChange({ target: { name: 'subject', value: 'Hello' }, type: 'change' });
    expect(changes).toBe(1);
    form.setValue('text', 'Body');
    expect(changes).toBe(2);
    form.setError('subject', { type: 'manual', message: 'too short' });
    expect(changes).toBe(2);
    await subject.onChange({ target: { name: 'subject', value: 'Hello' }, type: 'change' });
    expect(changes).toBe(2);
    expect(walks.count).toBe(0);

    form.reset({ subject: 'Again', text: '', to: [] });
    expect(changes).toBe(3);
    stop();
    form.setValue('text', 'After');
    expect(changes).toBe(3);
  });

  it('is what keeps a keystroke cheap: a watcher of all values makes the form copy the recipients on every key', async () => {
    const { list, walks } = countedRecipients();
    const form = createFormControl({ defaultValues: { subject: '', to: list } });
    const subject = form.register('subject');
    const stop = form.subscribe({ formState: { values: true }, callback: () => undefined });
    (form.control._formValues as { to: unknown }).to = list;
    walks.count = 0;
    await subject.onChange({ target: { name: 'subject', value: 'H' }, type: 'change' });
    expect(walks.count).toBeGreaterThan(0);
    stop();
  });
});
