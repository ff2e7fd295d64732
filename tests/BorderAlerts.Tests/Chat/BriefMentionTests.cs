using System.Net;
using System.Text.Json.Nodes;
using BorderAlerts.Chat;
using BorderAlerts.Chat.Discord;
using BorderAlerts.Chat.Email;
using BorderAlerts.Chat.Slack;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Tests.Briefings;
using MimeKit;

namespace BorderAlerts.Tests.Chat;

/// <summary>A feed title that tries to mention everyone, a user, a role, a channel, goes through a brief mentioning no one, on every path.</summary>
public class BriefMentionTests
{
    const string Title = "@everyone <@123> <@&456> <!channel> <!here> 丹东查获走私煤炭";
    static readonly string[] Mentions = ["@everyone", "<@123>", "<@&456>", "<!channel>", "<!here>", "<@", "<!"];

    static readonly ChatReport Report = BriefReports.Of(1, _ => Title, i => new Uri($"https://news.example/{i}"));

    static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    static void MentionsNoOne(IEnumerable<string> texts)
    {
        var all = string.Join('\n', texts);
        Assert.Contains("丹东查获走私煤炭", all);
        Assert.All(Mentions, mention => Assert.DoesNotContain(mention, all, StringComparison.Ordinal)); // ordinal: a culture-aware search skips the zero-width space
    }

    [Fact]
    public void On_Discord_the_title_is_defused_and_no_mention_is_allowed()
    {
        var payload = DiscordReports.Payload(Report);

        MentionsNoOne(Strings(payload));
        Assert.Empty(payload["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public void On_Slack_the_title_is_escaped_in_the_blocks_and_the_notification_text()
    {
        var message = SlackReports.Message(Report);

        MentionsNoOne(Strings(message));
        Assert.Contains("&lt;", string.Join('\n', Strings(message["blocks"])));
    }

    [Fact]
    public void On_the_console_the_title_is_defused()
    {
        MentionsNoOne([ConsoleSink.Text(new ChatMessage.Report(Report))]);
    }

    [Fact]
    public void In_an_email_the_title_is_defused_in_the_html_and_the_text()
    {
        var mail = EmailMessages.Of(new ChatMessage.Report(Report), MailboxAddress.Parse("alerts@example.org"), [MailboxAddress.Parse("desk@example.org")]);

        MentionsNoOne([mail.TextBody!]);
        MentionsNoOne([WebUtility.HtmlDecode(mail.HtmlBody!)]);
        Assert.DoesNotContain("<@123>", mail.HtmlBody, StringComparison.Ordinal);
    }
}
