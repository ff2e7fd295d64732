using BorderAlerts.Core.Briefings;
using BorderAlerts.Core.Config;
using BorderAlerts.Core.Tests.Feeds;
using Microsoft.Extensions.Logging;

namespace BorderAlerts.Core.Tests.Briefings;

/// <summary>briefings.yaml is reloaded like the other files: a good edit applies, a bad one is logged and the previous briefings stay.</summary>
public class FileBriefingsTests
{
    static readonly BriefingChecks Checks = new(new FakeCron(FakeCron.Firing("0 0 8 ? * *", DateTimeOffset.UtcNow.AddDays(1))),
        name => name == "analysts", _ => null);

    static string Briefing(string id, string to = "analysts") => $"briefings:\n  - id: {id}\n    cron: \"0 0 8 ? * *\"\n    to: [{to}]\n";

    [Fact]
    public void An_edit_is_reloaded_and_a_bad_edit_is_logged_with_file_line_and_field_and_keeps_the_previous_briefings()
    {
        var dir = Directory.CreateTempSubdirectory();
        var path = Path.Combine(dir.FullName, "briefings.yaml");
        File.WriteAllText(path, Briefing("morning"));
        var log = new RecordingLogger<FileBriefings>();
        var briefings = new FileBriefings(path, Checks, log);
        var startVersion = briefings.Version;

        ConfigFileEdits.Rewrite(path, Briefing("evening"));
        var reloaded = ConfigFileEdits.Until(() => _ = briefings.Current, () => briefings.Find("evening") is not null);
        var reloadedVersion = briefings.Version;
        ConfigFileEdits.Rewrite(path, Briefing("evening", to: "nobody"));
        ConfigFileEdits.Until(() => _ = briefings.Current, () => log.Entries.Any(e => e.Level == LogLevel.Error));

        Assert.True(reloaded);
        Assert.NotEqual(startVersion, reloadedVersion);
        Assert.Equal(["evening"], briefings.Current.Select(b => b.Id));
        Assert.Equal(reloadedVersion, briefings.Version);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains($"{path}:4: briefings[0].to: 'nobody' is not a destination"));
        dir.Delete(recursive: true);
    }

    [Fact]
    public void A_bad_file_at_start_throws_naming_file_line_and_field()
    {
        var dir = Directory.CreateTempSubdirectory();
        var path = Path.Combine(dir.FullName, "briefings.yaml");
        File.WriteAllText(path, Briefing("morning") + "    timezone: Nowhere/City\n");

        var error = Assert.Throws<ConfigException>(() => new FileBriefings(path, Checks, new RecordingLogger<FileBriefings>()));

        Assert.Contains($"{path}:5: briefings[0].timezone: 'Nowhere/City' is not a known time zone", error.Message);
        dir.Delete(recursive: true);
    }
}
