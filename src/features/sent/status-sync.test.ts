import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayStatus, NOT_FOUND } from './history-entry';
import { sentRecord } from './history-fixtures';
import { getHistoryEntry, readHistory, recordSent, subscribeToHistory } from './history-store';
import { cancelScheduled, refreshStatuses } from './status-sync';

/**
 * The store and the status logic together, in Node: without IndexedDB the history lives in
 * memory (the fallback a browser without storage gets), and `fetch` stands in for the proxy.
 */

interface Call {
  method: string;
  url: string;
}

function proxy(answer: (call: Call) => { status: number; body?: unknown }) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const call = { method: init?.method ?? 'GET', url };
      calls.push(call);
      const { status, body } = answer(call);
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the history without IndexedDB', () => {
  it('keeps entries in memory, newest first, says so, and tells subscribers', async () => {
    const heard = vi.fn();
    const unsubscribe = subscribeToHistory(heard);
    const first = sentRecord();
    const second = sentRecord();
    await recordSent(first);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await recordSent(second);
    unsubscribe();
    const snapshot = await readHistory();
    expect(snapshot.storage).toBe('memory');
    expect(snapshot.storageProblem).toMatch(/storage is not available/);
    expect(snapshot.entries.slice(0, 2).map((e) => e.id)).toEqual([
      second.response.message.id,
      first.response.message.id,
    ]);
    expect(heard).toHaveBeenCalled();
  });
});

describe('refreshStatuses', () => {
  it('writes what the upstream says and marks what it no longer has', async () => {
    const sent = sentRecord({ status: 'sending' });
    const gone = sentRecord({ status: 'scheduled' });
    await recordSent(sent);
    await recordSent(gone);
    const ids = [sent.response.message.id, gone.response.message.id];
    const calls = proxy(() => ({ status: 200, body: [{ id: ids[0], status: 'sent' }] }));
    await refreshStatuses(ids);
    expect(calls).toHaveLength(1);
    expect((await getHistoryEntry(ids[0]!))?.status).toBe('sent');
    expect(displayStatus((await getHistoryEntry(ids[1]!))!)).toBe(NOT_FOUND);
  });

  it('changes nothing when the read fails', async () => {
    const record = sentRecord({ status: 'sending' });
    await recordSent(record);
    proxy(() => ({ status: 502, body: { code: 'x', message: 'down', statusCode: 502 } }));
    await expect(refreshStatuses([record.response.message.id])).rejects.toMatchObject({
      status: 502,
    });
    expect(await getHistoryEntry(record.response.message.id)).toMatchObject({
      status: 'sending',
    });
  });
});

describe('cancelScheduled', () => {
  it('deletes, reads the status again, and keeps the entry marked cancelled', async () => {
    const record = sentRecord({ status: 'scheduled', sendAfter: '2030-01-01T09:00+01:00' });
    const id = record.response.message.id;
    await recordSent(record);
    const calls = proxy(({ method }) =>
      method === 'DELETE'
        ? { status: 200, body: [{ id, status: 'scheduled' }] }
        : { status: 200, body: [] },
    );
    expect(await cancelScheduled(id)).toEqual({ outcome: 'cancelled' });
    expect(calls).toEqual([
      { method: 'DELETE', url: `/api/message?id=eq.${id}` },
      { method: 'GET', url: `/api/message?id=in.(${id})&select=id,status,sent_at,send_after` },
    ]);
    const entry = await getHistoryEntry(id);
    expect(entry?.cancelled).toBe(true);
    expect(displayStatus(entry!)).toBe('cancelled');
    expect((await readHistory()).entries.map((e) => e.id)).toContain(id);
  });

  it('on 409 says it was already sent and takes the new status', async () => {
    const record = sentRecord({ status: 'scheduled' });
    const id = record.response.message.id;
    await recordSent(record);
    proxy(({ method }) =>
      method === 'DELETE'
        ? {
            status: 409,
            body: {
              code: 'not_scheduled',
              message: 'Only a scheduled message can be cancelled; this one is sent.',
              statusCode: 409,
            },
          }
        : { status: 200, body: [{ id, status: 'sent', sent_at: '2026-03-02T08:00:01Z' }] },
    );
    expect(await cancelScheduled(id)).toEqual({
      outcome: 'already_sent',
      detail: 'Only a scheduled message can be cancelled; this one is sent.',
    });
    expect(await getHistoryEntry(id)).toMatchObject({
      status: 'sent',
      cancelRequested: false,
    });
    expect((await getHistoryEntry(id))?.cancelled).toBeFalsy();
  });

  it('on 404 does not claim a cancel it did not make', async () => {
    const record = sentRecord({ status: 'scheduled' });
    const id = record.response.message.id;
    await recordSent(record);
    proxy(() => ({
      status: 404,
      body: { code: 'not_found', message: 'There is no such message.', statusCode: 404 },
    }));
    expect(await cancelScheduled(id)).toEqual({ outcome: 'not_found' });
    expect(displayStatus((await getHistoryEntry(id))!)).toBe(NOT_FOUND);
  });

  it('after a lost answer, a retry that finds it gone counts it as cancelled', async () => {
    const record = sentRecord({ status: 'scheduled' });
    const id = record.response.message.id;
    await recordSent(record);
    proxy(() => ({ status: 504, body: { code: 'timeout', message: 'slow', statusCode: 504 } }));
    await expect(cancelScheduled(id)).rejects.toMatchObject({ status: 504 });
    expect(await getHistoryEntry(id)).toMatchObject({ status: 'scheduled', cancelRequested: true });
    proxy(() => ({
      status: 404,
      body: { code: 'not_found', message: 'There is no such message.', statusCode: 404 },
    }));
    expect(await cancelScheduled(id)).toEqual({ outcome: 'cancelled' });
    expect((await getHistoryEntry(id))?.cancelled).toBe(true);
  });
});
