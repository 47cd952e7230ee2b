// @vitest-environment jsdom
import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishingGuideSection } from '@/components/options/PublishingGuideSection';
import {
  createGuideModel,
  type GuideServices,
} from '@/utils/models/guide-model';
import type { PublishingGuide } from '@/utils/remote/peer-wire';
import { axeViolations } from '../fakes/axe';
import { fakeGuideDirectory } from '../fakes/directory-fakes';

const GUIDE: PublishingGuide = {
  checklist: ['The quote is exact.', 'No personal data.'],
  policy_links: [
    { title: 'Privacy', url: 'https://intranet.example/privacy' },
    { title: 'Sneaky', url: 'javascript:alert(1)' },
  ],
  version: 3,
  can_edit: true,
};

async function renderSection(
  guide: PublishingGuide,
  save: GuideServices['save'] = async (checklist, policyLinks) => ({
    ok: true,
    guide: { ...guide, checklist, policy_links: policyLinks, version: 4 },
  }),
) {
  const model = createGuideModel({
    directory: async () => fakeGuideDirectory(guide),
    save,
  });
  await model.load();
  const { container } = render(<PublishingGuideSection model={model} />);
  return { container, model };
}

function editGuide() {
  fireEvent.click(screen.getByRole('button', { name: 'Edit the guide' }));
}

describe('PublishingGuideSection', () => {
  afterEach(cleanup);

  it('shows the checklist to a member, read-only', async () => {
    await renderSection({ ...GUIDE, can_edit: false });

    expect(screen.getByText('No personal data.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('links a policy only at a web address', async () => {
    await renderSection(GUIDE);

    expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual(
      ['Privacy'],
    );
  });

  it('adds an item and saves the guide', async () => {
    await renderSection(GUIDE);
    editGuide();
    fireEvent.click(screen.getByRole('button', { name: 'Remove link 2' }));

    fireEvent.click(screen.getByRole('button', { name: 'Add item' }));
    fireEvent.input(screen.getByLabelText('Item 3'), {
      target: { value: 'Sources are cited.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save guide' }));

    expect(await screen.findByText('Sources are cited.')).toBeTruthy();
  });

  it('moves an item up', async () => {
    await renderSection(GUIDE);
    editGuide();

    fireEvent.click(screen.getByRole('button', { name: 'Move item 2 up' }));

    const first = screen.getByLabelText('Item 1') as HTMLTextAreaElement;
    expect(first.value).toBe('No personal data.');
  });

  it('marks an address that is not a web one and focuses it', async () => {
    await renderSection(GUIDE);
    editGuide();

    fireEvent.click(screen.getByRole('button', { name: 'Save guide' }));

    const url = screen.getByLabelText('Address of link 2');
    await waitFor(() => expect(document.activeElement).toBe(url));
    expect(url.getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps the unsaved edit when the save is refused', async () => {
    await renderSection(GUIDE, async () => ({
      ok: false,
      code: 'not-allowed',
      message: 'Not allowed.',
    }));
    editGuide();
    fireEvent.click(screen.getByRole('button', { name: 'Remove link 2' }));
    fireEvent.input(screen.getByLabelText('Item 1'), {
      target: { value: 'Quote exactly.' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Save guide' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/admins/);
    expect((screen.getByLabelText('Item 1') as HTMLTextAreaElement).value).toBe(
      'Quote exactly.',
    );
  });

  it('passes axe read-only', async () => {
    const { container } = await renderSection({ ...GUIDE, can_edit: false });

    expect(await axeViolations(container)).toEqual([]);
  });

  it('passes axe while editing with problems shown', async () => {
    const { container } = await renderSection(GUIDE);
    editGuide();
    fireEvent.click(screen.getByRole('button', { name: 'Save guide' }));
    await screen.findByRole('alert');

    expect(await axeViolations(container)).toEqual([]);
  });
});
