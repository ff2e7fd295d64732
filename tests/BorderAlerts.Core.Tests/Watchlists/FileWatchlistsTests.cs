using BorderAlerts.Core.Config;
using BorderAlerts.Core.Watchlists;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Tests.Watchlists;

/// <summary>watchlists.yaml is reloaded like feeds.yaml: a good edit applies, a bad one is logged and the previous lists stay.</summary>
public class FileWatchlistsTests
{
    static string List(string id, string format = "ofac-sdn-xml") =>
        $"watchlists:\n  - id: {id}\n    url: https://lists.example/{id}.xml\n    format: {format}\n";

    [Fact]
    public void An_edit_is_reloaded_and_a_bad_edit_is_logged_with_file_line_and_field_and_keeps_the_previous_lists()
    {
        var dir = Directory.CreateTempSubdirectory();
        var path = Path.Combine(dir.FullName, "watchlists.yaml");
        File.WriteAllText(path, List("ofac-sdn"));
        var log = new RecordingLogger<FileWatchlists>();
        var lists = new FileWatchlists(path, log);
        var (_, startVersion) = lists.Current();

        ConfigFileEdits.Rewrite(path, List("un-sc", "un-consolidated-xml"));
        var reloaded = ConfigFileEdits.Until(() => lists.Current(), () => lists.Find("un-sc") is not null);
        var reloadedVersion = lists.Current().Version;
        ConfigFileEdits.Rewrite(path, List("un-sc", "pdf"));
        ConfigFileEdits.Until(() => lists.Current(), () => log.Entries.Any(e => e.Level == LogLevel.Error));

        Assert.True(reloaded);
        Assert.NotEqual(startVersion, reloadedVersion);
        Assert.Equal(["un-sc"], lists.Current().Lists.Select(l => l.Id));
        Assert.Equal(reloadedVersion, lists.Current().Version);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains($"{path}:4: watchlists[0].format: 'pdf' is not one of"));
        dir.Delete(recursive: true);
    }

    [Fact]
    public void A_bad_file_at_start_throws_naming_file_line_and_field()
    {
        var dir = Directory.CreateTempSubdirectory();
        var path = Path.Combine(dir.FullName, "watchlists.yaml");
        File.WriteAllText(path, List("ofac-sdn") + "    every: 1m\n");

        var error = Assert.Throws<ConfigException>(() => new FileWatchlists(path, new RecordingLogger<FileWatchlists>()));

        Assert.Contains($"{path}:5: watchlists[0].every:", error.Message);
        dir.Delete(recursive: true);
    }
}
