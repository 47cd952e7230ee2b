import { describe, expect, it } from 'vitest';
import { detailEndorsing } from '@/utils/models/detail-endorsing';
import type { EndorsementEntry } from '@/utils/models/detail-model';
import type { ClipDetail, DetailClip } from '@/utils/remote/peer-wire';
import { fakeClipDetail, HEALTH_AND_SAFETY } from '../fakes/peer-fakes';

const BOB = 'bob-id';

/** Alice's published clip in a regulated topic, as Bob opens it. */
function aliceClip(
  clip: Partial<DetailClip> = {},
  rest: Partial<ClipDetail> = {},
): ClipDetail {
  return fakeClipDetail({ ...HEALTH_AND_SAFETY, ...clip }, rest);
}

function endorsement(
  overrides: Partial<EndorsementEntry> = {},
): EndorsementEntry {
  return {
    id: 'endorsement-1',
    endorserId: BOB,
    endorserName: 'Bob',
    kind: 'peer',
    createdAt: '2026-12-02T09:00:00.000Z',
    expiresAt: null,
    status: 'active',
    pending: false,
    ...overrides,
  };
}

describe('detailEndorsing', () => {
  it('asks a signed-out reader to sign in', () => {
    const actual = detailEndorsing(aliceClip(), [], null);

    expect(actual.state).toEqual({
      kind: 'unavailable',
      reason: 'Sign in to endorse clips.',
    });
  });

  it('offers nothing to endorse on the reader’s own clip', () => {
    const actual = detailEndorsing(aliceClip(), [], 'alice-id');

    expect(actual).toEqual({ state: { kind: 'own-clip' }, mine: null });
  });

  it('refuses endorsing a clip still in review', () => {
    const actual = detailEndorsing(aliceClip({ state: 'in_review' }), [], BOB);

    expect(actual.state.kind).toBe('unavailable');
  });

  it('offers a peer endorsement to any reader', () => {
    const actual = detailEndorsing(aliceClip(), [], BOB);

    expect(actual.state).toEqual({ kind: 'can-endorse' });
  });

  it('offers an official endorsement to an endorser of the topic', () => {
    const detail = aliceClip({}, { can_endorse_officially: true });

    const actual = detailEndorsing(detail, [], BOB);

    expect(actual.state).toEqual({ kind: 'can-endorse-officially' });
  });

  it('shows the reader’s queued endorsement, to withdraw', () => {
    const mine = endorsement({ pending: true });

    const actual = detailEndorsing(aliceClip(), [mine], BOB);

    expect(actual).toEqual({
      state: {
        kind: 'endorsed',
        endorsement: 'peer',
        pending: true,
        expiresAt: null,
      },
      mine,
    });
  });

  it('offers endorsing again once the reader withdrew', () => {
    const withdrawn = endorsement({ status: 'withdrawn', pending: true });

    const actual = detailEndorsing(aliceClip(), [withdrawn], BOB);

    expect(actual).toEqual({ state: { kind: 'can-endorse' }, mine: null });
  });

  it('offers endorsing the new text when the official one lapsed', () => {
    const lapsed = endorsement({ kind: 'official', status: 'lapsed' });
    const detail = aliceClip({}, { can_endorse_officially: true });

    const actual = detailEndorsing(detail, [lapsed], BOB);

    expect(actual.state.kind).toBe('can-endorse-officially');
  });

  it('ignores endorsements by others', () => {
    const carols = endorsement({ endorserId: 'carol-id' });

    const actual = detailEndorsing(aliceClip(), [carols], BOB);

    expect(actual.mine).toBeNull();
  });
});
