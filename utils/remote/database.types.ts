export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[];

export type Database = {
  public: {
    Tables: {
      clips: {
        Row: {
          author_id: string;
          byline: string;
          canonical_url: string;
          checklist_version: number | null;
          content_hash: string;
          created_at: string;
          deleted_at: string | null;
          excerpt: string;
          id: string;
          kind: string;
          note: string;
          published_at: string | null;
          published_day: string | null;
          quote: string;
          quote_truncated: boolean;
          selectors: NonNullable<Json>;
          site: string;
          snippet: string;
          source_changed_at: string | null;
          source_url: string;
          state: string;
          submitted_at: string | null;
          tags: string[];
          team_id: string | null;
          title: string;
          topic_id: string | null;
          updated_at: string;
          version: number;
          visibility: string;
        };
        Insert: {
          author_id?: string;
          byline?: string;
          canonical_url: string;
          checklist_version?: number | null;
          content_hash: string;
          created_at?: string;
          deleted_at?: string | null;
          excerpt?: string;
          id: string;
          kind?: string;
          note?: string;
          published_at?: string | null;
          published_day?: never;
          quote?: string;
          quote_truncated?: boolean;
          selectors?: NonNullable<Json>;
          site?: string;
          snippet?: string;
          source_changed_at?: string | null;
          source_url: string;
          state?: string;
          submitted_at?: string | null;
          tags?: string[];
          team_id?: string | null;
          title?: string;
          topic_id?: string | null;
          updated_at?: string;
          version?: number;
          visibility?: string;
        };
        Update: {
          author_id?: string;
          byline?: string;
          canonical_url?: string;
          checklist_version?: number | null;
          content_hash?: string;
          created_at?: string;
          deleted_at?: string | null;
          excerpt?: string;
          id?: string;
          kind?: string;
          note?: string;
          published_at?: string | null;
          published_day?: never;
          quote?: string;
          quote_truncated?: boolean;
          selectors?: NonNullable<Json>;
          site?: string;
          snippet?: string;
          source_changed_at?: string | null;
          source_url?: string;
          state?: string;
          submitted_at?: string | null;
          tags?: string[];
          team_id?: string | null;
          title?: string;
          topic_id?: string | null;
          updated_at?: string;
          version?: number;
          visibility?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'clips_author_id_fkey';
            columns: ['author_id'];
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'clips_team_id_fkey';
            columns: ['team_id'];
            referencedRelation: 'teams';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'clips_topic_id_fkey';
            columns: ['topic_id'];
            referencedRelation: 'topics';
            referencedColumns: ['id'];
          },
        ];
      };
      comments: {
        Row: {
          author_id: string;
          body: string;
          clip_id: string;
          created_at: string;
          deleted_at: string | null;
          id: string;
          parent_id: string | null;
          updated_at: string;
          version: number;
        };
        Insert: {
          author_id?: string;
          body: string;
          clip_id: string;
          created_at?: string;
          deleted_at?: string | null;
          id?: string;
          parent_id?: string | null;
          updated_at?: string;
          version?: number;
        };
        Update: {
          author_id?: string;
          body?: string;
          clip_id?: string;
          created_at?: string;
          deleted_at?: string | null;
          id?: string;
          parent_id?: string | null;
          updated_at?: string;
          version?: number;
        };
        Relationships: [
          {
            foreignKeyName: 'comments_author_id_fkey';
            columns: ['author_id'];
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'comments_clip_id_fkey';
            columns: ['clip_id'];
            referencedRelation: 'clips';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'comments_parent_id_fkey';
            columns: ['parent_id'];
            referencedRelation: 'comments';
            referencedColumns: ['id'];
          },
        ];
      };
      endorsements: {
        Row: {
          clip_id: string;
          content_hash: string;
          created_at: string;
          endorser_id: string;
          expires_at: string | null;
          id: string;
          kind: string;
          withdrawn_at: string | null;
        };
        Insert: {
          clip_id: string;
          content_hash: string;
          created_at?: string;
          endorser_id?: string;
          expires_at?: string | null;
          id?: string;
          kind?: string;
          withdrawn_at?: string | null;
        };
        Update: {
          clip_id?: string;
          content_hash?: string;
          created_at?: string;
          endorser_id?: string;
          expires_at?: string | null;
          id?: string;
          kind?: string;
          withdrawn_at?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: 'endorsements_clip_id_fkey';
            columns: ['clip_id'];
            referencedRelation: 'clips';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'endorsements_endorser_id_fkey';
            columns: ['endorser_id'];
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      follows: {
        Row: {
          created_at: string;
          followed_profile_id: string | null;
          followed_topic_id: string | null;
          follower_id: string;
          id: string;
        };
        Insert: {
          created_at?: string;
          followed_profile_id?: string | null;
          followed_topic_id?: string | null;
          follower_id?: string;
          id?: string;
        };
        Update: {
          created_at?: string;
          followed_profile_id?: string | null;
          followed_topic_id?: string | null;
          follower_id?: string;
          id?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'follows_followed_profile_id_fkey';
            columns: ['followed_profile_id'];
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'follows_followed_topic_id_fkey';
            columns: ['followed_topic_id'];
            referencedRelation: 'topics';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'follows_follower_id_fkey';
            columns: ['follower_id'];
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      organisation_settings: {
        Row: {
          allowed_domains: string[];
          checklist: NonNullable<Json>;
          checklist_version: number;
          default_approvals: number;
          id: boolean;
          policy_links: NonNullable<Json>;
          updated_at: string;
        };
        Insert: {
          allowed_domains?: string[];
          checklist?: NonNullable<Json>;
          checklist_version?: number;
          default_approvals?: number;
          id?: boolean;
          policy_links?: NonNullable<Json>;
          updated_at?: string;
        };
        Update: {
          allowed_domains?: string[];
          checklist?: NonNullable<Json>;
          checklist_version?: number;
          default_approvals?: number;
          id?: boolean;
          policy_links?: NonNullable<Json>;
          updated_at?: string;
        };
        Relationships: [];
      };
      profiles: {
        Row: {
          approved_at: string | null;
          created_at: string;
          display_name: string;
          email: string;
          id: string;
          role: string;
          status: string;
          team_id: string | null;
          updated_at: string;
        };
        Insert: {
          approved_at?: string | null;
          created_at?: string;
          display_name: string;
          email?: string;
          id: string;
          role?: string;
          status?: string;
          team_id?: string | null;
          updated_at?: string;
        };
        Update: {
          approved_at?: string | null;
          created_at?: string;
          display_name?: string;
          email?: string;
          id?: string;
          role?: string;
          status?: string;
          team_id?: string | null;
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'profiles_team_id_fkey';
            columns: ['team_id'];
            referencedRelation: 'teams';
            referencedColumns: ['id'];
          },
        ];
      };
      reviews: {
        Row: {
          accuracy_concern: string;
          clip_id: string;
          content_hash: string;
          created_at: string;
          helps: string;
          id: string;
          improve: string;
          reviewer_id: string;
          verdict: string;
        };
        Insert: {
          accuracy_concern?: string;
          clip_id: string;
          content_hash: string;
          created_at?: string;
          helps?: string;
          id?: string;
          improve?: string;
          reviewer_id?: string;
          verdict: string;
        };
        Update: {
          accuracy_concern?: string;
          clip_id?: string;
          content_hash?: string;
          created_at?: string;
          helps?: string;
          id?: string;
          improve?: string;
          reviewer_id?: string;
          verdict?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'reviews_clip_id_fkey';
            columns: ['clip_id'];
            referencedRelation: 'clips';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'reviews_reviewer_id_fkey';
            columns: ['reviewer_id'];
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      teams: {
        Row: {
          approvals_required: number;
          created_at: string;
          id: string;
          name: string;
        };
        Insert: {
          approvals_required: number;
          created_at?: string;
          id?: string;
          name: string;
        };
        Update: {
          approvals_required?: number;
          created_at?: string;
          id?: string;
          name?: string;
        };
        Relationships: [];
      };
      topic_endorsers: {
        Row: {
          created_at: string;
          profile_id: string;
          topic_id: string;
        };
        Insert: {
          created_at?: string;
          profile_id: string;
          topic_id: string;
        };
        Update: {
          created_at?: string;
          profile_id?: string;
          topic_id?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'topic_endorsers_profile_id_fkey';
            columns: ['profile_id'];
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'topic_endorsers_topic_id_fkey';
            columns: ['topic_id'];
            referencedRelation: 'topics';
            referencedColumns: ['id'];
          },
        ];
      };
      topics: {
        Row: {
          created_at: string;
          id: string;
          name: string;
          regulated: boolean;
        };
        Insert: {
          created_at?: string;
          id?: string;
          name: string;
          regulated?: boolean;
        };
        Update: {
          created_at?: string;
          id?: string;
          name?: string;
          regulated?: boolean;
        };
        Relationships: [];
      };
    };
    Views: {
      [_ in never]: never;
    };
    Functions: {
      clip_detail: { Args: { clip_id: string }; Returns: Json };
      endorse: {
        Args: { clip_id: string; endorsement_id?: string; kind?: string };
        Returns: {
          clip_id: string;
          content_hash: string;
          created_at: string;
          endorser_id: string;
          expires_at: string | null;
          id: string;
          kind: string;
          withdrawn_at: string | null;
        };
        SetofOptions: {
          from: '*';
          to: 'endorsements';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      feed_page: {
        Args: { cursor?: string; max?: number; scope: string; target?: string };
        Returns: Json;
      };
      make_first_admin: { Args: { email: string }; Returns: string };
      pull_changes: { Args: { max?: number; since?: number }; Returns: Json };
      push_changes: { Args: { batch: Json }; Returns: Json };
      report_source_check: {
        Args: { clip_id: string; found: boolean };
        Returns: undefined;
      };
      review: {
        Args: {
          accuracy_concern?: string;
          clip_id: string;
          helps?: string;
          improve?: string;
          review_id?: string;
          verdict: string;
        };
        Returns: Json;
      };
      review_queue: { Args: Record<PropertyKey, never>; Returns: Json };
      save_publishing_guide: {
        Args: { checklist: Json; policy_links: Json };
        Returns: Json;
      };
      set_follow: {
        Args: { follow: boolean; kind: string; target_id: string };
        Returns: undefined;
      };
      submit_for_review: {
        Args: { checklist_version: number; clip_id: string };
        Returns: {
          author_id: string;
          byline: string;
          canonical_url: string;
          checklist_version: number | null;
          content_hash: string;
          created_at: string;
          deleted_at: string | null;
          excerpt: string;
          id: string;
          kind: string;
          note: string;
          published_at: string | null;
          published_day: string | null;
          quote: string;
          quote_truncated: boolean;
          selectors: NonNullable<Json>;
          site: string;
          snippet: string;
          source_changed_at: string | null;
          source_url: string;
          state: string;
          submitted_at: string | null;
          tags: string[];
          team_id: string | null;
          title: string;
          topic_id: string | null;
          updated_at: string;
          version: number;
          visibility: string;
        };
        SetofOptions: {
          from: '*';
          to: 'clips';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      withdraw_endorsement: {
        Args: { endorsement_id: string };
        Returns: {
          clip_id: string;
          content_hash: string;
          created_at: string;
          endorser_id: string;
          expires_at: string | null;
          id: string;
          kind: string;
          withdrawn_at: string | null;
        };
        SetofOptions: {
          from: '*';
          to: 'endorsements';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      workspace_directory: { Args: Record<PropertyKey, never>; Returns: Json };
    };
    Enums: {
      [_ in never]: never;
    };
    CompositeTypes: {
      [_ in never]: never;
    };
  };
};

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>;

type DefaultSchema = DatabaseWithoutInternals[Extract<
  keyof Database,
  'public'
>];

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema['Tables'] & DefaultSchema['Views'])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Views'])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals;
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Views'])[TableName] extends {
      Row: infer R;
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema['Tables'] &
        DefaultSchema['Views'])
    ? (DefaultSchema['Tables'] &
        DefaultSchema['Views'])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R;
      }
      ? R
      : never
    : never;

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    keyof DefaultSchema['Tables'] | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables']
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals;
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'][TableName] extends {
      Insert: infer I;
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema['Tables']
    ? DefaultSchema['Tables'][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I;
      }
      ? I
      : never
    : never;

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    keyof DefaultSchema['Tables'] | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables']
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals;
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'][TableName] extends {
      Update: infer U;
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema['Tables']
    ? DefaultSchema['Tables'][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U;
      }
      ? U
      : never
    : never;

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    keyof DefaultSchema['Enums'] | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions['schema']]['Enums']
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals;
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions['schema']]['Enums'][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema['Enums']
    ? DefaultSchema['Enums'][DefaultSchemaEnumNameOrOptions]
    : never;

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema['CompositeTypes']
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions['schema']]['CompositeTypes']
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals;
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions['schema']]['CompositeTypes'][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema['CompositeTypes']
    ? DefaultSchema['CompositeTypes'][PublicCompositeTypeNameOrOptions]
    : never;

export const Constants = {
  public: {
    Enums: {},
  },
} as const;
