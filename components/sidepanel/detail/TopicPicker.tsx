import { useId } from 'preact/hooks';
import type { DirectoryTopic } from '@/utils/remote/peer-wire';

/** Props of TopicPicker. */
export interface TopicPickerProps {
  topics: DirectoryTopic[];
  value: string | null;
  onChange(topicId: string | null): void;
}

/** Chooses the clip's topic; regulated topics say so in their name. */
export function TopicPicker({ topics, value, onChange }: TopicPickerProps) {
  const id = useId();

  return (
    <div class="field">
      <label htmlFor={id}>Topic</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.currentTarget.value || null)}
      >
        <option value="">No topic</option>
        {topics.map((topic) => (
          <option key={topic.id} value={topic.id}>
            {topic.regulated ? `${topic.name} (regulated)` : topic.name}
          </option>
        ))}
      </select>
    </div>
  );
}
