using System.Text.Json;
using System.Text.Json.Serialization;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Core.Admin;

/// <summary>
/// A rule override: a whole rule (added or edited from chat), the removal of a file rule, or only its switch
/// (<see cref="Enabled"/>), so a file rule switched off from chat still follows later edits of the file.
/// </summary>
public sealed record RuleOverride(RuleDefinition? Rule, bool Removed, bool? Enabled = null);

/// <summary>A feed added from chat (<see cref="Feed"/>), or a pause laid over a feed from feeds.yaml.</summary>
public sealed record FeedOverride(ChatFeed? Feed, bool Paused);

/// <summary>The fields a chat admin gives a feed; such feeds are untrusted (their addresses are checked).</summary>
/// <param name="Kind">One of <see cref="SourceKinds.Known"/>, or null (changes stored before kinds existed have none).</param>
public sealed record ChatFeed(string Id, string Url, FeedType Type, string? Language, TimeSpan Every, string? Kind = null)
{
    public FeedDefinition ToDefinition(bool paused) => new()
    {
        Id = Id, Name = Id, Url = new Uri(Url), Type = Type, Language = Language, Kind = Kind, Every = Every, Enabled = !paused, Untrusted = true,
    };
}

/// <summary>
/// A scheduled job paused on every instance, and how many times an admin asked it to run now: each instance runs it
/// once for every request it has not seen yet (requests made before it started are not replayed).
/// </summary>
public sealed record JobOverride(bool Paused, long RunRequests = 0);

/// <summary>The JSON kept in the admin state and its audit record (readable in history, stable across versions).</summary>
public static class AdminJson
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Rule(RuleOverride value) => JsonSerializer.Serialize(value, Options);
    public static RuleOverride? Rule(string? json) => json is null ? null : JsonSerializer.Deserialize<RuleOverride>(json, Options);
    public static string Feed(FeedOverride value) => JsonSerializer.Serialize(value, Options);
    public static FeedOverride? Feed(string? json) => json is null ? null : JsonSerializer.Deserialize<FeedOverride>(json, Options);
    public static string Job(JobOverride value) => JsonSerializer.Serialize(value, Options);
    public static JobOverride? Job(string? json) => json is null ? null : JsonSerializer.Deserialize<JobOverride>(json, Options);
    public static string Mute(DateTimeOffset until) => JsonSerializer.Serialize(new { until }, Options);

    public static DateTimeOffset? MuteUntil(string json) =>
        JsonDocument.Parse(json).RootElement.TryGetProperty("until", out var until) ? until.GetDateTimeOffset() : null;
}
