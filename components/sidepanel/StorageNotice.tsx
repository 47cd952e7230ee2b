import type { StoragePersistence } from '@/utils/models/storage-model';

/** Props of StorageNotice. */
export interface StorageNoticeProps {
  persistence: StoragePersistence;
}

/** Warns that the browser may delete drafts when the disk runs short. */
export function StorageNotice({ persistence }: StorageNoticeProps) {
  if (persistence !== 'refused') return null;

  return (
    <p class="notice" role="note">
      The browser did not grant persistent storage, so it may delete drafts when
      the disk runs short. Sync them, or keep Peerclip’s site data in the
      browser settings.
    </p>
  );
}
