import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchIds, getMessageStatuses, MESSAGE_IDS_PER_REQUEST } from '../../api/messages';
import { messageId } from './history-fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('batchIds', () => {
  it('makes groups of at most 50, in order, without duplicates', () => {
    const ids = Array.from({ length: 120 }, (_, i) => `id-${i}`);
    const batches = batchIds([...ids, 'id-3', 'id-77']);
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches.flat()).toEqual(ids);
    expect(MESSAGE_IDS_PER_REQUEST).toBe(50);
  });

  it('makes one group of up to 50 and none of nothing', () => {
    expect(batchIds(Array.from({ length: 50 }, (_, i) => `${i}`))).toHaveLength(1);
    expect(batchIds([])).toEqual([]);
    expect(() => batchIds(['a'], 0)).toThrow(RangeError);
  });
});

describe('getMessageStatuses', () => {
  it('asks for all ids in one in.(…) filter per 50, with the status columns only', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        const ids = /id=in\.\(([^)]*)\)/.exec(url)![1]!.split(',');
        return new Response(JSON.stringify(ids.map((id) => ({ id, status: 'sent' }))), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      }),
    );
    const ids = Array.from({ length: 51 }, () => messageId());
    const rows = await getMessageStatuses([...ids, 'not-a-uuid']);
    expect(urls).toEqual([
      `/api/message?id=in.(${ids.slice(0, 50).join(',')})&select=id,status,sent_at,send_after`,
      `/api/message?id=in.(${ids[50]})&select=id,status,sent_at,send_after`,
    ]);
    expect(rows.map((r) => r.id)).toEqual(ids);
  });

  it('asks nothing for no ids', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect(await getMessageStatuses([])).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });
});
