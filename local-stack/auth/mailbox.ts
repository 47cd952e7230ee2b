/** One email the auth API would have sent. */
export interface SentEmail {
  to: string;
  /** `signup` confirms an address; `magiclink` signs in. */
  kind: 'signup' | 'magiclink';
  code: string;
  sentAt: Date;
}

/**
 * Stands in for the mailer: keeps what would have been sent (tests read the
 * codes from here) and prints each code for the person at the console.
 */
export class Mailbox {
  readonly sent: SentEmail[] = [];

  constructor(private readonly print = true) {}

  /** Records and shows an email carrying a one-time code. */
  send(to: string, kind: SentEmail['kind'], code: string): void {
    this.sent.push({ to, kind, code, sentAt: new Date() });
    if (this.print) console.log(`[auth] ${kind} code for ${to}: ${code}`);
  }

  /** The newest code sent to an address, whatever its letter case. */
  latestCode(to: string): string | undefined {
    const address = to.toLowerCase();
    const mine = this.sent.filter((email) => email.to === address);
    return mine.at(-1)?.code;
  }
}
