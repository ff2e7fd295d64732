using System.Text.Json;
using System.Text.Json.Serialization;

namespace BorderAlerts.Core.Watchlists;

/// <summary>An entry as the store keeps it (one JSON document per entry row): camelCase, enums by name, nulls left out.</summary>
public static class WatchlistEntryJson
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(WatchlistEntry entry) => JsonSerializer.Serialize(entry, Options);

    public static WatchlistEntry Read(string json) =>
        JsonSerializer.Deserialize<WatchlistEntry>(json, Options) ?? throw new JsonException("a stored watchlist entry is null");
}
