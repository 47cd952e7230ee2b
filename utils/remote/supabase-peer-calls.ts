import type { Json } from './database.types';
import {
  parseClipDetail,
  parseDirectory,
  parseGuide,
  parseReviewQueue,
} from './parse-peer-answers';
import type { RemoteApi } from './remote-api';
import { isOffline } from './remote-error';
import { call } from './rest-call';
import type { PeerclipSupabase } from './supabase-remote';

/** The RemoteApi calls of the social half, made through supabase-js. */
export type PeerCalls = Pick<
  RemoteApi,
  | 'clipDetail'
  | 'reviewQueue'
  | 'directory'
  | 'setFollow'
  | 'savePublishingGuide'
  | 'reportSourceChecks'
>;

/**
 * Reading and discussing over supabase-js rpc: each answer is checked
 * before it is handed on (see parse-peer-answers.ts).
 */
export function createPeerCalls(client: PeerclipSupabase): PeerCalls {
  return {
    async clipDetail(clipId) {
      const args = { clip_id: clipId };
      return parseClipDetail(await call(client.rpc('clip_detail', args)));
    },
    async reviewQueue() {
      return parseReviewQueue(await call(client.rpc('review_queue')));
    },
    async directory() {
      return parseDirectory(await call(client.rpc('workspace_directory')));
    },
    async setFollow(target, follow) {
      const args = { kind: target.kind, target_id: target.id, follow };
      await call(client.rpc('set_follow', args));
    },
    async savePublishingGuide(checklist, policyLinks) {
      const args = {
        checklist: checklist as Json,
        policy_links: policyLinks as unknown as Json,
      };
      return parseGuide(await call(client.rpc('save_publishing_guide', args)));
    },
    async reportSourceChecks(checks) {
      // One call per clip: a page holds few clips, and checks that change
      // nothing are left out before. A clip refused (unpublished since)
      // does not keep the others from being reported.
      let refused: unknown;
      for (const { clipId, found } of checks) {
        const args = { clip_id: clipId, found };
        try {
          await call(client.rpc('report_source_check', args));
        } catch (error) {
          if (isOffline(error)) throw error;
          refused ??= error;
        }
      }
      if (refused) throw refused;
    },
  };
}
