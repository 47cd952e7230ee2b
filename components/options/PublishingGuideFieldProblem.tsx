/** A field's problem, tied to the field by its id. */
export function FieldProblem({
  id,
  text,
}: {
  id: string;
  text: string | null;
}) {
  if (!text) return null;

  return (
    <p id={id} class="hint hint--over">
      {text}
    </p>
  );
}
