using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Polling;
using BorderAlerts.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace BorderAlerts.Tests.Infrastructure;

public sealed record ChatAnswer(int Status, JsonElement Json);

/// <summary>
/// The service as chat users reach it: the real app on a loopback Kestrel with Discord and Slack signing configured,
/// requests signed as Discord (Ed25519, RFC 8032 test key) and Slack (v0 HMAC) sign them. Admins: Discord members with
/// Manage Server or role <see cref="AdminRole"/>; Slack user <see cref="SlackAdmin"/>. Use inside <see cref="ProcessEnvironment"/>.
/// </summary>
public sealed class ChatHost : IAsyncDisposable
{
    public const string AdminRole = "900", Guild = "800", SlackAdmin = "UADMIN", SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    const string Secret = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    const string Public = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    readonly WebApplication _app;
    readonly HttpClient _http;

    ChatHost(CliSession session, WebApplication app)
    {
        Session = session;
        _app = app;
        _http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public CliSession Session { get; }

    /// <summary>A loopback address on a port free a moment ago.</summary>
    public static string FreeAddress()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
    public IServiceProvider Services => _app.Services;
    public Uri BaseAddress => _http.BaseAddress!;

    /// <param name="settings">Extra settings as environment variables, e.g. ("Discord__ApiBaseUrl", url).</param>
    public static Task<ChatHost> StartAsync(CliSession session, params (string Key, string Value)[] settings) =>
        StartAtAsync(session, "http://127.0.0.1:0", settings);

    /// <summary>The service at a known address (<see cref="FreeAddress"/>), for settings that must name it, such as PublicUrl.</summary>
    public static async Task<ChatHost> StartAtAsync(CliSession session, string url, params (string Key, string Value)[] settings)
    {
        if (!File.Exists(session.Folder.FeedsYaml)) session.WriteFeeds("feeds: []\n");
        session.Environment.Set("BorderAlerts__Discord__PublicKey", Public)
            .Set("BorderAlerts__Discord__AdminRoleIds__0", AdminRole)
            .Set("BorderAlerts__Discord__GuildIds__0", Guild)
            .Set("BorderAlerts__Slack__SigningSecret", SigningSecret)
            .Set("BorderAlerts__Slack__AdminUserIds__0", SlackAdmin)
            .Set("BorderAlerts__Polling__TickSeconds", "3600");
        foreach (var (key, value) in settings) session.Environment.Set("BorderAlerts__" + key, value);
        var app = AppHost.Build(service: true, urls: [url]);
        await AppHost.PrepareAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        return new ChatHost(session, app);
    }

    /// <summary>Polls every feed now, as `poll --all` does.</summary>
    public Task<PollSummary> PollAllAsync() => Services.GetRequiredService<PollRunner>().RunNowAsync(
        [.. Services.GetRequiredService<IFeedCatalog>().Current().Feeds.Where(f => f.Enabled).Select(f => f.Id)], CancellationToken.None);

    /// <summary>A slash command as Discord sends it; <paramref name="sub"/> null for commands without subcommands.</summary>
    public Task<ChatAnswer> DiscordAsync(string command, string? sub, object? options = null, bool admin = false, string token = "tok", string app = "app1") =>
        DiscordRawAsync(DiscordCommand(command, sub, options, admin, token, app).ToJsonString());

    /// <summary>The interaction Discord sends for a slash command.</summary>
    public static JsonObject DiscordCommand(string command, string? sub, object? options = null, bool admin = false, string token = "tok", string app = "app1")
    {
        var values = new JsonArray(JsonSerializer.SerializeToNode(options ?? new { })!.AsObject()
            .Select(p => (JsonNode)new JsonObject { ["name"] = p.Key, ["type"] = p.Value!.GetValueKind() == JsonValueKind.Number ? 4 : 3, ["value"] = p.Value.DeepClone() })
            .ToArray());
        var data = new JsonObject { ["id"] = "c1", ["name"] = command, ["type"] = 1 };
        data["options"] = sub is null ? values : new JsonArray(new JsonObject { ["name"] = sub, ["type"] = 1, ["options"] = values });
        return Interaction(2, data, admin, token, app);
    }

    static long _invocations;

    /// <summary>Each interaction has an id of its own, as Discord's do, so two alike commands are two signed requests.</summary>
    public static JsonObject Interaction(int type, JsonObject data, bool admin, string token = "tok", string app = "app1", string guild = Guild) => new()
    {
        ["type"] = type, ["id"] = $"i{Interlocked.Increment(ref _invocations)}", ["application_id"] = app, ["token"] = token, ["version"] = 1, ["data"] = data.DeepClone(), ["guild_id"] = guild,
        ["member"] = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = admin ? "u-admin" : "u-reader", ["username"] = admin ? "alice" : "bob" },
            ["roles"] = new JsonArray(), ["permissions"] = admin ? "32" : "1024",
        },
    };

    public async Task<ChatAnswer> DiscordRawAsync(string body, bool forge = false)
    {
        using var request = DiscordRequest(body, forge: forge);
        return await SendAsync(request);
    }

    /// <summary>A request signed as Discord signs it, at <paramref name="timestamp"/> (default now): the same arguments give the same request.</summary>
    public static HttpRequestMessage DiscordRequest(string body, string? timestamp = null, bool forge = false)
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

    /// <summary>A slash command as Slack sends it (form body, signed).</summary>
    public Task<ChatAnswer> SlackAsync(string command, string text, bool admin = false, string responseUrl = "http://127.0.0.1:9/unused", bool forge = false) =>
        SlackFormAsync("/slack/commands", new Dictionary<string, string>
        {
            ["token"] = "ignored", ["team_id"] = "T1", ["channel_id"] = "C1", ["user_id"] = admin ? SlackAdmin : "UREADER",
            ["user_name"] = admin ? "alice" : "bob", ["command"] = command, ["text"] = text, ["response_url"] = responseUrl,
            ["trigger_id"] = $"{Interlocked.Increment(ref _invocations)}.2.3", // one per invocation, as Slack's
        }, forge);

    public async Task<ChatAnswer> SlackFormAsync(string path, Dictionary<string, string> fields, bool forge = false)
    {
        using var request = SlackRequest(path, string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")), forge: forge);
        return await SendAsync(request);
    }

    /// <summary>A form body signed as Slack signs it, at <paramref name="timestamp"/> (default now): the same arguments give the same request.</summary>
    public static HttpRequestMessage SlackRequest(string path, string body, string? timestamp = null, bool forge = false)
    {
        timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        if (forge) mac[0] ^= 1;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        return request;
    }

    public async Task<ChatAnswer> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text[0] == '{' ? JsonDocument.Parse(text).RootElement.Clone() : JsonDocument.Parse(JsonSerializer.Serialize(text)).RootElement.Clone();
        return new ChatAnswer((int)response.StatusCode, json);
    }

    /// <summary>Stops the service but keeps its folder and settings, so commands can run on its store afterwards.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Session.Dispose();
    }
}
