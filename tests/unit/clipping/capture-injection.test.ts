import { describe, expect, it } from 'vitest';
import { injectCapture } from '@/utils/clipping/capture-injection';
import { fakeCapture } from '../fakes/captures';
import { FakeScripting } from '../fakes/fake-scripting';

const SCRIPTS = { selection: '/capture.js', page: '/article.js' };
const NO_SELECTION = { ok: false, reason: 'no-selection', message: '' };

describe('injectCapture', () => {
  it('answers with the top frame when the frames never answer', async () => {
    const scripting = new FakeScripting();
    scripting.setPage(1, (injection) =>
      injection.target.allFrames
        ? new Promise(() => {})
        : [{ frameId: 0, result: NO_SELECTION }],
    );

    const result = await injectCapture(scripting, SCRIPTS, 1, 'selection', 10);

    expect(result).toMatchObject({ ok: false, reason: 'no-selection' });
  });

  it('takes a frame’s selection when the frames answer in time', async () => {
    const scripting = new FakeScripting();
    const inFrame = { ok: true, capture: fakeCapture({ quote: 'Framed.' }) };
    scripting.setPage(1, (injection) => [
      { frameId: 0, result: NO_SELECTION },
      ...(injection.target.allFrames ? [{ frameId: 2, result: inFrame }] : []),
    ]);

    const result = await injectCapture(scripting, SCRIPTS, 1, 'selection', 500);

    expect(result.ok && result.capture.quote).toBe('Framed.');
  });
});
