import { actionBadge } from '@/utils/browser/badge';
import { injectedToast } from '@/utils/browser/page-toast';
import { browserScripting } from '@/utils/browser/scripting';
import { browserTabs, fileAccessAllowed } from '@/utils/browser/tabs';
import {
  ARTICLE_SCRIPT_FILE,
  CAPTURE_SCRIPT_FILE,
} from '@/utils/capture/script-files';
import { ClipRepository } from '@/utils/store/clip-repository';
import type { PeerclipDb } from '@/utils/store/database';
import { badgeAndToast } from './clip-feedback';
import type { ClipTabServices } from './clip-tab';

/** The clip use case's services over the real browser and database. */
export function browserClipServices(db: PeerclipDb): ClipTabServices {
  const scripting = browserScripting();

  return {
    clips: new ClipRepository(db),
    scripting,
    tabs: browserTabs(),
    feedback: badgeAndToast(actionBadge(), injectedToast(scripting)),
    scripts: { selection: CAPTURE_SCRIPT_FILE, page: ARTICLE_SCRIPT_FILE },
    fileAccessAllowed,
  };
}
