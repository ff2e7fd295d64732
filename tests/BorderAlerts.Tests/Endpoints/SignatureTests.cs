using System.Text;
using BorderAlerts.Chat.Discord;
using BorderAlerts.Chat.Slack;
using Microsoft.Extensions.Time.Testing;

namespace BorderAlerts.Tests.Endpoints;

/// <summary>Request signatures against the public vectors in shared/test-vectors (Slack's own example, a real Discord PING, RFC 8032).</summary>
public class SignatureTests
{
    const string SlackSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    const string SlackBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    const string SlackSignatureValue = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    public const string DiscordKey = "c5568d0facd66bddee281dcb9c8ac02e169c5c20741b215b2539a96bb183c5d6";
    public const string DiscordTimestamp = "1657322078";
    public const string DiscordSignatureValue = "28b4ab5f09cce30c7f7f4ab4b47c311f0ce83dd8fec06d34e402c44d64223be5016f95339e64bdabcbd395e9147afe3f8cd024868330ab41014ae51b5573a009";
    public const string DiscordBody = """{"application_id":"827290144020496384","id":"995105663481028770","token":"aW50ZXJhY3Rpb246OTk1MTA1NjYzNDgxMDI4NzcwOmlReEtWOXNxMTJWYXF4UlRkc2RyVEp0MDdDMlVyem1na0FTT21xNTZQNHR0MUlORDU1bmNCUTZZdTI5akJkb3FycjBuUDltNVp3VVVJbnA0UUkzMG13cVBGWE5qZFQyb1dkZEpqVVFEdmZEcGE2UHV5dFAyTE5rS2c2a2lZNDlx","type":1,"user":{"avatar":"27aeb42cc902f7d8712aa64ff15bfb7d","avatar_decoration":null,"discriminator":"6969","id":"170531778354741248","public_flags":576,"username":"miles"},"version":1}""";

    static SlackSignature Slack(long now) => new(SlackSecret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));

    [Fact]
    public void Slacks_documented_example_verifies_at_its_own_time() =>
        Assert.True(Slack(1531420618).Verify(SlackSignatureValue, "1531420618", Encoding.UTF8.GetBytes(SlackBody)));

    [Theory]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b501", "", 1531420618)] // signature altered
    [InlineData(SlackSignatureValue, "&x=1", 1531420618)] // body altered after signing
    [InlineData(SlackSignatureValue, "", 1531420618 + 301)] // replayed after the window
    [InlineData(SlackSignatureValue, "", 1531420618 - 301)] // from the future
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "", 1531420618)] // no version prefix
    [InlineData(null, "", 1531420618)] // missing header
    public void Forged_altered_or_replayed_slack_requests_fail(string? signature, string suffix, long now) =>
        Assert.False(Slack(now).Verify(signature, "1531420618", Encoding.UTF8.GetBytes(SlackBody + suffix)));

    [Fact]
    public void A_real_discord_ping_verifies_and_every_altered_part_fails()
    {
        var key = new DiscordSignature(DiscordKey);
        var body = Encoding.UTF8.GetBytes(DiscordBody);
        Assert.True(key.Verify(DiscordSignatureValue, DiscordTimestamp, body));
        Assert.False(key.Verify(DiscordSignatureValue, "1657322079", body));
        Assert.False(key.Verify(DiscordSignatureValue, DiscordTimestamp, Encoding.UTF8.GetBytes(DiscordBody.Replace("770", "771"))));
        Assert.False(key.Verify("f740b665fd82b37a379626543cb10f9f1cd36b910be2bf3210bb70b5de11e096878c7e2b60a92931269ed49d58f249f32558853049a38fc6d66a831574ab7408", DiscordTimestamp, body));
        Assert.False(key.Verify("not hex", DiscordTimestamp, body));
        Assert.False(new DiscordSignature("zz").Verify(DiscordSignatureValue, DiscordTimestamp, body));
    }

    [Theory]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "", "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72", "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    public void Rfc_8032_vectors_verify(string publicKey, string messageHex, string signature) =>
        Assert.True(new DiscordSignature(publicKey).Verify(signature, "", Convert.FromHexString(messageHex)));
}
