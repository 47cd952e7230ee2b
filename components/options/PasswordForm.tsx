import { useState } from 'preact/hooks';
import type { AccountModel } from '@/utils/models/account-model';

/** Props of PasswordForm. */
export interface PasswordFormProps {
  model: AccountModel;
}

/** Email and password, or the same email for a one-time code. */
export function PasswordForm({ model }: PasswordFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const busy = model.busy.value === 'account';

  function submit(event: Event) {
    event.preventDefault();
    void model.signInWithPassword(email.trim(), password);
  }

  function emailCode(event: Event) {
    const form = (event.currentTarget as HTMLElement).closest('form');
    const email = form?.querySelector<HTMLInputElement>('#sign-in-email');
    // Only the email is needed for a code: check it alone, not the form.
    if (email && !email.reportValidity()) return;

    void model.sendCode(email?.value.trim() ?? '');
  }

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <div class="field">
        <label htmlFor="sign-in-email">Email</label>
        <input
          id="sign-in-email"
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
