import { describe, expect, it } from 'vitest';
import { loadedPhone, loadPhone, phoneModule, phoneStatus, subscribePhone } from './phone-loader';

// One file, one module instance: the steps below run in order, from before the first load.
describe('the phone module loader', () => {
  it('has nothing before the first load, and says so instead of guessing', () => {
    expect(phoneStatus()).toBe('idle');
    expect(loadedPhone()).toBeUndefined();
    expect(() => phoneModule()).toThrow(/not loaded yet: await loadPhone\(\)/);
  });

  it('loads once for every caller and tells subscribers how it went', async () => {
    const seen: string[] = [];
    const unsubscribe = subscribePhone(() => seen.push(phoneStatus()));
    const first = loadPhone();
    const second = loadPhone();
    expect(second).toBe(first);
    expect(phoneStatus()).toBe('loading');
    const phone = await first;
    unsubscribe();
    expect(seen).toEqual(['loading', 'ready']);
    expect(phoneStatus()).toBe('ready');
    expect(loadedPhone()).toBe(phone);
    expect(phoneModule().normalizePhone('0151 12345678', 'DE')).toMatchObject({
      ok: true,
      e164: '+4915112345678',
    });
    expect(await loadPhone()).toBe(phone);
  });
});
