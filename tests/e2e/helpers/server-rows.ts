import { withClient } from '../../../local-stack/database.ts';

/** A clip's state as the server holds it. */
export interface ServerClip {
  state: string;
  topic: string | null;
}

/** An endorsement as the server holds it, with whether it still holds. */
export interface ServerEndorsement {
  endorser: string;
  kind: string;
  withdrawn: boolean;
  /** False once the clip's quote or note changed after the endorsement. */
  matchesText: boolean;
}

/**
 * Reads what the server holds about one clip, as the database's admin,
 * beside the extension: the proof that a step reached the workspace.
 */
export class ServerRows {
  constructor(private readonly adminUrl: string) {}

  /** The clip's state and topic name, or undefined before it arrives. */
  async clip(id: string): Promise<ServerClip | undefined> {
    const rows = await this.query<ServerClip>(
      `select c.state, t.name as topic
       from public.clips c left join public.topics t on t.id = c.topic_id
       where c.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** The clip's endorsements, oldest first, named by endorser e-mail. */
  endorsements(clipId: string): Promise<ServerEndorsement[]> {
    return this.query<ServerEndorsement>(
      `select u.email as endorser, e.kind,
         e.withdrawn_at is not null as withdrawn,
         e.content_hash = c.content_hash as "matchesText"
       from public.endorsements e
       join public.clips c on c.id = e.clip_id
       join auth.users u on u.id = e.endorser_id
       where e.clip_id = $1 order by e.created_at`,
      [clipId],
    );
  }

  /** The bodies of the clip's comments, oldest first, with their authors. */
  comments(clipId: string): Promise<{ author: string; body: string }[]> {
    return this.query(
      `select u.email as author, m.body
       from public.comments m join auth.users u on u.id = m.author_id
       where m.clip_id = $1 and m.deleted_at is null order by m.created_at`,
      [clipId],
    );
  }

  private async query<Row extends object>(
    sql: string,
    values: unknown[],
  ): Promise<Row[]> {
    const { rows } = await withClient(this.adminUrl, (admin) =>
      admin.query<Row>(sql, values),
    );
    return rows;
  }
}
