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

    [Fact]
    public void Cron_schedules_are_read_at_start_and_on_reload_and_a_bad_one_keeps_the_old_feeds()
    {
        var dir = Directory.CreateTempSubdirectory();
        var path = Path.Combine(dir.FullName, "feeds.yaml");
        static string Kcna(string fields) => $"feeds:\n  - id: kcna\n    url: http://kcna.example/\n    timezone: Asia/Pyongyang\n{fields}";
        var later = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
        File.WriteAllText(path, Kcna("    cron: \"0 5 7 ? * *\"\n"));
        var log = new RecordingLogger<FileFeedCatalog>();
        var catalog = new FileFeedCatalog(path, log, cron: new FakeCron(FakeCron.Firing("0 5 7 ? * *", later), FakeCron.Firing("0 5 7,19 ? * *", later)));
        var started = catalog.Current().Feeds.Single().Cron!.Expression;

        ConfigFileEdits.Rewrite(path, Kcna("    cron: \"0 5 7,19 ? * *\"\n"));
        var reloaded = ConfigFileEdits.Until(() => catalog.Current(), () => catalog.Current().Feeds.Single().Cron!.Expression == "0 5 7,19 ? * *");
        ConfigFileEdits.Rewrite(path, Kcna("    every: 10m\n    cron: \"0 5 7 ? * *\"\n"));
        ConfigFileEdits.Until(() => catalog.Current(), () => log.Entries.Any(e => e.Level == LogLevel.Error));

        Assert.Equal(("0 5 7 ? * *", true), (started, reloaded));
        Assert.Equal("0 5 7,19 ? * *", catalog.Current().Feeds.Single().Cron!.Expression);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains($"{path}:6: feeds[0].cron: give either every: or cron:, not both"));
        dir.Delete(recursive: true);
    }
}
