// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import {
  OwnNoteEditor,
  type OwnNoteEditorProps,
} from '@/components/sidepanel/OwnNoteEditor';
import { LIMITS } from '@/utils/models/limits';
import { axeViolations } from '../fakes/axe';

const NOTE = 'Ask Carol before lifting.';

function renderEditor(props: Partial<OwnNoteEditorProps> = {}) {
  const saved: string[] = [];
  const view = render(
    <OwnNoteEditor
      note={NOTE}
      endorsed={false}
      onSave={async (note) => {
        saved.push(note);
      }}
      {...props}
    />,
  );
  return { ...view, saved };
}

const noteField = () => screen.getByLabelText('Note') as HTMLTextAreaElement;

function typeNote(text: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));
  fireEvent.input(noteField(), { target: { value: text } });
}

describe('OwnNoteEditor', () => {
  afterEach(cleanup);

  it('opens with the note as it stands', () => {
    renderEditor();

    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));

    expect(noteField().value).toBe(NOTE);
  });

  it('saves the typed note and says so', async () => {
    const { saved } = renderEditor();
    typeNote('Ask Dan.');

    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));

    expect((await screen.findByRole('status')).textContent).toBe('Note saved.');
    expect(saved).toEqual(['Ask Dan.']);
  });

  it('keeps the typed note and says why when the save fails', async () => {
    renderEditor({
      onSave: () =>
        Promise.reject(new Error('A note holds at most 20,000 characters.')),
    });
    typeNote('Ask Dan.');

    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'A note holds at most 20,000 characters.',
    );
    expect(noteField().value).toBe('Ask Dan.');
  });

  it('edits again from the note as it stands after saving', async () => {
    const { rerender } = renderEditor();
    typeNote('Ask Dan.');
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByRole('status');
    rerender(
      <OwnNoteEditor
        note="Ask Dan."
        endorsed={false}
        onSave={async () => {}}
      />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));

    expect(noteField().value).toBe('Ask Dan.');
  });

  it('warns that an official endorsement lapses', () => {
    renderEditor({ endorsed: true });

    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));

    expect(noteField().getAttribute('aria-describedby')).toBe('own-note-help');
    expect(screen.getByText(/lapses its official endorsement/)).toBeTruthy();
  });

  it('says nothing of lapsing when nothing is endorsed', () => {
    renderEditor();

    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));

    expect(screen.queryByText(/lapses/)).toBeNull();
  });

  it('counts the characters left', () => {
    renderEditor();

    typeNote('12345');

    expect(screen.getByText(/characters left/).textContent).toMatch(
      `${(LIMITS.noteChars - 5).toLocaleString('en')} characters left.`,
    );
  });

  it('drops the edit on Cancel', () => {
    const { saved } = renderEditor();
    typeNote('Ask Dan.');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect([saved, screen.queryByLabelText('Note')]).toEqual([[], null]);
  });

  it('passes an accessibility check while editing', async () => {
    const { container } = renderEditor({ endorsed: true });
    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));

    expect(await axeViolations(container)).toEqual([]);
  });
});
