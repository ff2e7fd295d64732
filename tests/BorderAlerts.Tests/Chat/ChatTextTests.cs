using BorderAlerts.Chat;
using BorderAlerts.Chat.Discord;
using BorderAlerts.Chat.Slack;

namespace BorderAlerts.Tests.Chat;

/// <summary>Mention defusing touches only what could mention someone, and never a URL; replies keep their lines.</summary>
public sealed class ChatTextTests
{
    [Theory]
    [InlineData("ping @everyone now", "ping @\u200Beveryone now")]
    [InlineData("@HERE and ＠channel", "@\u200BHERE and ＠\u200Bchannel")]
    [InlineData("@\u200Beveryone smuggled back", "@\u200Beveryone smuggled back")] // a zero-width space from the feed is dropped, then ours added
    [InlineData("<@123456> <@&42> <!channel> <#9>", "<\u200B@123456> <\u200B@&42> <\u200B!channel> <\u200B#9>")]
    public void Mentions_are_defused(string text, string expected) => Assert.Equal(expected, ChatText.Defuse(text));

    [Theory]
    [InlineData("@dandong AND 走私 since:7d")]
    [InlineData("write to desk@example.org")]
    [InlineData("https://example.org/@everyone/feed_1.xml?user=@here")]
    [InlineData("a < b and 3 > 2")]
    public void Text_where_no_mention_can_form_is_left_as_it_is(string text) => Assert.Equal(text, ChatText.Defuse(text));

    [Fact]
    public void Slack_escaping_leaves_urls_whole_and_still_neutralises_formatting_elsewhere()
    {
        var escaped = SlackMrkdwn.Escape("see https://example.org/zh_news/feed_1.xml for *bold*");
        Assert.Contains("https://example.org/zh_news/feed_1.xml", escaped, StringComparison.Ordinal);
        Assert.Contains("*\u200Dbold*\u200D", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_keeps_its_line_breaks_and_escapes_each_line()
    {
        var text = ChatText.PerLine("2 feeds:\r\n• a-1 ok\n# not a heading\u0007", DiscordMarkdown.Escape);
        Assert.Equal("2 feeds\\:\n• a\\-1 ok\n\\# not a heading ", text);
    }
}
