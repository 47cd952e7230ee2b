import { useRef, useState } from 'preact/hooks';
import type { AccountModel } from '@/utils/models/account-model';

/** Props of PasswordForm. */
export interface PasswordFormProps {
  model: AccountModel;
  /** The email of a session that expired, so it need not be typed again. */
  initialEmail?: string;
}

/** Email and password, or the same email for a one-time code. */
export function PasswordForm({ model, initialEmail }: PasswordFormProps) {
  const [email, setEmail] = useState(initialEmail ?? '');
  const [password, setPassword] = useState('');
  const emailField = useRef<HTMLInputElement>(null);
  const busy = model.busy.value === 'account';

  function submit(event: Event) {
    event.preventDefault();
    void model.signInWithPassword(email.trim(), password);
  }

  function emailCode() {
    // Only the email is needed for a code: check it alone, not the form.
    if (emailField.current && !emailField.current.reportValidity()) return;

    void model.sendCode(email.trim());
  }

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <div class="field">
        <label htmlFor="sign-in-email">Email</label>
        <input
          id="sign-in-email"
          ref={emailField}
          type="email"
          required
          autoComplete="username"
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label htmlFor="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || !password}>
          Sign in
        </button>
        <button type="button" disabled={busy} onClick={emailCode}>
          Email me a code
        </button>
      </div>
    </form>
  );
}
