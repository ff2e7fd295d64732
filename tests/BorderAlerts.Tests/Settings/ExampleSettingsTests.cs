using System.Text.Json;
using System.Text.Json.Nodes;
using BorderAlerts.Settings;
using Microsoft.Extensions.Configuration;

namespace BorderAlerts.Tests.Settings;

/// <summary>appsettings.example.json documents every key users write: each one lands in exactly one concern's settings.</summary>
public sealed class ExampleSettingsTests
{
    static readonly IConfiguration Example = new ConfigurationBuilder()
        .AddJsonFile(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../appsettings.example.json")), optional: false)
        .Build();

    [Fact]
    public void Every_key_of_the_example_is_bound_by_one_concern_with_its_value()
    {
        var bound = new[]
        {
            Flatten(PathSettings.Section, Example.GetSettings<PathSettings>()),
            Flatten(StorageSettings.Section, Example.GetSettings<StorageSettings>()),
            Flatten(FetchSettings.Section, Example.GetSettings<FetchSettings>()),
            Flatten(PollingSettings.Section, Example.GetSettings<PollingSettings>()),
            Flatten(DeliverySettings.Section, Example.GetSettings<DeliverySettings>()),
            Flatten(DiscordSettings.Section, Example.GetSettings<DiscordSettings>()),
            Flatten(SlackSettings.Section, Example.GetSettings<SlackSettings>()),
            Flatten(DestinationSettings.Section, Example.GetSettings<DestinationSettings>()),
            Flatten(TranslationSettings.Section, Example.GetSettings<TranslationSettings>()),
            Flatten(PanelSettings.Section, Example.GetSettings<PanelSettings>()),
            Flatten(WebSubSettings.Section, Example.GetSettings<WebSubSettings>()),
        }.SelectMany(keys => keys).ToLookup(k => k.Key, k => k.Value, StringComparer.OrdinalIgnoreCase);
        var written = Example.GetSection("BorderAlerts").AsEnumerable().Where(k => k.Value is not null).ToList();

        Assert.True(written.Count > 40, "the example was read");
        Assert.All(written, key => Assert.Equal([key.Value!.ToLowerInvariant()], bound[key.Key].Select(v => v.ToLowerInvariant())));
    }

    /// <summary>A concern's bound values as configuration keys (Section:Property:0, Section:Property:Name:Field).</summary>
    static IEnumerable<KeyValuePair<string, string>> Flatten(string path, object settings) => Flatten(path, JsonSerializer.SerializeToNode(settings));

    static IEnumerable<KeyValuePair<string, string>> Flatten(string path, JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Flatten($"{path}:{p.Key}", p.Value)),
        JsonArray { Count: 0 } => [KeyValuePair.Create(path, "")], // as the JSON configuration reads []
        JsonArray a => a.SelectMany((item, i) => Flatten($"{path}:{i}", item)),
        JsonValue v => [KeyValuePair.Create(path, v.ToString())],
        _ => [],
    };
}
