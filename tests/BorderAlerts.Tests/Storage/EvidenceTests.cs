using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Storage;

/// <summary>The raw response that first produced items is kept: compressed, hashed, with its headers.</summary>
public sealed class EvidenceTests(FeedServer server) : IClassFixture<FeedServer>
{
    const string Kyodo = "outlets/kyodo_zh-hans_news.rss.xml";

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task The_response_that_produced_new_items_is_stored_with_its_sha256_compressed_body_and_headers(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var url = server.Serve(Responses.Fixture(Kyodo, etag: "\"kyodo-1005\""));

        await pipeline.PollOneAsync(Feeds.Rss("kyodo-zh-hans", url, "zh-Hans", "Asia/Tokyo"));

        var served = FixtureFiles.Read(Kyodo);
        var evidence = Assert.Single(await pipeline.Database.EvidenceAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(served)), evidence.Sha256);
        Assert.Equal(served.Length, evidence.Length);
        Assert.Equal(served, Gunzip(evidence.Body));
        Assert.True(evidence.Body.Length < served.Length, "the stored body is compressed");
        Assert.Equal(url, new Uri(evidence.Url));
        var headers = JsonSerializer.Deserialize<string[][]>(evidence.Headers)!.ToDictionary(h => h[0], h => h[1]);
        Assert.Equal("200", headers["Status"]);
        Assert.Equal(Responses.Rss, headers["Content-Type"]);
        Assert.Equal("\"kyodo-1005\"", headers["ETag"]);
        Assert.All(await pipeline.Database.ItemsAsync(), item => Assert.Equal(evidence.Id, item.EvidenceId));
    }

    [Theory, InlineData(Store.Sqlite), PostgresData]
    public async Task A_poll_without_new_items_stores_no_evidence_and_old_items_keep_theirs(Store store)
    {
        using var folder = new TempFolder(store);
        await using var pipeline = await Pipeline.StartAsync(folder);
        var story = FeedXml.Story(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9)));
        var url = server.Serve(Responses.Bytes(FeedXml.Rss("共同网", Enumerable.Range(1, 3).Select(story)), Responses.Rss));
        var feed = Feeds.Rss("kyodo-zh-hans", url, "zh-Hans");

        await pipeline.PollOneAsync(feed);
        await pipeline.PollOneAsync(feed);
        Assert.Equal(1, await pipeline.Database.CountAsync("evidence"));

        server.Answer(url, Responses.Bytes(FeedXml.Rss("共同网", Enumerable.Range(0, 4).Select(story)), Responses.Rss));
        await pipeline.PollOneAsync(feed);

        var evidence = await pipeline.Database.EvidenceAsync();
        Assert.Equal(2, evidence.Count);
        var items = await pipeline.Database.ItemsAsync();
        Assert.Equal(evidence[1].Id, items.Single(i => i.Title == story(0).Title).EvidenceId);
        Assert.All(items.Where(i => i.Title != story(0).Title), i => Assert.Equal(evidence[0].Id, i.EvidenceId));
    }

    static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
