import type { AccountModel } from '@/utils/models/account-model';
import { SectionProblem } from './SectionProblem';

/** Props of UploadOffer. */
export interface UploadOfferProps {
  model: AccountModel;
}

/**
 * Offers to send the drafts made before a workspace was connected; they
 * stay in this browser whatever the answer.
 */
export function UploadOffer({ model }: UploadOfferProps) {
  const count = model.uploadOffer.value;
  if (count === 0) return null;

  const drafts = count === 1 ? 'draft' : 'drafts';
  const busy = model.busy.value === 'upload';

  return (
    <section class="notice" aria-labelledby="upload-title">
      <h2 id="upload-title">Drafts made in this browser</h2>
      <p>
        {count.toLocaleString('en')} {drafts} were made before this workspace
        was connected. Upload them so they are synced like the others.
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => void model.uploadDrafts()}
        >
          {busy ? 'Uploading…' : `Upload ${count} ${drafts} to the workspace`}
        </button>
        <button type="button" class="link" onClick={model.declineUpload}>
          Not now
        </button>
      </div>
      <SectionProblem model={model} section="upload" />
    </section>
  );
}
