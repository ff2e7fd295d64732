namespace BorderAlerts.Storage.Postgres;

/// <summary>
/// Schema steps in order; each runs once, in its own transaction, and is recorded in schema_version. Append new steps
/// with the next number (search, rules and audit tables arrive this way); never edit one that has shipped. The tables
/// are SQLite's (SqliteMigrations) in PostgreSQL's types: that DDL is repeated on purpose, one text per dialect.
/// </summary>
internal static class PostgresMigrations
{
    public sealed record Step(int Version, string Name, Func<IReadOnlyList<string>> Statements);

    public static readonly Step[] All =
    [
        new(1, "items, stories, outbox, feed health, evidence", () => [Core]),
        new(2, "Quartz clustered job store (qrtz_*): created by the scheduler's own setup since version 9", () => []),
        new(3, "archive search index", () => [Search]),
        new(4, "chat administration: overrides and their audit record", () => [Admin]),
        new(5, "polling and delivery leave Quartz's clustered schedule (each instance runs its own passes)", () => [PassesLeaveQuartz]),
        new(6, "archive index of our own (segments of token keys → item ids) replaces the tsvector index", () => [Segments]),
        new(7, "signed chat requests already answered, so a replay to any instance is refused", () => [SeenRequests]),
        new(8, "source-health conditions told to the admin, so another instance neither repeats nor loses a notice", () => [SourceConditions]),
        new(9, "running instances and their heartbeats: claims divide what is due by the live ones", () => [Instances]),
        new(10, "machine translations of items' titles and excerpts, kept for cards and search", () => [Translations]),
        new(11, "votes from the buttons on cards, and deliveries found by alert for their tally", () => [FeedbackVotes]),
        new(12, "deliveries found by the message they went in: a late translation edits that message", () => [DeliveriesByMessage]),
        new(13, "watchlists' copies in force: a state row per list, a row per entry", () => [Watchlists]),
        new(14, "the web panel's one-time sign-in links and sessions, honoured by every instance", () => [PanelSignIns]),
        new(15, "ASP.NET's data-protection keys, so the panel's forms from one instance are accepted by another", () => [PanelKeys]),
        new(16, "the panel's alerts page: deliveries sent in a digest marked, a dead letter's resend recorded", () => [DeliveryLog]),
        new(17, "WebSub subscriptions, shared so any instance answers a hub and one holds each", () => [WebSubSubscriptions]),
        new(18, "briefings' firings, one row per briefing and fire time, so a firing posts once across instances", () => [BriefingRuns]),
    ];

    /// <summary>Briefings' firings (IBriefingRuns): the primary key lets one instance take a firing. Not part of an export.</summary>
    const string BriefingRuns = """
        CREATE TABLE briefing_runs (
            briefing_id text NOT NULL,
            fire_time bigint NOT NULL,
            started_at bigint NOT NULL,
            outcome text NOT NULL,
            finished_at bigint,
            error text,
            PRIMARY KEY (briefing_id, fire_time));
        """;

    /// <summary>The panel's alerts page (IDeliveryLog): a digest's deliveries marked, who sent a dead letter again and when.</summary>
    /// <summary>WebSub subscriptions by their callback's secret segment (WebSubTable). Not part of an export: they name this service's public address.</summary>
    const string WebSubSubscriptions = """
        CREATE TABLE websub_subscriptions (
            callback_id text PRIMARY KEY,
            feed_id text NOT NULL,
            hub text NOT NULL,
            topic text NOT NULL,
            secret text NOT NULL,
            state text NOT NULL,
            due_at bigint NOT NULL,
            expires_at bigint,
            attempts integer NOT NULL DEFAULT 0,
            last_error text,
            created_at bigint NOT NULL);
        CREATE UNIQUE INDEX websub_subscriptions_live ON websub_subscriptions (feed_id) WHERE state NOT IN ('unsubscribe', 'leaving');
        """;

    const string DeliveryLog = """
        ALTER TABLE deliveries ADD COLUMN digest integer NOT NULL DEFAULT 0;
        ALTER TABLE deliveries ADD COLUMN resent_at bigint;
        ALTER TABLE deliveries ADD COLUMN resent_by text;
        """;

    /// <summary>ASP.NET's data-protection keys, one row per key as it writes them (PanelKeyRing). Not part of an export.</summary>
    const string PanelKeys = """
        CREATE TABLE panel_keys (
            name text PRIMARY KEY,
            xml text NOT NULL);
        """;

    /// <summary>The web panel's sign-in links and sessions by a SHA-256 of their secret (PanelPassesTable). Not part of an export.</summary>
    const string PanelSignIns = """
        CREATE TABLE panel_sign_ins (
            key bytea PRIMARY KEY,
            kind text NOT NULL,
            platform text NOT NULL,
            user_id text NOT NULL,
            user_name text NOT NULL,
            admin integer NOT NULL,
            expires_at bigint NOT NULL);
        CREATE INDEX panel_sign_ins_expiry ON panel_sign_ins (expires_at);
        """;

