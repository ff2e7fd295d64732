using BorderAlerts.Chat;
using BorderAlerts.Chat.Email;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Storage;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace BorderAlerts.Tests.Briefings;

/// <summary>An email destination (SMTP through MailKit) against a fake SMTP server: the brief as HTML with the chart inline, and SMTP's refusals mapped.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class EmailBriefingTests
{
    static (string, string)[] Mail(FakeSmtp smtp, string user = "") =>
    [
        ("Destinations:mail:Type", "email"), ("Destinations:mail:Url", $"smtp://{user}127.0.0.1:{smtp.Port}"),
        ("Destinations:mail:Channel", "analysts@example.org, desk@example.org"), ("Destinations:mail:From", "BorderAlerts <alerts@example.org>"),
    ];

    /// <summary>The destination as the registry makes it, but trusting the fake's self-signed certificate (pinned by hash).</summary>
    static Action<IServiceCollection> PinnedMail(FakeSmtp smtp) => ScriptedDestinations.Over(new Dictionary<string, IChatSink>
    {
        ["mail"] = new EmailSink(new Uri($"smtp://briefs@127.0.0.1:{smtp.Port}"), MailboxAddress.Parse("BorderAlerts <alerts@example.org>"),
            [MailboxAddress.Parse("analysts@example.org"), MailboxAddress.Parse("desk@example.org")], "s3cret", new DeliveryOptions(),
            (_, certificate, _, _) => certificate?.GetCertHashString() == smtp.Certificate!.GetCertHashString()),
    });

    [Fact]
    public async Task The_brief_is_mailed_as_html_with_its_chart_inline_after_signing_in_over_starttls()
    {
        await using var smtp = new FakeSmtp { User = "briefs", Password = "s3cret", Certificate = FakeSmtp.SelfSigned() };
        await using var harness = await BriefingHarness.StartAsync(Store.Sqlite, "mail", PinnedMail(smtp), [.. Mail(smtp, "briefs@"), ("Destinations:mail:Token", "s3cret")]);

        var result = await harness.FireAsync();

        Assert.Equal(BriefingOutcome.Posted, result.Outcome);
        Assert.Equal((1, 0), (smtp.SignIns, smtp.SignInsInClear));
        var received = Assert.Single(smtp.Mails);
        Assert.Equal("alerts@example.org", received.From);
        Assert.Equal(["analysts@example.org", "desk@example.org"], received.To);
        var mail = MimeMessage.Load(new MemoryStream(received.Data));
        Assert.Equal("Morning brief · 2026-03-31 08:00", mail.Subject);
        Assert.Contains("<a href=\"https://news.example/", mail.HtmlBody);
        Assert.Contains("丹东查获走私煤炭</a> — kyodo · zh · high · 2 outlets · machine translation: Dandong seizes smuggled coal",
            System.Net.WebUtility.HtmlDecode(mail.HtmlBody)); // encoded as feed text
        Assert.Contains("[BRIEFING] Morning brief", mail.TextBody);
        var chart = Assert.Single(mail.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png");
        Assert.Contains($"cid:{chart.ContentId}", mail.HtmlBody);
        using var png = new MemoryStream();
        chart.Content!.DecodeTo(png);
        Assert.Equal((VolumeChartPng.Width, VolumeChartPng.Height), BriefingHarness.Decode(png.ToArray()));
    }

    [Fact]
    public async Task A_password_is_not_sent_in_clear_to_a_server_without_starttls_and_the_brief_is_dead_lettered_saying_why()
    {
        await using var smtp = new FakeSmtp { User = "briefs", Password = "s3cret" }; // offers AUTH, not STARTTLS
        await using var harness = await BriefingHarness.StartAsync("mail", [.. Mail(smtp, "briefs@"), ("Destinations:mail:Token", "s3cret")]);

        var result = await harness.FireAsync();

        Assert.Equal(BriefingOutcome.Failed, result.Outcome);
        Assert.Equal("the mail server offers no STARTTLS, so the password was not sent in clear: use smtps:// or a server that offers STARTTLS",
            result.Destinations["mail"]);
        Assert.Equal(0, smtp.SignIns);
        Assert.Empty(smtp.Mails);
    }

    [Theory]
    [InlineData("451 4.3.0 Try again later", true)]
    [InlineData("550 5.1.1 No such user", false)]
    public async Task A_temporary_refusal_is_retried_and_a_permanent_one_dead_lettered(string reply, bool retried)
    {
        await using var smtp = new FakeSmtp();
        await using var harness = await BriefingHarness.StartAsync("mail", [.. Mail(smtp), ("Destinations:mail:Channel", "analysts@example.org"),
            ("Delivery:MaxAttempts", "2")]);
        smtp.Script(reply);

        var result = await harness.FireAsync();

        Assert.Equal(retried ? BriefingOutcome.Posted : BriefingOutcome.Failed, result.Outcome);
        Assert.Equal(retried ? 1 : 0, smtp.Mails.Count);
        Assert.Equal(retried ? 2 : 1, smtp.Recipients); // a permanent refusal is not tried again
        if (!retried) Assert.StartsWith("SMTP 550", result.Destinations["mail"]);
    }
}
