// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EndorseButton,
  type EndorseButtonProps,
  type EndorseState,
} from '@/components/shared/EndorseButton';
import { axeViolations } from '../fakes/axe';

const NOW = new Date('2026-12-03T10:00:00Z');
const TITLE = 'Lifting loads safely';

const STATES = {
  peer: { kind: 'can-endorse' },
  official: { kind: 'can-endorse-officially' },
  endorsedPeer: {
    kind: 'endorsed',
    endorsement: 'peer',
    pending: false,
    expiresAt: null,
  },
  endorsedOfficial: {
    kind: 'endorsed',
    endorsement: 'official',
    pending: false,
    expiresAt: '2027-03-03T10:00:00Z',
  },
  queued: {
    kind: 'endorsed',
    endorsement: 'peer',
    pending: true,
    expiresAt: null,
  },
  own: { kind: 'own-clip' },
  signedOut: {
    kind: 'unavailable',
    reason: 'Sign in to endorse clips.',
  },
} satisfies Record<string, EndorseState>;

function renderButton(
  state: EndorseState,
  extra: Partial<EndorseButtonProps> = {},
) {
  const calls: string[] = [];
  const { container } = render(
    <EndorseButton
      title={TITLE}
      state={state}
      onEndorse={(kind) => calls.push(`endorse:${kind}`)}
      onWithdraw={() => calls.push('withdraw')}
      now={NOW}
      {...extra}
    />,
  );
  return { calls, container };
}

describe('EndorseButton', () => {
  afterEach(cleanup);

  it('gives a peer endorsement named after the clip', () => {
    const { calls } = renderButton(STATES.peer);

    fireEvent.click(
      screen.getByRole('button', { name: 'Endorse ‘Lifting loads safely’' }),
    );

    expect(calls).toEqual(['endorse:peer']);
  });

  it('offers an official endorsement to an endorser of the topic', () => {
    const { calls } = renderButton(STATES.official);

    fireEvent.click(
      screen.getByRole('button', { name: /^Endorse officially/ }),
    );

    expect(calls).toEqual(['endorse:official']);
  });

  it('shows when an official endorsement would expire', () => {
    renderButton(STATES.official);

    const button = screen.getByRole('button', { name: /officially/ });
    const hintId = button.getAttribute('aria-describedby') ?? '';

    expect(document.getElementById(hintId)?.textContent).toBe(
      'Valid 90 days, until Mar 3, 2027.',
    );
  });

  it('withdraws the reader’s own endorsement', () => {
    const { calls } = renderButton(STATES.endorsedPeer);

    fireEvent.click(
      screen.getByRole('button', {
        name: 'Withdraw your endorsement of ‘Lifting loads safely’',
      }),
    );

    expect(calls).toEqual(['withdraw']);
  });

  it('tells an official endorsement with its expiry', () => {
    renderButton(STATES.endorsedOfficial);

    expect(
      screen.getByText(/You endorsed this officially, until Mar 3, 2027/),
    ).toBeTruthy();
  });

  it('marks an endorsement still in the outbox as queued', () => {
    renderButton(STATES.queued);

    expect(screen.getByText('Queued')).toBeTruthy();
  });

  it('offers no button on the reader’s own clip', () => {
    renderButton(STATES.own);

    expect(screen.queryByRole('button')).toBeNull();
  });

  it('disables endorsing with the reason when signed out', () => {
    renderButton(STATES.signedOut);

    const button = screen.getByRole('button', { name: /^Endorse/ });

    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Sign in to endorse clips.')).toBeTruthy();
  });

  it('announces what the server refused', () => {
    renderButton(STATES.peer, {
      problem: 'The server refused the endorsement: the clip changed.',
    });

    expect(screen.getByRole('alert').textContent).toMatch(/clip changed/);
  });

  it('disables the button while the endorsement is written', () => {
    renderButton(STATES.peer, { busy: true });

    const button = screen.getByRole('button') as HTMLButtonElement;

    expect(button.disabled).toBe(true);
  });

  it('renders a hostile title as text in the name', () => {
    const title = '<img src=x onerror=alert(1)>';
    const { container } = renderButton(STATES.peer, { title });

    expect(container.querySelector('img')).toBeNull();
    expect(
      screen.getByRole('button', { name: `Endorse ‘${title}’` }),
    ).toBeTruthy();
  });

  for (const [name, state] of Object.entries(STATES)) {
    it(`passes axe in the ${name} state`, async () => {
      const { container } = renderButton(state, { problem: 'Refused.' });

      expect(await axeViolations(container)).toEqual([]);
    });
  }
});
