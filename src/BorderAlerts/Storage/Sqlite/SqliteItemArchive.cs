using System.Runtime.CompilerServices;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage.Sqlite;

public sealed class SqliteItemArchive(SqliteDatabase database) : IItemArchive
{
    public async IAsyncEnumerable<ArchivedItem> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, """
            SELECT id, first_feed_id, title, text, language, url, published_at, first_seen_at, alertable
            FROM items WHERE first_seen_at >= $since AND min(coalesce(published_at, first_seen_at), first_seen_at) >= $since ORDER BY id
            """, ("$since", Sql.Ms(since)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ArchivedItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Sql.Text(reader, 4),
                Sql.Text(reader, 5) is { } url ? new Uri(url) : null, Sql.Time(reader, 6), Sql.Time(reader, 7)!.Value, reader.GetBoolean(8));
        }
    }
}
