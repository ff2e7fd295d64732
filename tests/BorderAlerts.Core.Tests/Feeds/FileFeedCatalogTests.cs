using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Feeds;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Tests.Feeds;

public class FileFeedCatalogTests
{
    [Fact]
    public void A_reload_the_yaml_scanner_cannot_read_is_logged_with_file_and_line_and_keeps_the_old_feeds()
    {
        var dir = Directory.CreateTempSubdirectory();
        var path = Path.Combine(dir.FullName, "feeds.yaml");
        File.WriteAllText(path, "feeds:\n  - id: kyodo-zh\n    url: https://china.kyodonews.net/rss/news.xml\n");
        var log = new RecordingLogger<FileFeedCatalog>();
        var catalog = new FileFeedCatalog(path, log);

        File.WriteAllText(path, "concepts:\n  dandong: [丹东\nrules: - broken\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        // The catalog looks at the file at most once a second: ask until it has tried the new version.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!log.Entries.Any(e => e.Level == LogLevel.Error) && DateTime.UtcNow < deadline) { catalog.Current(); Thread.Sleep(50); }

        Assert.Equal(["kyodo-zh"], catalog.Current().Feeds.Select(f => f.Id));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains($"{path}:3: yaml:"));
        dir.Delete(recursive: true);
    }
}
