/**
 * Text fields whose selection may be clipped. Passwords never are, and
 * neither are fields that hold no prose (numbers, dates, colours).
 */
const CLIPPABLE_INPUT_TYPES = new Set(['text', 'search', 'url', '']);

/**
 * The text selected inside the focused text field, or null. A selection in
 * a `<textarea>` or `<input>` is not part of the page's selection range
 * (Chromium reports it collapsed, Firefox as empty), so it is read from the
 * field itself.
 */
export function selectedFieldText(document: Document): string | null {
  const field = document.activeElement;
  const isTextarea = field?.localName === 'textarea';
  const isTextInput =
    field?.localName === 'input' &&
    CLIPPABLE_INPUT_TYPES.has(field.getAttribute('type')?.toLowerCase() ?? '');
  if (!isTextarea && !isTextInput) return null;

  const { value, selectionStart, selectionEnd } = field as HTMLInputElement;
  if (selectionStart === null || selectionEnd === null) return null;

  const text = value.slice(selectionStart, selectionEnd);
  return text.trim() === '' ? null : text;
}
