import type { DetailServices } from '@/utils/models/detail-model';
import { fakeAnswer, fakeClipDetail } from './peer-fakes';

/**
 * The detail model's services for Bob reading Alice's clip, with nothing
 * kept in this browser; writes refuse unless a test hands its own.
 */
export function fakeDetailServices(
  overrides: Partial<DetailServices> = {},
): DetailServices {
  return {
    loadDetail: async () => fakeAnswer(fakeClipDetail()),
    localComments: async () => [],
    localEndorsements: async () => [],
    addComment: () => Promise.reject(new Error('not used')),
    editComment: () => Promise.reject(new Error('not used')),
    deleteComment: async () => {},
    me: async () => 'bob-id',
    ...overrides,
  };
}
