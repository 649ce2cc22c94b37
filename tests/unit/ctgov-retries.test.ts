import { describe, expect, it, vi } from 'vitest';
import { ApiError, parseRetryAfter, withRetries } from '@/lib/ctgov/client';

describe('Retry-After', () => {
  it.each([
    ['7', 7000],
    ['0', 0],
    ['Thu, 26 Nov 2026 12:00:10 GMT', 10_000],
    ['soon', undefined],
    [null, undefined],
  ])('%j → %j ms', (value, ms) => {
    expect(parseRetryAfter(value, Date.parse('Thu, 26 Nov 2026 12:00:00 GMT'))).toBe(ms);
  });
});

describe('retries', () => {
  const noSleep = { sleep: async () => undefined };

  it('retries a 429 and a 5xx, then succeeds', async () => {
    const task = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new ApiError('rate-limited', '429', true, 1000))
      .mockRejectedValueOnce(new ApiError('network', '503', true))
      .mockResolvedValue('ok');
    expect(await withRetries(task, noSleep)).toBe('ok');
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('waits at least what Retry-After says, with jittered exponential back-off otherwise', async () => {
    const waits: number[] = [];
    const task = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new ApiError('rate-limited', '429', true, 3000))
      .mockRejectedValueOnce(new ApiError('network', '500', true))
      .mockRejectedValueOnce(new ApiError('network', '500', true))
      .mockResolvedValue('ok');
    await withRetries(task, {
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      baseDelayMs: 100,
    });
    expect(waits).toEqual([3000, 100, 200]);
  });

  it('does not retry what cannot change (404, 400, unreadable answers)', async () => {
    const task = vi
      .fn<() => Promise<string>>()
      .mockRejectedValue(new ApiError('bad-response', 'junk', false));
    await expect(withRetries(task, noSleep)).rejects.toThrow('junk');
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('gives up after a bounded number of tries', async () => {
    const task = vi.fn<() => Promise<string>>().mockRejectedValue(new ApiError('network', 'down', true));
    await expect(withRetries(task, { ...noSleep, attempts: 3 })).rejects.toThrow('down');
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('gives up when waiting would pass the time budget', async () => {
    const task = vi
      .fn<() => Promise<string>>()
      .mockRejectedValue(new ApiError('rate-limited', '429', true, 60_000));
    await expect(withRetries(task, { ...noSleep, budgetMs: 20_000, maxDelayMs: 30_000 })).rejects.toThrow(
      '429',
    );
    expect(task).toHaveBeenCalledTimes(1);
  });
});
