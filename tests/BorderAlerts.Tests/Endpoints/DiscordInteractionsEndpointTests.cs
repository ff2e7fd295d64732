using System.Net;
using System.Text;
using BorderAlerts.Hosting;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using NSec.Cryptography;

namespace BorderAlerts.Tests.Endpoints;

/// <summary>POST /interactions/discord through a real Kestrel on loopback: signed, forged, replayed and oversized requests.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DiscordInteractionsEndpointTests
{
    // RFC 8032 TEST 1 key pair: a key we can sign with, so requests can be fresh.
    const string Secret = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    const string Public = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    static HttpRequestMessage Signed(string body, string? timestamp = null, bool forge = false)
    {
        timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(Secret), KeyBlobFormat.RawPrivateKey);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body));
        if (forge) signature[0] ^= 1;
        var request = new HttpRequestMessage(HttpMethod.Post, "/interactions/discord") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(signature));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    [Fact]
    public async Task Ping_is_answered_and_forged_replayed_unsigned_or_oversized_requests_are_refused()
    {
        using var session = new CliSession();
        session.WriteFeeds("feeds: []\n");
        session.Environment.Set("BorderAlerts__Discord__PublicKey", Public);
        await using var app = AppHost.Build(service: true, urls: ["http://127.0.0.1:0"]);
        await AppHost.PrepareAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var ping = await http.SendAsync(Signed("""{"type":1,"id":"1","application_id":"2","token":"t","version":1}"""));
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal("""{"type":1}""", await ping.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Signed("""{"type":1}""", forge: true))).StatusCode);
        var stale = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Signed("""{"type":1}""", stale))).StatusCode);
        var altered = Signed("""{"type":1}""");
        altered.Content = new StringContent("""{"type":2}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(altered)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/interactions/discord", new StringContent("""{"type":1}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await http.SendAsync(Signed(new string('x', 70_000)))).StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task A_real_discord_ping_replayed_years_later_is_refused()
    {
        using var session = new CliSession();
        session.WriteFeeds("feeds: []\n");
        session.Environment.Set("BorderAlerts__Discord__PublicKey", SignatureTests.DiscordKey);
        await using var app = AppHost.Build(service: true, urls: ["http://127.0.0.1:0"]);
        await AppHost.PrepareAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var request = new HttpRequestMessage(HttpMethod.Post, "/interactions/discord") { Content = new StringContent(SignatureTests.DiscordBody, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", SignatureTests.DiscordSignatureValue);
        request.Headers.Add("X-Signature-Timestamp", SignatureTests.DiscordTimestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        await app.StopAsync();
    }
}
