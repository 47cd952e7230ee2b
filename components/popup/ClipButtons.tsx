import type { PopupModel } from '@/utils/models/popup-model';

/** Props of ClipButtons. */
export interface ClipButtonsProps {
  model: PopupModel;
}

/** "Clip selection" and "Clip page"; busy while a clip is being made. */
export function ClipButtons({ model }: ClipButtonsProps) {
  const busy = model.clipping.value !== null;

  return (
    <div class="clip-buttons" aria-busy={busy}>
      <button
        type="button"
        class="primary"
        disabled={busy}
        onClick={() => model.clip('selection')}
      >
        {model.clipping.value === 'selection' ? 'Clipping…' : 'Clip selection'}
      </button>
      <button type="button" disabled={busy} onClick={() => model.clip('page')}>
        {model.clipping.value === 'page' ? 'Clipping…' : 'Clip page'}
      </button>
    </div>
  );
}
