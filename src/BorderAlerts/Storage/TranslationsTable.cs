using System.Data.Common;
using BorderAlerts.Core.Storage;

namespace BorderAlerts.Storage;

/// <summary>
/// Item translations in translations, the same statements on both stores: the primary key (item_id, field, language)
/// keeps one text per field and language, a newer translation replacing the older. Part of an export.
/// </summary>
/// <param name="writeLock">SQLite's one writer's turn; PostgreSQL needs none.</param>
public sealed class TranslationsTable(Func<CancellationToken, Task<DbConnection>> open, SemaphoreSlim? writeLock = null) : ITranslationStore
{
    const string Upsert = """
        INSERT INTO translations (item_id, field, language, text, provider, translated_at)
        VALUES (@item, @field, @language, @text, @provider, @at)
        ON CONFLICT (item_id, field, language) DO UPDATE SET text = excluded.text, provider = excluded.provider, translated_at = excluded.translated_at
        """;

    public async Task SaveAsync(IReadOnlyList<StoredTranslation> translations, CancellationToken cancellationToken)
    {
        if (translations.Count == 0) return;
        if (writeLock is not null) await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await open(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var t in translations)
            {
                await using var command = Db.Command(connection, Upsert, ("item", t.ItemId), ("field", t.Field), ("language", t.Language),
                    ("text", t.Text), ("provider", t.Provider), ("at", Db.Ms(t.TranslatedAt)));
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally { writeLock?.Release(); }
    }

    public async Task<IReadOnlyList<StoredTranslation>> ForItemAsync(long itemId, string language, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Db.Command(connection,
            "SELECT field, text, provider, translated_at FROM translations WHERE item_id = @item AND language = @language ORDER BY field",
            ("item", itemId), ("language", language));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<StoredTranslation>();
        while (await reader.ReadAsync(cancellationToken))
            found.Add(new StoredTranslation(itemId, reader.GetString(0), language, reader.GetString(1), reader.GetString(2), Db.Time(reader, 3)!.Value));
        return found;
    }
}
