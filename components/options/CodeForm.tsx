import { useState } from 'preact/hooks';
import type { AccountModel } from '@/utils/models/account-model';

/** Props of CodeForm. */
export interface CodeFormProps {
  model: AccountModel;
  email: string;
}

/** The one-time code emailed to `email`. */
export function CodeForm({ model, email }: CodeFormProps) {
  const [code, setCode] = useState('');
  const busy = model.busy.value === 'account';

  function submit(event: Event) {
    event.preventDefault();
    void model.verifyCode(code.trim());
  }

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <p>We emailed a sign-in code to {email}.</p>
      <div class="field">
        <label htmlFor="sign-in-code">Code from the email</label>
        <input
          id="sign-in-code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          value={code}
          onInput={(event) => setCode(event.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          Sign in
        </button>
        <button type="button" class="link" onClick={model.cancelCode}>
          Use another email
        </button>
      </div>
    </form>
  );
}
