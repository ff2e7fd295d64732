using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BorderAlerts.Tests.Storage;

/// <summary>Item translations in the store: kept per item, field and language, a newer one replacing the older, on both stores.</summary>
public sealed class TranslationStoreTests(FeedServer server) : IClassFixture<FeedServer>
{
    static readonly DateTimeOffset At = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    static ITranslationStore Of(Pipeline instance) => instance.Services.GetRequiredService<ITranslationStore>();

    async Task<IReadOnlyList<ItemRow>> StoredItemsAsync(Pipeline pipeline)
    {
        var url = server.Serve(Responses.Fixture("outlets/kyodo_zh-hans_news.rss.xml"));
        await pipeline.PollOneAsync(Feeds.Rss("kyodo-zh-hans", url, "zh-Hans", "Asia/Tokyo"));
        return await pipeline.Database.ItemsAsync();
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task An_items_translations_are_read_back_by_language_from_any_instance(Store store)
    {
        using var folder = new TempFolder(store);
        await using var first = await Pipeline.StartAsync(folder);
        await using var second = await Pipeline.StartAsync(folder);
        var items = await StoredItemsAsync(first);
        var (item, other) = (items[0].Id, items[1].Id);

        await Of(first).SaveAsync([
            new(item, TranslatedFields.Title, "en", "Dandong customs seize coal", "deepl", At),
            new(item, TranslatedFields.Excerpt, "en", "Customs in Dandong seized coal.", "deepl", At),
            new(item, TranslatedFields.Title, "de", "Zoll in Dandong", "deepl", At),
            new(other, TranslatedFields.Title, "en", "Another story", "libretranslate", At),
        ], CancellationToken.None);

        var english = await Of(second).ForItemAsync(item, "en", CancellationToken.None);
        Assert.Equal([
            new StoredTranslation(item, TranslatedFields.Excerpt, "en", "Customs in Dandong seized coal.", "deepl", At),
            new StoredTranslation(item, TranslatedFields.Title, "en", "Dandong customs seize coal", "deepl", At),
        ], english);
        Assert.Empty(await Of(second).ForItemAsync(item, "ko", CancellationToken.None));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_newer_translation_of_the_same_field_and_language_replaces_the_older(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var item = (await StoredItemsAsync(pipeline))[0].Id;

        await Of(pipeline).SaveAsync([new(item, TranslatedFields.Title, "en", "first try", "libretranslate", At)], CancellationToken.None);
        await Of(pipeline).SaveAsync([new(item, TranslatedFields.Title, "en", "second try", "deepl", At.AddHours(1))], CancellationToken.None);

        var title = Assert.Single(await Of(pipeline).ForItemAsync(item, "en", CancellationToken.None));
        Assert.Equal(("second try", "deepl", At.AddHours(1)), (title.Text, title.Provider, title.TranslatedAt));
        Assert.Equal(1, await pipeline.Database.CountAsync("translations"));
    }
}
