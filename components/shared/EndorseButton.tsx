import { useId } from 'preact/hooks';

/** The two kinds of endorsement a reader can give. */
export type EndorsementKind = 'peer' | 'official';

/** How long an official endorsement holds unless the server says else. */
export const OFFICIAL_ENDORSEMENT_DAYS = 90;

/** Where the reader stands with one clip, as the button shows it. */
export type EndorseState =
  /** Any member may give a peer endorsement. */
  | { kind: 'can-endorse' }
  /** The reader endorses the clip's regulated topic. */
  | { kind: 'can-endorse-officially' }
  /** The reader's own active endorsement, sent or still queued. */
  | {
      kind: 'endorsed';
      endorsement: EndorsementKind;
      /** Still in the outbox: offline, or not sent yet. */
      pending: boolean;
      expiresAt: string | null;
    }
  /** The reader wrote the clip; authors do not endorse their own. */
  | { kind: 'own-clip' }
  /** Signed out or not connected: endorsing cannot work here. */
  | { kind: 'unavailable'; reason: string };

/** Props of EndorseButton. */
export interface EndorseButtonProps {
  /** The clip's title, for names that say which clip. */
  title: string;
  state: EndorseState;
  /** True while the endorsement or withdrawal is being written. */
  busy?: boolean;
  /** What the server or the store refused, in one sentence. */
  problem?: string | null;
  onEndorse(kind: EndorsementKind): void;
  onWithdraw(): void;
  /** Now, for the expiry an official endorsement would get. */
  now?: Date;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

function inDays(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 86_400_000);
}

/** Names the clip in accessible names, as the reader sees it quoted. */
function quoted(title: string): string {
  return `‘${title.trim() || 'Untitled clip'}’`;
}

function endorsedText(
  state: Extract<EndorseState, { kind: 'endorsed' }>,
): string {
  const official = state.endorsement === 'official';
  const until =
    official && state.expiresAt
      ? `, until ${dateFormat.format(new Date(state.expiresAt))}`
      : '';
  return `You endorsed this${official ? ' officially' : ''}${until}.`;
}

/** The reader's own endorsement, with Withdraw beside it. */
function Endorsed(
  props: EndorseButtonProps & {
    state: Extract<EndorseState, { kind: 'endorsed' }>;
  },
) {
  const { title, state, busy, onWithdraw } = props;

  return (
    <>
      <span class="endorse__mine">
        {endorsedText(state)}
        {state.pending && (
          <span class="endorse__queued" title="Sent at the next sync">
            {' '}
            Queued
          </span>
        )}
      </span>
      <button
        type="button"
        class="endorse__withdraw"
        disabled={busy}
        aria-label={`Withdraw your endorsement of ${quoted(title)}`}
        onClick={onWithdraw}
      >
        Withdraw
      </button>
    </>
  );
}

/** The Endorse button, peer or official, with what it will do. */
function Offer(props: EndorseButtonProps & { official: boolean }) {
  const { title, official, busy, onEndorse, now = new Date() } = props;
  const hintId = useId();
  const until = dateFormat.format(inDays(now, OFFICIAL_ENDORSEMENT_DAYS));
  const label = official ? 'Endorse officially' : 'Endorse';

  return (
    <>
      <button
        type="button"
        class="endorse__give"
        disabled={busy}
        aria-label={`${label} ${quoted(title)}`}
        aria-describedby={official ? hintId : undefined}
        onClick={() => onEndorse(official ? 'official' : 'peer')}
      >
        {label}
      </button>
      {official && (
        <span id={hintId} class="hint">
          Valid {OFFICIAL_ENDORSEMENT_DAYS} days, until {until}.
        </span>
      )}
    </>
  );
}

/** A disabled Endorse button that says why it cannot be used. */
function Unavailable({ title, reason }: { title: string; reason: string }) {
  const reasonId = useId();

  return (
    <>
      <button
        type="button"
        class="endorse__give"
        disabled
        aria-label={`Endorse ${quoted(title)}`}
        aria-describedby={reasonId}
      >
        Endorse
      </button>
      <span id={reasonId} class="hint">
        {reason}
      </span>
    </>
  );
}

function Control(props: EndorseButtonProps) {
  const { state, title } = props;

  switch (state.kind) {
    case 'own-clip':
      return <span class="hint">Your clip: peers endorse it.</span>;
    case 'unavailable':
      return <Unavailable title={title} reason={state.reason} />;
    case 'endorsed':
      return <Endorsed {...props} state={state} />;
    default:
      return (
        <Offer {...props} official={state.kind === 'can-endorse-officially'} />
      );
  }
}

/**
 * Endorse a clip, or withdraw the reader's endorsement. Withdraw is its
 * own button rather than a pressed toggle, so its name says it takes the
 * endorsement back, and a second click on "Endorse" never withdraws.
 */
export function EndorseButton(props: EndorseButtonProps) {
  return (
    <div class="endorse">
      <Control {...props} />
      {props.problem && (
        <p class="endorse__problem" role="alert">
          {props.problem}
        </p>
      )}
    </div>
  );
}
