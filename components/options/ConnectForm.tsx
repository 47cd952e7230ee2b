import { useState } from 'preact/hooks';
import type { AccountModel } from '@/utils/models/account-model';

/** Props of ConnectForm. */
export interface ConnectFormProps {
  model: AccountModel;
}

/** The Supabase URL and anon key of a workspace, checked on Connect. */
export function ConnectForm({ model }: ConnectFormProps) {
  const [url, setUrl] = useState('');
  const [anonKey, setAnonKey] = useState('');
  const busy = model.busy.value === 'workspace';

  function submit(event: Event) {
    event.preventDefault();
    void model.connect(url.trim(), anonKey.trim());
  }

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <p class="hint">
        Connect your team’s workspace to sync your drafts and share clips.
      </p>
      <div class="field">
        <label htmlFor="workspace-url">Supabase URL</label>
        <input
          id="workspace-url"
          type="url"
          required
          placeholder="https://your-project.supabase.co"
          value={url}
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label htmlFor="workspace-key">Anon key</label>
        <input
          id="workspace-key"
          type="text"
          required
          autoComplete="off"
          spellcheck={false}
          value={anonKey}
          onInput={(event) => setAnonKey(event.currentTarget.value)}
        />
      </div>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Checking…' : 'Connect'}
      </button>
    </form>
  );
}
