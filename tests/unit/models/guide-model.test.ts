import { describe, expect, it } from 'vitest';
import {
  createGuideModel,
  isWebAddress,
  validateGuide,
  type GuideServices,
} from '@/utils/models/guide-model';
import type { PublishingGuide } from '@/utils/remote/peer-wire';
import { fakeGuideDirectory } from '../fakes/directory-fakes';

const GUIDE: PublishingGuide = {
  checklist: ['The quote is exact.', 'No personal data.'],
  policy_links: [{ title: 'Privacy', url: 'https://intranet.example/p' }],
  version: 3,
  can_edit: true,
};

function fakeServices(overrides: Partial<GuideServices> = {}) {
  const saves: [string[], unknown[]][] = [];
  const services: GuideServices = {
    directory: async () => fakeGuideDirectory(GUIDE),
    save: async (checklist, policyLinks) => {
      saves.push([checklist, policyLinks]);
      const guide = { ...GUIDE, checklist, policy_links: policyLinks };
      return { ok: true, guide: { ...guide, version: 4 } };
    },
    ...overrides,
  };
  return { services, saves };
}

async function editing(overrides: Partial<GuideServices> = {}) {
  const fake = fakeServices(overrides);
  const model = createGuideModel(fake.services);
  await model.load();
  model.edit();
  return { model, saves: fake.saves };
}

describe('validateGuide', () => {
  it('accepts a checklist with web links', () => {
    const draft = { checklist: ['Exact quote'], links: GUIDE.policy_links };

    expect(validateGuide(draft)).toBeNull();
  });

  it('reports every problem at once', () => {
    const problems = validateGuide({
      checklist: ['  '],
      links: [{ title: '', url: 'javascript:alert(1)' }],
    });

    expect(problems?.checklist[0]).toMatch(/Write the item/);
    expect(problems?.links[0]).toEqual({
      title: 'Give the link a title.',
      url: 'Use a web address starting with https:// or http://.',
    });
  });

  it('refuses an empty checklist', () => {
    const problems = validateGuide({ checklist: [], links: [] });

    expect(problems?.draft).toMatch(/at least one item/);
  });
});

describe('isWebAddress', () => {
  it('refuses addresses that are not http(s)', () => {
    const verdicts = [
      'ftp://x.example',
      'data:text/html,x',
      'intranet',
      'https://x.example/a b',
    ].map(isWebAddress);

    expect(verdicts).toEqual([false, false, false, false]);
  });
});

describe('createGuideModel', () => {
  it('reads the guide from the directory', async () => {
    const { services } = fakeServices();
    const model = createGuideModel(services);

    await model.load();

    expect(model.guide.value?.checklist).toEqual(GUIDE.checklist);
  });

  it('lets no member start editing', async () => {
    const { services } = fakeServices({
      directory: async () => fakeGuideDirectory({ ...GUIDE, can_edit: false }),
    });
    const model = createGuideModel(services);
    await model.load();

    model.edit();

    expect(model.draft.value).toBeNull();
  });

  it('saves added, reordered and removed items trimmed', async () => {
    const { model, saves } = await editing();

    model.items.add();
    model.items.set(2, '  Sources are cited. ');
    model.items.move(2, -2);
    model.items.remove(2);
    await model.save();

    expect(saves[0]?.[0]).toEqual([
      'Sources are cited.',
      'The quote is exact.',
    ]);
  });

  it('shows the saved guide and leaves editing', async () => {
    const { model } = await editing();

    await model.save();

    expect([model.guide.value?.version, model.draft.value]).toEqual([4, null]);
  });

  it('sends nothing while the draft is invalid', async () => {
    const { model, saves } = await editing();
    model.policyLinks.add();

    await model.save();

    expect([saves.length, model.problems.value?.links[1]?.title]).toEqual([
      0,
      'Give the link a title.',
    ]);
  });

  it('keeps the draft when the reader is not allowed', async () => {
    const { model } = await editing({
      save: async () => ({
        ok: false,
        code: 'not-allowed',
        message: 'Not allowed.',
      }),
    });
    model.items.set(0, 'Changed');

    await model.save();

    expect(model.draft.value?.checklist[0]).toBe('Changed');
    expect(model.saveProblem.value).toMatch(/Only workspace admins/);
  });

  it('keeps the draft when offline', async () => {
    const { model } = await editing({
      save: async () => ({ ok: false, code: 'offline', message: 'Offline.' }),
    });
    model.policyLinks.set(0, { title: 'Privacy policy' });

    await model.save();

    expect(model.draft.value?.links[0]?.title).toBe('Privacy policy');
    expect(model.saveProblem.value).toMatch(/You are offline/);
  });

  it('keeps the draft when the request throws', async () => {
    const { model } = await editing({
      save: () => Promise.reject(new Error('port closed')),
    });
    model.items.add();
    model.items.set(2, 'Kept');

    await model.save();

    expect(model.draft.value?.checklist[2]).toBe('Kept');
  });

  it('says why the guide could not be read', async () => {
    const { services } = fakeServices({
      directory: async () => ({
        ok: false,
        code: 'not-signed-in',
        message: 'Sign in to see the publishing guide.',
      }),
    });
    const model = createGuideModel(services);

    await model.load();

    expect(model.loadProblem.value).toBe(
      'Sign in to see the publishing guide.',
    );
  });
});
