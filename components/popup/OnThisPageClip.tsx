import { EndorseButton } from '@/components/shared/EndorseButton';
import type {
  OnThisPageModel,
  PageClip,
} from '@/utils/models/on-this-page-model';

/** Props of OnThisPageClip. */
export interface OnThisPageClipProps {
  clip: PageClip;
  model: OnThisPageModel;
  now?: Date;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** "2 peer endorsements · 1 official", or that none has come yet. */
function countsText({ peerCount, officialCount }: PageClip): string {
  if (peerCount === 0 && officialCount === 0) return 'Not endorsed yet';
  const peer = plural(peerCount, 'peer endorsement', 'peer endorsements');
  return officialCount > 0 ? `${peer} · ${officialCount} official` : peer;
}

function byline({ author_name, author_team_name }: PageClip['item']) {
  const author = author_name?.trim() || 'A peer';
  return author_team_name ? `${author} · ${author_team_name}` : author;
}

/**
 * One peer clip of the page: title, author, "Source changed" when its
 * quote is gone from the page, the quote clamped, a note preview, the
 * endorsement counts and the Endorse button. Every string
 * from the server goes in as text, never as HTML.
 */
export function OnThisPageClip({ clip, model, now }: OnThisPageClipProps) {
  const { item } = clip;
  const title = item.title.trim() || 'Untitled clip';

  return (
    <li class="page-clip">
      <p class="page-clip__title">{title}</p>
      <p class="page-clip__byline">{byline(item)}</p>
      {clip.sourceChanged && (
        <p class="page-clip__changed">
          Source changed: this quote is no longer on the page.
        </p>
      )}
      <blockquote class="page-clip__quote">{item.quote}</blockquote>
      {item.note.trim() && <p class="page-clip__note">{item.note}</p>}
      <p class="page-clip__counts">{countsText(clip)}</p>
      <EndorseButton
        title={title}
        state={clip.endorse}
        busy={clip.busy}
        problem={clip.problem}
        onEndorse={(kind) => void model.endorse(item.id, kind)}
        onWithdraw={() => void model.withdraw(item.id)}
        now={now}
      />
    </li>
  );
}
