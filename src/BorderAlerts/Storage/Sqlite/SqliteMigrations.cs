namespace BorderAlerts.Storage.Sqlite;

/// <summary>
/// Schema steps in order; each runs once, in its own transaction, recorded in PRAGMA user_version. PostgresMigrations
/// repeats these tables on purpose: the same columns in each database's own types (INTEGER rowids and 0/1 here,
/// identities, booleans and bytea there), and a shipped step never changes, so the two lists cannot share their DDL.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly (int Version, string Sql)[] All =
    [
        (1, """
            CREATE TABLE feeds (
                id TEXT PRIMARY KEY,
                url TEXT NOT NULL,
                enabled INTEGER NOT NULL DEFAULT 1,
                etag TEXT,
                last_modified TEXT,
                seeded INTEGER NOT NULL DEFAULT 0,
                next_poll_at INTEGER NOT NULL,
                lease_until INTEGER,
                last_attempt_at INTEGER,
                last_success_at INTEGER,
                consecutive_failures INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                last_status INTEGER,
                last_new_item_at INTEGER,
                last_items_found INTEGER,
                created_at INTEGER NOT NULL);
            CREATE INDEX feeds_due ON feeds(enabled, next_poll_at);

            CREATE TABLE evidence (
                id INTEGER PRIMARY KEY,
                feed_id TEXT NOT NULL,
                url TEXT NOT NULL,
                fetched_at INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                length INTEGER NOT NULL,
                headers TEXT NOT NULL,
                body BLOB NOT NULL);

            CREATE TABLE items (
                id INTEGER PRIMARY KEY,
                title TEXT NOT NULL,
                url TEXT,
                guid TEXT,
                text TEXT NOT NULL,
                language TEXT,
                author TEXT,
                published_at INTEGER,
                first_seen_at INTEGER NOT NULL,
                first_feed_id TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                evidence_id INTEGER REFERENCES evidence(id));
            CREATE INDEX items_first_seen ON items(first_seen_at);

            CREATE TABLE item_keys (
                key TEXT PRIMARY KEY,
                item_id INTEGER NOT NULL REFERENCES items(id)) WITHOUT ROWID;

            CREATE TABLE sightings (
                item_id INTEGER NOT NULL REFERENCES items(id),
                feed_id TEXT NOT NULL,
                seen_at INTEGER NOT NULL,
                PRIMARY KEY (item_id, feed_id)) WITHOUT ROWID;
            CREATE INDEX sightings_feed_seen ON sightings(feed_id, seen_at);
            """),
        (2, """
            ALTER TABLE items ADD COLUMN alertable INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE alerts (
                id INTEGER PRIMARY KEY,
                item_id INTEGER NOT NULL REFERENCES items(id),
                rule_id TEXT NOT NULL,
                severity TEXT NOT NULL,
                destinations TEXT NOT NULL,
                terms TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                UNIQUE (item_id, rule_id));
            CREATE INDEX alerts_created ON alerts(created_at);
            """),
        (3, """
            CREATE TABLE stories (
                id INTEGER PRIMARY KEY,
                signature BLOB NOT NULL,
                first_item_id INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL);
            CREATE TABLE story_bands (
                band_key INTEGER NOT NULL,
                story_id INTEGER NOT NULL REFERENCES stories(id),
                PRIMARY KEY (band_key, story_id)) WITHOUT ROWID;
            ALTER TABLE items ADD COLUMN story_id INTEGER REFERENCES stories(id);
            ALTER TABLE alerts ADD COLUMN rule_name TEXT;
            CREATE TABLE deliveries (
                id INTEGER PRIMARY KEY,
                alert_id INTEGER NOT NULL REFERENCES alerts(id),
                destination TEXT NOT NULL,
                story_id INTEGER,
                kind TEXT NOT NULL,
                parent_id INTEGER REFERENCES deliveries(id),
                status TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                lease_until INTEGER,
                message_id TEXT,
                thread_id TEXT,
                last_error TEXT,
                created_at INTEGER NOT NULL,
                sent_at INTEGER);
            CREATE INDEX deliveries_due ON deliveries(status, next_attempt_at);
            CREATE INDEX deliveries_story ON deliveries(story_id, destination);
            """),
        // The archive index: words and CJK bigrams (title_w, text_w), distinct CJK single characters (title_u, text_u), tokens
        // made by SearchTokens; contentless, the text lives in items. Filled for older items by SqliteSearchIndex.
        (4, """
            CREATE VIRTUAL TABLE search_index USING fts5(title_w, text_w, title_u, text_u,
                tokenize = 'ascii', content = '', contentless_delete = 1);
            """),
        // Chat administration: the current override per (kind, target), and every write with before and after.
        (5, """
            CREATE TABLE admin_state (
                kind TEXT NOT NULL,
                target TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (kind, target)) WITHOUT ROWID;
            CREATE TABLE admin_changes (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                kind TEXT NOT NULL,
                target TEXT NOT NULL,
                action TEXT NOT NULL,
                before TEXT,
                after TEXT,
                undoes INTEGER REFERENCES admin_changes(id),
                undone_by INTEGER REFERENCES admin_changes(id));
            CREATE INDEX admin_changes_target ON admin_changes(target, id);
            """),
        // The archive index of our own (ADR 0008) replaces FTS5: segments of token key → item ids, merged in tiers, and the
        // Latin-script words prefix queries expand over. Filled for every stored item by SqliteSearchIndex.BackfillAsync.
        (6, """
            DROP TABLE search_index;
            CREATE TABLE search_segments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                level INTEGER NOT NULL,
                first_item INTEGER NOT NULL,
                last_item INTEGER NOT NULL,
                items INTEGER NOT NULL,
                ready INTEGER NOT NULL,
                started_at INTEGER NOT NULL);
            CREATE INDEX search_segments_range ON search_segments(last_item);
            CREATE TABLE search_blocks (
                id INTEGER PRIMARY KEY,
                segment INTEGER NOT NULL,
                first_key INTEGER NOT NULL,
                data BLOB NOT NULL);
            CREATE UNIQUE INDEX search_blocks_key ON search_blocks(segment, first_key);
            CREATE TABLE search_words (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE);
            """),
        // When a segment's newest item was first seen (unknown for older segments), so `since:` passes older segments by.
        (7, """
            ALTER TABLE search_segments ADD COLUMN last_seen INTEGER;
            """),
        // Signed chat requests already answered (a hash of what was signed), kept for the five-minute signing window, so a
        // replay is refused. Short-lived: not part of an export.
        (8, """
            CREATE TABLE seen_requests (
                key BLOB PRIMARY KEY,
                expires_at INTEGER NOT NULL) WITHOUT ROWID;
            CREATE INDEX seen_requests_expiry ON seen_requests(expires_at);
            """),
        // Source-health conditions told to the admin and not yet told ended, so a restart neither repeats nor loses a notice.
        // Not part of an export (PostgreSQL's step for this table is 8).
        (9, """
            CREATE TABLE IF NOT EXISTS source_conditions (
                feed_id TEXT NOT NULL,
                condition TEXT NOT NULL,
                opened_at INTEGER NOT NULL,
                PRIMARY KEY (feed_id, condition)) WITHOUT ROWID;
            """),
        // Running instances, each beating every few seconds (IInstanceHeartbeats). Not part of an export.
        (10, """
            CREATE TABLE instances (
                id TEXT PRIMARY KEY,
                started_at INTEGER NOT NULL,
                beat_at INTEGER NOT NULL) WITHOUT ROWID;
            """),
        // Machine translations of items' titles and excerpts, one per field and language (ITranslationStore). Part of an export.
        (11, """
            CREATE TABLE translations (
                item_id INTEGER NOT NULL REFERENCES items(id),
                field TEXT NOT NULL,
                language TEXT NOT NULL,
                text TEXT NOT NULL,
                provider TEXT NOT NULL,
                translated_at INTEGER NOT NULL,
                PRIMARY KEY (item_id, field, language)) WITHOUT ROWID;
            """),
        // Votes from the buttons on cards, one per person and alert (IFeedbackStore); deliveries by alert for the tally. Part of an export.
        (12, """
            CREATE TABLE feedback_votes (
                alert_id INTEGER NOT NULL REFERENCES alerts(id),
                platform TEXT NOT NULL,
                user_id TEXT NOT NULL,
                verdict TEXT NOT NULL,
                voted_at INTEGER NOT NULL,
                PRIMARY KEY (alert_id, platform, user_id)) WITHOUT ROWID;
            CREATE INDEX deliveries_alert ON deliveries(alert_id);
            """),
        // Deliveries found by the message they went in: a late translation edits that message (ISentMessages).
        (13, "CREATE INDEX deliveries_message ON deliveries(destination, message_id) WHERE message_id IS NOT NULL;"),
        // Watchlists' copies in force: one state row per list, one row per entry with its JSON (IWatchlistStore). Part of an export.
        (14, """
            CREATE TABLE watchlist_state (
                list_id TEXT PRIMARY KEY,
                etag TEXT,
                last_modified TEXT,
                refreshed_at INTEGER,
                last_attempt_at INTEGER,
                entries INTEGER NOT NULL,
                consecutive_failures INTEGER NOT NULL,
                last_error TEXT) WITHOUT ROWID;
            CREATE TABLE watchlist_entries (
                list_id TEXT NOT NULL,
                entry_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                entry TEXT NOT NULL,
                PRIMARY KEY (list_id, entry_id)) WITHOUT ROWID;
            CREATE INDEX watchlist_entries_position ON watchlist_entries(list_id, position);
            """),
        // The web panel's one-time sign-in links and sessions, by a SHA-256 of their secret (PanelPassesTable). Short-lived: not part of an export.
        (15, """
            CREATE TABLE panel_sign_ins (
                key BLOB PRIMARY KEY,
                kind TEXT NOT NULL,
                platform TEXT NOT NULL,
                user_id TEXT NOT NULL,
                user_name TEXT NOT NULL,
                admin INTEGER NOT NULL,
                expires_at INTEGER NOT NULL) WITHOUT ROWID;
            CREATE INDEX panel_sign_ins_expiry ON panel_sign_ins(expires_at);
            """),
        // ASP.NET's data-protection keys, which sign the panel's anti-forgery tokens (PanelKeyRing). Not part of an export.
        (16, """
            CREATE TABLE panel_keys (
                name TEXT PRIMARY KEY,
                xml TEXT NOT NULL) WITHOUT ROWID;
            """),
        // The panel's alerts page: deliveries sent in a digest are marked, and a dead letter sent again records who and when (IDeliveryLog).
        (17, """
            ALTER TABLE deliveries ADD COLUMN digest INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE deliveries ADD COLUMN resent_at INTEGER;
            ALTER TABLE deliveries ADD COLUMN resent_by TEXT;
            """),
        // WebSub subscriptions by their callback's secret segment (WebSubTable); one live per feed. Not part of an export: they name this service's public address.
        (18, """
            CREATE TABLE websub_subscriptions (
                callback_id TEXT PRIMARY KEY,
                feed_id TEXT NOT NULL,
                hub TEXT NOT NULL,
                topic TEXT NOT NULL,
                secret TEXT NOT NULL,
                state TEXT NOT NULL,
                due_at INTEGER NOT NULL,
                expires_at INTEGER,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                created_at INTEGER NOT NULL) WITHOUT ROWID;
            CREATE UNIQUE INDEX websub_subscriptions_live ON websub_subscriptions(feed_id) WHERE state NOT IN ('unsubscribe', 'leaving');
            """),
        // Briefings' firings, one row per briefing and fire time, so a firing posts once (IBriefingRuns). Not part of an export.
        (19, """
            CREATE TABLE briefing_runs (
                briefing_id TEXT NOT NULL,
                fire_time INTEGER NOT NULL,
                started_at INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                finished_at INTEGER,
                error TEXT,
                PRIMARY KEY (briefing_id, fire_time)) WITHOUT ROWID;
            """),
    ];
}
