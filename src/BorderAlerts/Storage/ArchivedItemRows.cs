using System.Data.Common;
using System.Runtime.CompilerServices;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>Stored items as the archive and its search read them: the same columns and rows on both stores.</summary>
internal static class ArchivedItemRows
{
    /// <summary>The columns <see cref="ReadAsync"/> reads, of items `i`.</summary>
    public const string Columns = "i.id, i.first_feed_id, i.title, i.text, i.language, i.url, i.published_at, i.first_seen_at, i.alertable";

    /// <summary>A link search cannot read is left out; the archive's back-tests use <see cref="StrictLink"/> and stop on one.</summary>
    public static Uri? LenientLink(string url) => Uri.TryCreate(url, UriKind.Absolute, out var link) ? link : null;

    public static Uri? StrictLink(string url) => new(url);

    public static async IAsyncEnumerable<ArchivedItem> ReadAsync(DbCommand command, Func<string, Uri?> link,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ArchivedItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Db.Text(reader, 4),
                Db.Text(reader, 5) is { } url ? link(url) : null, Db.Time(reader, 6), Db.Time(reader, 7)!.Value, reader.GetBoolean(8));
        }
    }
}
