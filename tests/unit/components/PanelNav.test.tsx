// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelNav, type PanelNavProps } from '@/components/sidepanel/PanelNav';
import type { PanelView } from '@/utils/models/panel-model';
import { axeViolations } from '../fakes/axe';

function renderNav(props: Partial<PanelNavProps> = {}) {
  const shown: PanelView[] = [];
  const view = render(
    <PanelNav view="feed" onShow={(next) => shown.push(next)} {...props} />,
  );
  return { ...view, shown };
}

const currentItems = () =>
  screen
    .getAllByRole('button')
    .filter((button) => button.getAttribute('aria-current') === 'page')
    .map((button) => button.textContent);

describe('PanelNav', () => {
  afterEach(cleanup);

  it('lists the views in order', () => {
    renderNav();

    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Feed',
      'My drafts',
      'Review',
      'Activity',
    ]);
  });

  it('marks the current view, and only it, as the current page', () => {
    renderNav({ view: 'review' });

    expect(currentItems()).toEqual(['Review']);
  });

  it('shows the view asked for', () => {
    const { shown } = renderNav();

    fireEvent.click(screen.getByRole('button', { name: 'Activity' }));

    expect(shown).toEqual(['activity']);
  });

  it('names the counts of clips waiting and of news', () => {
    renderNav({ reviewCount: 3, unseenCount: 1 });

    expect([
      screen.getByRole('button', { name: 'Review 3 waiting' }),
      screen.getByRole('button', { name: 'Activity 1 new' }),
    ]).toHaveLength(2);
  });

  it('shows no count when nothing waits', () => {
    renderNav({ reviewCount: 0 });

    expect(screen.getByRole('button', { name: 'Review' })).toBeTruthy();
  });

  it('caps a large count', () => {
    renderNav({ unseenCount: 250 });

    expect(
      screen.getByRole('button', { name: 'Activity 99+ new' }),
    ).toBeTruthy();
  });

  it('passes an accessibility check', async () => {
    const { container } = renderNav({ reviewCount: 2, unseenCount: 5 });

    expect(await axeViolations(container)).toEqual([]);
  });
});
