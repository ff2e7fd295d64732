using System.Runtime.CompilerServices;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage.Postgres;

public sealed class PostgresItemArchive(PostgresDatabase database) : IItemArchive
{
    public async IAsyncEnumerable<ArchivedItem> ReadSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PgSql.Command(connection, """
            SELECT id, first_feed_id, title, text, language, url, published_at, first_seen_at, alertable
            FROM items WHERE first_seen_at >= @since AND LEAST(published_at, first_seen_at) >= @since ORDER BY id
            """, ("since", PgSql.Ms(since)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ArchivedItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), PgSql.Text(reader, 4),
                PgSql.Text(reader, 5) is { } url ? new Uri(url) : null, PgSql.Time(reader, 6), PgSql.Time(reader, 7)!.Value, reader.GetBoolean(8));
        }
    }
}
