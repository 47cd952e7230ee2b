import { exactTime, timeAgo } from '@/utils/models/relative-time';

/** Props of TimeAgo. */
export interface TimeAgoProps {
  iso: string;
  now: Date;
}

/** "3 hours ago", with the exact time on hover and for machines. */
export function TimeAgo({ iso, now }: TimeAgoProps) {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return null;

  return (
    <time dateTime={iso} title={exactTime.format(when)}>
      {timeAgo(iso, now)}
    </time>
  );
}
