import type { AccountReplies, AccountRequest } from './account-protocol';
import type { FeedReply, FeedRequest } from './feed-protocol';
import type { PeerReplies, PeerRequest } from './peer-protocol';
import type {
  CheckPageQuotesReply,
  CheckPageQuotesRequest,
} from './quote-check-protocol';

/** What to clip from a tab: the selection, or the readable page. */
export type ClipMode = 'selection' | 'page';

/** Clips the active tab, as the popup's buttons do. */
export type ClipRequest = { type: 'clip-active-tab'; mode: ClipMode };

/** Every request an extension page can send the background. */
export type PeerclipRequest =
  | ClipRequest
  | AccountRequest
  | FeedRequest
  | PeerRequest
  | CheckPageQuotesRequest;

/** Why a clip was not made, with one sentence for people. */
export interface ClipFailure {
  ok: false;
  code: ClipFailureCode;
  message: string;
  /** Set when clipping the whole page is the sensible next step. */
  offerClipPage?: boolean;
}

/** The kinds of clip failure the UI tells apart. */
export type ClipFailureCode =
  | 'unclippable-page'
  | 'no-selection'
  | 'selection-in-frame'
  | 'empty-page'
  | 'page-changed'
  | 'bad-capture'
  | 'not-saved';

/** A clip that was saved as a draft. */
export interface ClipSuccess {
  ok: true;
  clipId: string;
}

/** What clipping a tab ends in. */
export type ClipOutcome = ClipSuccess | ClipFailure;

/** A request the background could not read. */
export interface BadRequestReply {
  ok: false;
  code: 'bad-request';
  message: string;
}

/** The reply to each kind of request. */
export interface PeerclipReplies extends AccountReplies, PeerReplies {
  'clip-active-tab': ClipOutcome;
  'feed-page': FeedReply;
  'check-page-quotes': CheckPageQuotesReply;
}

/** The reply to a given request, or the reply to an unreadable one. */
export type ReplyTo<R extends PeerclipRequest> =
  PeerclipReplies[R['type']] | BadRequestReply;
