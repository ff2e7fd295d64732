using System.Data;

namespace BorderAlerts.Storage.Transfer;

/// <summary>How a column's values are written in the export file: JSON strings, numbers, booleans, base64.</summary>
public enum ColumnType { Text, Long, Int, Bool, Bytes }

public sealed record TransferColumn(string Name, ColumnType Type)
{
    public DbType DbType => Type switch
    {
        ColumnType.Text => DbType.String,
        ColumnType.Long => DbType.Int64,
        ColumnType.Int => DbType.Int32,
        ColumnType.Bool => DbType.Boolean,
        _ => DbType.Binary,
    };
}

/// <param name="OrderBy">The key rows are read in; references to earlier rows (a reply's card) stay valid in that order.</param>
/// <param name="Later">A column that may point at a later row of the same table: inserted empty, set when the table is in.</param>
public sealed record TransferTable(string Name, string OrderBy, IReadOnlyList<TransferColumn> Columns, string? Later = null)
{
    /// <summary>Ids come from an identity (PostgreSQL) that must continue after the copied ones.</summary>
    public bool HasIdentity => Columns[0] is { Name: "id", Type: ColumnType.Long };
}

/// <summary>
/// What an export holds, format version 1: every table of the store's schema, in an order where each row's references
/// are already in. Not Quartz's tables (each scheduler writes its own), not the search index (rebuilt on import), and not
/// seen_requests: its keys outlive their signed requests by five minutes at most, and a moved store starts a new service
/// (nor instances: a moved store's instances start afresh). Nor source_conditions (source-health notices told): a new
/// service on the moved store tells conditions still open once more. Nor panel_sign_ins: links live ten minutes and sessions
/// eight hours; people sign in again (nor panel_keys, which sign only those sessions' forms). Nor websub_subscriptions: they
/// name the old service's public address, and the feeds' next polls subscribe afresh. Nor briefing_runs: a moved
/// store's service schedules its briefings afresh.
/// Both stores have these columns under these names, whatever their order or types.
/// </summary>
public static class TransferTables
{
    public const int FormatVersion = 1;

    static TransferColumn T(string name) => new(name, ColumnType.Text);
    static TransferColumn L(string name) => new(name, ColumnType.Long);
    static TransferColumn I(string name) => new(name, ColumnType.Int);
    static TransferColumn B(string name) => new(name, ColumnType.Bool);
    static TransferColumn X(string name) => new(name, ColumnType.Bytes);

    public static readonly IReadOnlyList<TransferTable> All =
    [
        new("feeds", "id", [T("id"), T("url"), B("enabled"), T("etag"), T("last_modified"), B("seeded"), L("next_poll_at"), L("lease_until"),
            L("last_attempt_at"), L("last_success_at"), I("consecutive_failures"), T("last_error"), I("last_status"), L("last_new_item_at"),
            I("last_items_found"), L("created_at")]),
        new("evidence", "id", [L("id"), T("feed_id"), T("url"), L("fetched_at"), T("sha256"), L("length"), T("headers"), X("body")]),
        new("stories", "id", [L("id"), X("signature"), L("first_item_id"), L("created_at"), L("last_seen_at")]),
        new("story_bands", "band_key, story_id", [L("band_key"), L("story_id")]),
        new("items", "id", [L("id"), T("title"), T("url"), T("guid"), T("text"), T("language"), T("author"), L("published_at"), L("first_seen_at"),
            T("first_feed_id"), T("content_hash"), L("evidence_id"), B("alertable"), L("story_id")]),
        new("translations", "item_id, field, language", [L("item_id"), T("field"), T("language"), T("text"), T("provider"), L("translated_at")]),
        new("item_keys", "key", [T("key"), L("item_id")]),
        new("sightings", "item_id, feed_id", [L("item_id"), T("feed_id"), L("seen_at")]),
        new("alerts", "id", [L("id"), L("item_id"), T("rule_id"), T("rule_name"), T("severity"), T("destinations"), T("terms"), L("created_at")]),
        new("deliveries", "id", [L("id"), L("alert_id"), T("destination"), L("story_id"), T("kind"), L("parent_id"), T("status"), I("attempts"),
            L("next_attempt_at"), L("lease_until"), T("message_id"), T("thread_id"), T("last_error"), L("created_at"), L("sent_at"),
            I("digest"), L("resent_at"), T("resent_by")]),
        new("feedback_votes", "alert_id, platform, user_id", [L("alert_id"), T("platform"), T("user_id"), T("verdict"), L("voted_at")]),
        new("watchlist_state", "list_id", [T("list_id"), T("etag"), T("last_modified"), L("refreshed_at"), L("last_attempt_at"), I("entries"),
            I("consecutive_failures"), T("last_error")]),
        new("watchlist_entries", "list_id, entry_id", [T("list_id"), T("entry_id"), I("position"), T("entry")]),
        new("admin_state", "kind, target", [T("kind"), T("target"), T("value")]),
        new("admin_changes", "id", [L("id"), L("at"), T("actor"), T("kind"), T("target"), T("action"), T("before"), T("after"), L("undoes"),
            L("undone_by")], Later: "undone_by"),
    ];

    public static TransferTable? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
