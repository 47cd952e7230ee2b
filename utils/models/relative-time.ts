const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "3 minutes ago", "yesterday": how long ago `iso` was. */
export function timeAgo(iso: string, now: Date): string {
  const elapsed = now.getTime() - new Date(iso).getTime();

  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) {
      return relative.format(-Math.round(elapsed / size), unit);
    }
  }
  return 'just now';
}

/** The exact time, for a tooltip beside a relative one. */
export const exactTime = new Intl.DateTimeFormat('en', {
  dateStyle: 'full',
  timeStyle: 'long',
});
