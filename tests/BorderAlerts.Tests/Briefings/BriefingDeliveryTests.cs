using BorderAlerts.Chat;
using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Briefings;

/// <summary>
/// A briefing posted to the fake Discord and Slack, which enforce the platforms' contracts: Discord as multipart/form-data
/// with payload_json and files[0] that the embed shows; Slack through the file upload flow, the blocks with the file; a
/// Slack webhook without the chart (it cannot upload); a failed post retried like a card, then dead-lettered with an admin notice.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class BriefingDeliveryTests(FakeDiscord discord, FakeSlack slack) : IClassFixture<FakeDiscord>, IClassFixture<FakeSlack>
{
    [Fact]
    public async Task Discord_webhook_and_bot_get_the_brief_as_one_embed_with_the_chart_attached_as_files_0()
    {
        discord.AddChannel("7001");
        await using var harness = await BriefingHarness.StartAsync("team, ops",
            ("Destinations:team:Type", "discord-webhook"), ("Destinations:team:Url", discord.WebhookUrl("brief-hook").ToString()),
            ("Destinations:ops:Type", "discord-bot"), ("Destinations:ops:Channel", "7001"),
            ("Discord:ApiBaseUrl", discord.ApiBase.ToString()), ("Discord:BotToken", discord.BotToken));

        var result = await harness.FireAsync();

        Assert.Equal(BriefingOutcome.Posted, result.Outcome);
        Assert.Empty(discord.Rejected);
        var sent = discord.Messages.Where(m => m.WebhookId == "brief-hook" || m.ChannelId == "7001").ToList();
        Assert.Equal(2, sent.Count);
        foreach (var message in sent)
        {
            var file = Assert.Single(message.Files);
            Assert.Equal(("files[0]", "briefing-volume.png", "image/png"), (file.Field, file.FileName, file.ContentType));
            Assert.Equal((VolumeChartPng.Width, VolumeChartPng.Height), BriefingHarness.Decode(file.Bytes));
            Assert.True(file.Bytes.Length < discord.MaxFileBytes / 10, $"{file.Bytes.Length} bytes");
            var embed = Assert.Single(message.Embeds);
            Assert.Equal("attachment://briefing-volume.png", embed.GetProperty("image").GetProperty("url").GetString());
            Assert.Equal("Morning brief · 2026-03-31 08:00", embed.GetProperty("title").GetString());
            var coal = embed.GetProperty("fields")[0];
            Assert.Equal("Rule coal (coal)", coal.GetProperty("name").GetString());
            Assert.Contains("[丹东查获走私煤炭](https://news.example/", coal.GetProperty("value").GetString());
            Assert.Contains(@"kyodo · zh · high · 2 outlets · machine translation\: Dandong seizes smuggled coal", coal.GetProperty("value").GetString()); // escaped as feed text
        }
    }

    [Fact]
    public async Task Slack_bot_uploads_the_chart_and_shares_it_with_the_brief_and_a_webhook_posts_the_brief_without_it()
    {
        slack.AddChannel("C0BRIEF");
        await using var harness = await BriefingHarness.StartAsync("analysts, hook",
            ("Destinations:analysts:Type", "slack"), ("Destinations:analysts:Channel", "C0BRIEF"),
            ("Destinations:hook:Type", "slack-webhook"), ("Destinations:hook:Url", slack.AddWebhook("T1/B1/brief", "C0HOOKBRIEF").ToString()),
            ("Slack:ApiBaseUrl", slack.ApiBase.ToString()), ("Slack:BotToken", slack.BotToken));

        var result = await harness.FireAsync();

        Assert.Equal(BriefingOutcome.Posted, result.Outcome);
        Assert.Empty(slack.Rejected);
        var shared = Assert.Single(slack.Messages, m => m.Channel == "C0BRIEF");
        var file = Assert.Single(shared.Files);
        Assert.Equal("briefing-volume.png", file.FileName);
        Assert.Equal((VolumeChartPng.Width, VolumeChartPng.Height), BriefingHarness.Decode(file.Bytes));
        var blocks = shared.Blocks!.Value;
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Contains("<https://news.example/", blocks[2].GetProperty("text").GetProperty("text").GetString());
        var hooked = Assert.Single(slack.Messages, m => m.Channel == "C0HOOKBRIEF");
        Assert.Empty(hooked.Files);
        Assert.Contains("chart not attached", hooked.Blocks!.Value[hooked.BlockCount - 1].GetProperty("elements")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_failed_post_is_retried_a_429_costs_no_attempt_and_a_refusal_is_dead_lettered_with_an_admin_notice()
    {
        discord.DeleteWebhook("brief-gone");
        await using var harness = await BriefingHarness.StartAsync("team, gone",
            ("Destinations:team:Type", "discord-webhook"), ("Destinations:team:Url", discord.WebhookUrl("brief-retried").ToString()),
            ("Destinations:gone:Type", "discord-webhook"), ("Destinations:gone:Url", new Uri($"{discord.ApiBase}/webhooks/brief-gone/tok").ToString()),
            ("Destinations:admins:Type", "discord-webhook"), ("Destinations:admins:Url", discord.WebhookUrl("brief-admins").ToString()),
            ("AdminDestination", "admins"), ("Delivery:MaxAttempts", "2"));
        discord.Script(DiscordFault.RateLimited(0.2), DiscordFault.ServerError);

        var result = await harness.FireAsync();

        Assert.Equal(BriefingOutcome.Failed, result.Outcome);
        Assert.Null(result.Destinations["team"]);
        // The two destinations are posted at once, so either may meet either fault; each is answered in the end: 2 faults + 2 answers.
        Assert.Equal(4, discord.Requests.Count(r => r.Path.Contains("/brief-retried/") || r.Path.Contains("/brief-gone/")));
        Assert.Single(discord.Messages, m => m.WebhookId == "brief-retried");
        Assert.Contains("Unknown Webhook", result.Destinations["gone"]);
        var notice = Assert.Single(discord.Messages, m => m.WebhookId == "brief-admins");
        Assert.StartsWith("⚠️ Briefing 'morning' was not posted everywhere and was dead", notice.Content);
        Assert.Contains(@"gone\: Discord 404 Unknown Webhook", notice.Content);
        Assert.Equal(1, await harness.Pipeline.Database.CountAsync("briefing_runs", "outcome = 'failed' AND error LIKE 'gone:%'"));
    }

    [Fact]
    public async Task A_firing_already_run_is_not_posted_again()
    {
        await using var harness = await BriefingHarness.StartAsync("team",
            ("Destinations:team:Type", "discord-webhook"), ("Destinations:team:Url", discord.WebhookUrl("brief-once").ToString()));

        var first = await harness.FireAsync();
        var again = await harness.FireAsync();

        Assert.Equal((false, true), (first.Skipped, again.Skipped));
        Assert.Single(discord.Messages, m => m.WebhookId == "brief-once");
    }
}
