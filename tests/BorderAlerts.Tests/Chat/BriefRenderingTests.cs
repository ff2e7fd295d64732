using System.Text.Json.Nodes;
using BorderAlerts.Chat.Discord;
using BorderAlerts.Chat.Slack;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Tests.Briefings;

namespace BorderAlerts.Tests.Chat;

/// <summary>
/// A brief within Discord's and Slack's limits loses nothing silently: the counts always show, then as many stories as
/// fit, then "… N more stories"; a story whose link does not fit shows without it; links only to http(s) addresses.
/// </summary>
public class BriefRenderingTests
{
    static IReadOnlyList<(string Name, string Value)> Fields(ChatReport report) =>
        [.. DiscordReports.Payload(report)["embeds"]![0]!["fields"]!.AsArray().Select(f => (f!["name"]!.GetValue<string>(), f["value"]!.GetValue<string>()))];

    static IReadOnlyList<string> Sections(ChatReport report) =>
        [.. SlackReports.Message(report)["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "section").Select(b => b!["text"]!["text"]!.GetValue<string>())];

    /// <summary>The stories a rendering shows plus those it says it left out (the last two parts are the counts): every story, one way or the other.</summary>
    static int ShownAndCounted(IEnumerable<string> texts)
    {
        var all = string.Join('\n', texts.SkipLast(2));
        var more = System.Text.RegularExpressions.Regex.Match(all, @"… (\d+) more stor");
        return all.Split('\n').Count(l => l.StartsWith("• ")) + (more.Success ? int.Parse(more.Groups[1].Value) : 0);
    }

    [Fact]
    public void Discord_keeps_the_counts_and_says_how_many_stories_it_left_out_of_a_brief_over_6000_characters()
    {
        var report = BriefReports.Large();

        var payload = DiscordReports.Payload(report);
        var embed = payload["embeds"]![0]!.AsObject();
        var fields = Fields(report);

        Assert.True(DiscordEmbeds.Size(embed) <= DiscordReports.MaxTotal, $"{DiscordEmbeds.Size(embed)} characters");
        Assert.InRange(fields.Count, 1, DiscordReports.MaxFields);
        Assert.All(fields, f => Assert.True(f.Value.Length <= 1024 && f.Name.Length <= 256));
        Assert.Equal(["By source", "By language"], fields.TakeLast(2).Select(f => f.Name));
        Assert.StartsWith(@"• feed\-1 1 · feed\-10 1", fields[^2].Value);
        Assert.Equal("• zh 25", fields[^1].Value);
        var more = Assert.Single(fields, f => f.Name.Contains("more stories"));
        Assert.Equal(25, ShownAndCounted(fields.Select(f => f.Name + "\n" + f.Value)));
        Assert.True(fields.Count(f => f.Value.StartsWith("• ")) >= 8, "as many stories as fit");
        Assert.DoesNotContain("Top 25", embed["description"]!.GetValue<string>()); // the summary claims no more than is shown
    }

    [Fact]
    public void Slack_shows_every_story_of_a_large_brief_and_its_counts_within_its_block_limits()
    {
        var sections = Sections(BriefReports.Large());

        Assert.True(sections.Count + 2 <= 50);
        Assert.All(sections, s => Assert.InRange(s.Length, 1, 3000));
        Assert.StartsWith("*By source*\n• feed-1 1", sections[^2]);
        Assert.Equal("*By language*\n• zh 25", sections[^1]);
        Assert.Equal(25, ShownAndCounted(sections));
    }

    [Fact]
    public void Slack_counts_the_stories_that_do_not_fit_a_rule_s_section()
    {
        var report = BriefReports.Of(25, i => new string('标', 140) + i, i => new Uri($"https://news.example/{new string('a', 1100)}/{i}"), oneRule: true,
            translated: new string('t', 200));

        var sections = Sections(report);

        Assert.All(sections, s => Assert.InRange(s.Length, 1, 3000));
        Assert.Equal(25, ShownAndCounted(sections));
        Assert.Contains(sections, s => s.StartsWith("*… ") && s.Contains(" more stories*"));
    }

    [Fact]
    public void A_story_whose_link_does_not_fit_a_Discord_field_is_shown_without_it()
    {
        var report = BriefReports.Of(1, _ => "丹东查获走私煤炭", _ => new Uri("https://news.example/" + new string('a', 1100)));

        Assert.StartsWith(@"• 丹东查获走私煤炭 — feed\-1", Fields(report)[0].Value);
    }

    [Fact]
    public void A_story_whose_link_does_not_fit_a_Slack_section_is_shown_without_it()
    {
        var report = BriefReports.Of(1, _ => "丹东查获走私煤炭", _ => new Uri("https://news.example/" + new string('a', 3500)));

        Assert.StartsWith("*A rule with a longish name number 1 (rule-1)*\n• 丹东查获走私煤炭 — feed-1", Sections(report)[1]);
    }

    [Theory]
    [InlineData("ftp://files.example/report.pdf")]
    [InlineData("file:///etc/passwd")]
    public void Only_http_and_https_addresses_are_linked(string address)
    {
        var report = BriefReports.Of(1, _ => "丹东查获走私煤炭", _ => new Uri(address));

        Assert.StartsWith("• 丹东查获走私煤炭 — ", Fields(report)[0].Value);
        Assert.StartsWith("*A rule with a longish name number 1 (rule-1)*\n• 丹东查获走私煤炭 — ", Sections(report)[1]);
    }

    [Fact]
    public void The_Discord_description_is_never_cut_after_an_escaping_backslash()
    {
        var report = new ChatReport("Morning brief", new string('a', 4094) + "**bold**", [], "", null);

        var description = DiscordReports.Payload(report)["embeds"]![0]!["description"]!.GetValue<string>();

        Assert.True(description.Length <= 4096);
        Assert.EndsWith("a…", description);
    }
}
