/** Props of FeedbackFields. */
export interface FeedbackFieldsProps {
  helps: string;
  improve: string;
  accuracyConcern: string;
}

/** A review's structured feedback, leaving out the parts left empty. */
export function FeedbackFields(props: FeedbackFieldsProps) {
  const parts = [
    ['What helps', props.helps],
    ['What to improve', props.improve],
    ['Accuracy concern', props.accuracyConcern],
  ].filter(([, text]) => text?.trim());
  if (parts.length === 0) return null;

  return (
    <dl class="feedback">
      {parts.map(([label, text]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd class="note">{text}</dd>
        </div>
      ))}
    </dl>
  );
}
