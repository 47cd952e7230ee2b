import { describe, expect, it } from 'vitest';
import { BadRequestError, parseRequest } from '@/utils/messages/parse-request';

const clipId = '0b6f1c52-8f3e-4c1e-9d53-3f0c5a1f2b7e';

describe('parseRequest for peer requests', () => {
  it.each([
    [{ type: 'clip-detail', clipId }],
    [{ type: 'review-queue' }],
    [{ type: 'directory' }],
    [{ type: 'follow', target: { kind: 'topic', id: clipId }, follow: true }],
    [
      {
        type: 'save-publishing-guide',
        checklist: ['The quote is exact.'],
        policyLinks: [{ title: 'Wiki policy', url: 'https://intra/wiki' }],
      },
    ],
    [{ type: 'activity-seen' }],
  ])('reads %o as it was sent', (message) => {
    const request = parseRequest(message);

    expect(request).toEqual(message);
  });

  it.each([
    [{ type: 'clip-detail', clipId: 'not-a-uuid' }, /"clipId"/],
    [{ type: 'follow', target: { kind: 'team', id: clipId } }, /kind/],
    [{ type: 'follow', target: { kind: 'person', id: clipId } }, /"follow"/],
    [
      { type: 'save-publishing-guide', checklist: [7], policyLinks: [] },
      /short/,
    ],
    [
      { type: 'save-publishing-guide', checklist: [], policyLinks: [{}] },
      /"title"/,
    ],
  ])('refuses %o and names what is wrong', (message, reason) => {
    const read = () => parseRequest(message);

    expect(read).toThrow(BadRequestError);
    expect(read).toThrow(reason);
  });
});