    /// <summary>Watchlists' copies, one state row per list and one row per entry with its JSON (IWatchlistStore). Part of an export.</summary>
    const string Watchlists = """
        CREATE TABLE watchlist_state (
            list_id text PRIMARY KEY,
            etag text,
            last_modified text,
            refreshed_at bigint,
            last_attempt_at bigint,
            entries integer NOT NULL,
            consecutive_failures integer NOT NULL,
            last_error text);
        CREATE TABLE watchlist_entries (
            list_id text NOT NULL,
            entry_id text NOT NULL,
            position integer NOT NULL,
            entry text NOT NULL,
            PRIMARY KEY (list_id, entry_id));
        CREATE INDEX watchlist_entries_position ON watchlist_entries (list_id, position);
        """;

    /// <summary>Votes from card buttons, one per person and alert (IFeedbackStore). Part of an export.</summary>
    const string FeedbackVotes = """
        CREATE TABLE feedback_votes (
            alert_id bigint NOT NULL REFERENCES alerts (id),
            platform text NOT NULL,
            user_id text NOT NULL,
            verdict text NOT NULL,
            voted_at bigint NOT NULL,
            PRIMARY KEY (alert_id, platform, user_id));
        CREATE INDEX deliveries_alert ON deliveries (alert_id);
        """;

    /// <summary>ISentMessages: the deliveries sent in one message, read to render it again.</summary>
    const string DeliveriesByMessage = "CREATE INDEX deliveries_message ON deliveries (destination, message_id) WHERE message_id IS NOT NULL;";

    /// <summary>Machine translations, one per item, field and language (ITranslationStore). Part of an export.</summary>
    const string Translations = """
        CREATE TABLE translations (
            item_id bigint NOT NULL REFERENCES items (id),
            field text NOT NULL,
            language text NOT NULL,
            text text NOT NULL,
            provider text NOT NULL,
            translated_at bigint NOT NULL,
            PRIMARY KEY (item_id, field, language));
        """;

    /// <summary>Source-health conditions told and not yet told ended; the key makes opening one a single instance's act. Not part of an export.</summary>
    const string SourceConditions = """
        CREATE TABLE IF NOT EXISTS source_conditions (
            feed_id text NOT NULL,
            condition text NOT NULL,
            opened_at bigint NOT NULL,
            PRIMARY KEY (feed_id, condition));
        """;

    /// <summary>Running instances, each beating every few seconds (IInstanceHeartbeats). Not part of an export.</summary>
    const string Instances = """
        CREATE TABLE instances (
            id text PRIMARY KEY,
            started_at bigint NOT NULL,
            beat_at bigint NOT NULL);
        """;

    /// <summary>A hash of what each answered request signed, kept for the five-minute signing window; not part of an export.</summary>
    const string SeenRequests = """
        CREATE TABLE seen_requests (
            key bytea PRIMARY KEY,
            expires_at bigint NOT NULL);
        CREATE INDEX seen_requests_expiry ON seen_requests (expires_at);
        """;

    /// <summary>
    /// SQLite's archive index (ADR 0008) on PostgreSQL: the tsvector index cost 8 × the raw text and 40–120 ms per search.
    /// Blocks are stored uncompressed out of line (varints do not compress, and trying costs time). Words sort bytewise
    /// ("C"), so a prefix is a range. Filled for every stored item by PostgresSearchIndex.BackfillAsync.
    /// </summary>
    const string Segments = """
        DROP TABLE IF EXISTS search_index;
        CREATE TABLE search_segments (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            level integer NOT NULL,
            first_item bigint NOT NULL,
            last_item bigint NOT NULL,
            items bigint NOT NULL,
            last_seen bigint,
            ready boolean NOT NULL,
            started_at bigint NOT NULL);
        CREATE INDEX search_segments_range ON search_segments (last_item);
        CREATE TABLE search_blocks (
            segment bigint NOT NULL,
            first_key bigint NOT NULL,
            data bytea NOT NULL,
            PRIMARY KEY (segment, first_key));
        ALTER TABLE search_blocks ALTER COLUMN data SET STORAGE EXTERNAL;
        CREATE TABLE search_words (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            word text COLLATE "C" NOT NULL UNIQUE);
        """;

    /// <summary>
    /// The poll and delivery jobs of earlier versions, removed from the shared schedule: their classes are gone, and the
    /// passes now run on every instance at once (ADR 0005). Quartz re-creates only the jobs the code still registers.
    /// A database created since step 2 stopped creating Quartz's tables has none to clean.
    /// </summary>
    const string PassesLeaveQuartz = """
        DO $$ BEGIN
        IF to_regclass('qrtz_triggers') IS NOT NULL THEN
        DELETE FROM qrtz_simple_triggers WHERE sched_name = 'borderalerts' AND trigger_name IN ('poll-due-feeds-tick', 'deliver-alerts-tick');
        DELETE FROM qrtz_fired_triggers WHERE sched_name = 'borderalerts' AND job_name IN ('poll-due-feeds', 'deliver-alerts');
        DELETE FROM qrtz_triggers WHERE sched_name = 'borderalerts' AND job_name IN ('poll-due-feeds', 'deliver-alerts');
        DELETE FROM qrtz_job_details WHERE sched_name = 'borderalerts' AND job_name IN ('poll-due-feeds', 'deliver-alerts');
        END IF;
        END $$;
        """;

