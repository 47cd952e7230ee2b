import type { SignedInUser } from '@/utils/messages/account-protocol';
import type { AccountModel } from '@/utils/models/account-model';
import { CodeForm } from './CodeForm';
import { DraftsChoice } from './DraftsChoice';
import { PasswordForm } from './PasswordForm';
import { SectionProblem } from './SectionProblem';

/** Props of AccountSection. */
export interface AccountSectionProps {
  model: AccountModel;
  /** The workplace identity provider, when this build has one set up. */
  oauthProvider?: string;
}

/** Who is signed in, and Sign out with the choice about drafts. */
function SignedIn({
  model,
  user,
}: {
  model: AccountModel;
  user: SignedInUser;
}) {
  const asking = model.asking.value === 'sign-out';

  return (
    <>
      <p>
        Signed in as <strong>{user.email}</strong>.
      </p>
      {asking ? (
        <DraftsChoice
          choice="sign-out"
          pendingCount={model.status.value?.sync.pendingCount ?? 0}
          onChoose={(keep) => void model.choose(keep)}
          onCancel={model.cancelChoice}
        />
      ) : (
        <button
          type="button"
          disabled={model.busy.value === 'account'}
          onClick={() => model.ask('sign-out')}
        >
          Sign out
        </button>
      )}
    </>
  );
}

/** The ways to sign in: password, emailed code, workplace account. */
function SignIn({
  model,
  oauthProvider,
  email,
}: AccountSectionProps & { email?: string }) {
  const codeSentTo = model.codeSentTo.value;
  if (codeSentTo) return <CodeForm model={model} email={codeSentTo} />;

  return (
    <>
      <PasswordForm model={model} initialEmail={email} />
      {oauthProvider && (
        <button
          type="button"
          class="workplace-sign-in"
          disabled={model.busy.value === 'account'}
          onClick={() => void model.signInWithProvider(oauthProvider)}
        >
          Sign in with your workplace account
        </button>
      )}
    </>
  );
}

/** "Account": sign in to the connected workspace, or sign out. */
export function AccountSection({ model, oauthProvider }: AccountSectionProps) {
  const status = model.status.value;
  const user = status?.user ?? null;
  // An expired session still names its user; signing in again renews it.
  const expired = status?.sync.problem?.code === 'session-expired';

  return (
    <section aria-labelledby="account-title">
      <h2 id="account-title">Account</h2>
      {user && !expired && <SignedIn model={model} user={user} />}
      {user && expired && (
        <p>Your session as {user.email} expired. Sign in again.</p>
      )}
      {(!user || expired) && (
        <SignIn
          model={model}
          oauthProvider={oauthProvider}
          email={user?.email}
        />
      )}
      <SectionProblem model={model} section="account" />
    </section>
  );
}
