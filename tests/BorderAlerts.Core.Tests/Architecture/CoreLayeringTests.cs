using NetArchTest.Rules;

namespace BorderAlerts.Core.Tests.Architecture;

/// <summary>
/// The core's folders form layers, lowest first: each may use only the ones before it, so no two folders depend on
/// each other and a change at the bottom (text folding, stories) never needs the top (polling). The core also knows
/// nothing of the host, the chat platforms, ASP.NET or Quartz (docs/architecture.md §11).
/// </summary>
public class CoreLayeringTests
{
    static readonly string[] Layers =
    [
        "Text", "Config", "Fetching", "Stories", "Feeds", "Watchlists", "Parsing", "Rules", "Items", "Translation", "Feedback", "Storage", "Delivery", "Search", "Admin", "Panel", "Polling", "WebSub", "Briefings",
    ];

    static readonly System.Reflection.Assembly CoreAssembly = typeof(BorderAlerts.Core.Items.PollTriage).Assembly;

    static string Namespace(string layer) => "BorderAlerts.Core." + layer;

    public static TheoryData<string> Folders() => [.. Layers];

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_core_folder_uses_only_the_folders_below_it(string layer)
    {
        var above = Layers.SkipWhile(l => l != layer).Skip(1).Select(Namespace).ToArray();
        if (above.Length == 0) return; // the top layer may use every other
        var result = Types.InAssembly(CoreAssembly).That().ResideInNamespace(Namespace(layer))
            .ShouldNot().HaveDependencyOnAny(above).GetResult();
        Assert.True(result.IsSuccessful, $"{layer} uses a folder above it: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_core_folder_is_in_the_layers()
    {
        var folders = CoreAssembly.GetTypes().Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith("BorderAlerts.Core.", StringComparison.Ordinal)).Select(n => n.Split('.')[2]).Distinct();
        Assert.Empty(folders.Except(Layers));
    }

    [Fact]
    public void The_core_knows_nothing_of_the_host_the_platforms_aspnet_or_quartz()
    {
        var result = Types.InAssembly(CoreAssembly).ShouldNot()
            .HaveDependencyOnAny("BorderAlerts.Chat", "BorderAlerts.Hosting", "BorderAlerts.Storage", "Microsoft.AspNetCore", "Quartz", "Npgsql", "Microsoft.Data.Sqlite")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