    /// <summary>
    /// One tsvector per item (words, CJK bigrams and single characters); the text lives in items. Replaced by step 6.
    /// </summary>
    const string Search = """
        CREATE TABLE search_index (
            item_id bigint PRIMARY KEY REFERENCES items (id),
            words tsvector NOT NULL);
        CREATE INDEX search_index_words ON search_index USING gin (words);
        """;

    /// <summary>The current override per (kind, target), and every write with before and after (SQLite's step 5).</summary>
    const string Admin = """
        CREATE TABLE admin_state (
            kind text NOT NULL,
            target text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (kind, target));
        CREATE TABLE admin_changes (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            at bigint NOT NULL,
            actor text NOT NULL,
            kind text NOT NULL,
            target text NOT NULL,
            action text NOT NULL,
            before text,
            after text,
            undoes bigint REFERENCES admin_changes (id),
            undone_by bigint REFERENCES admin_changes (id));
        CREATE INDEX admin_changes_target ON admin_changes (target, id);
        """;

    /// <summary>The SQLite schema after its step 3, in PostgreSQL types: the same columns, so both stores read alike.</summary>
    const string Core = """
        CREATE TABLE feeds (
            id text PRIMARY KEY,
            url text NOT NULL,
            enabled boolean NOT NULL DEFAULT true,
            etag text,
            last_modified text,
            seeded boolean NOT NULL DEFAULT false,
            next_poll_at bigint NOT NULL,
            lease_until bigint,
            last_attempt_at bigint,
            last_success_at bigint,
            consecutive_failures integer NOT NULL DEFAULT 0,
            last_error text,
            last_status integer,
            last_new_item_at bigint,
            last_items_found integer,
            created_at bigint NOT NULL);
        CREATE INDEX feeds_due ON feeds (next_poll_at) WHERE enabled;

        CREATE TABLE evidence (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            feed_id text NOT NULL,
            url text NOT NULL,
            fetched_at bigint NOT NULL,
            sha256 text NOT NULL,
            length bigint NOT NULL,
            headers text NOT NULL,
            body bytea NOT NULL);

        CREATE TABLE stories (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            signature bytea NOT NULL,
            first_item_id bigint NOT NULL,
            created_at bigint NOT NULL,
            last_seen_at bigint NOT NULL);
        CREATE TABLE story_bands (
            band_key bigint NOT NULL,
            story_id bigint NOT NULL REFERENCES stories (id),
            PRIMARY KEY (band_key, story_id));

        CREATE TABLE items (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            title text NOT NULL,
            url text,
            guid text,
            text text NOT NULL,
            language text,
            author text,
            published_at bigint,
            first_seen_at bigint NOT NULL,
            first_feed_id text NOT NULL,
            content_hash text NOT NULL,
            evidence_id bigint REFERENCES evidence (id),
            alertable boolean NOT NULL DEFAULT false,
            story_id bigint REFERENCES stories (id));
        CREATE INDEX items_first_seen ON items (first_seen_at);

        CREATE TABLE item_keys (
            key text PRIMARY KEY,
            item_id bigint NOT NULL REFERENCES items (id));

        CREATE TABLE sightings (
            item_id bigint NOT NULL REFERENCES items (id),
            feed_id text NOT NULL,
            seen_at bigint NOT NULL,
            PRIMARY KEY (item_id, feed_id));
        CREATE INDEX sightings_feed_seen ON sightings (feed_id, seen_at);

        CREATE TABLE alerts (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            item_id bigint NOT NULL REFERENCES items (id),
            rule_id text NOT NULL,
            rule_name text,
            severity text NOT NULL,
            destinations text NOT NULL,
            terms text NOT NULL,
            created_at bigint NOT NULL,
            UNIQUE (item_id, rule_id));
        CREATE INDEX alerts_created ON alerts (created_at);

        CREATE TABLE deliveries (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            alert_id bigint NOT NULL REFERENCES alerts (id),
            destination text NOT NULL,
            story_id bigint,
            kind text NOT NULL,
            parent_id bigint REFERENCES deliveries (id),
            status text NOT NULL DEFAULT 'pending',
            attempts integer NOT NULL DEFAULT 0,
            next_attempt_at bigint NOT NULL,
            lease_until bigint,
            message_id text,
            thread_id text,
            last_error text,
            created_at bigint NOT NULL,
            sent_at bigint);
        CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
        CREATE INDEX deliveries_story ON deliveries (story_id, destination);
        """;
}
