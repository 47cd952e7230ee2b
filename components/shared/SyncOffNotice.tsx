/**
 * Local-only mode: with no workspace connected, drafts stay in this
 * browser. Said plainly, so nobody expects peers to see them yet.
 */
export function SyncOffNotice() {
  return (
    <p class="sync-off" role="note">
      Sync is off: drafts are kept in this browser only.
    </p>
  );
}
