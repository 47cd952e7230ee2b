// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FollowButton } from '@/components/shared/FollowButton';
import { axeViolations } from '../fakes/axe';

function renderButton(following: boolean, busy = false) {
  let toggles = 0;
  const { container } = render(
    <FollowButton
      label="Health & Safety"
      following={following}
      busy={busy}
      onToggle={() => (toggles += 1)}
    />,
  );
  return { container, toggles: () => toggles };
}

describe('FollowButton', () => {
  afterEach(cleanup);

  it('follows a topic not followed yet', () => {
    const { toggles } = renderButton(false);

    fireEvent.click(
      screen.getByRole('button', { name: 'Follow Health & Safety' }),
    );

    expect(toggles()).toBe(1);
  });

  it('offers to unfollow what the reader follows', () => {
    renderButton(true);

    expect(
      screen.getByRole('button', { name: 'Unfollow Health & Safety' }),
    ).toBeTruthy();
  });

  it('waits for the request before another click', () => {
    renderButton(false, true);

    const button = screen.getByRole('button') as HTMLButtonElement;

    expect(button.disabled).toBe(true);
  });

  it('passes axe followed and not', async () => {
    const off = renderButton(false).container;
    const on = renderButton(true).container;

    expect(await axeViolations(off)).toEqual([]);
    expect(await axeViolations(on)).toEqual([]);
  });
});
