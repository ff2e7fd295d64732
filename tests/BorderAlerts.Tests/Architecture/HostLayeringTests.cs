using NetArchTest.Rules;

namespace BorderAlerts.Tests.Architecture;

/// <summary>
/// The host's folders are layers, lowest first: settings depend on nothing else of the host, the stores only on
/// settings, the translators on settings, commands on no chat platform, the platforms' renderers on commands, the endpoints on both, the jobs on
/// commands, and the composition root and the command line on everything (docs/architecture.md §11).
/// </summary>
public class HostLayeringTests
{
    static readonly string[] Layers = ["Settings", "Storage", "Translation", "Commands", "Chat", "Endpoints", "Jobs", "Hosting", "Cli"];

    static readonly System.Reflection.Assembly Host = typeof(BorderAlerts.Hosting.AppHost).Assembly;

    public static TheoryData<string> Folders() => [.. Layers];

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_host_folder_uses_only_the_folders_below_it(string layer)
    {
        var above = Layers.SkipWhile(l => l != layer).Skip(1).Select(l => "BorderAlerts." + l).ToArray();
        if (above.Length == 0) return; // the top layer may use every other
        var result = Types.InAssembly(Host).That().ResideInNamespace("BorderAlerts." + layer)
            .ShouldNot().HaveDependencyOnAny(above).GetResult();
        Assert.True(result.IsSuccessful, $"{layer} uses a folder above it: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_host_folder_is_in_the_layers()
    {
        var folders = Host.GetTypes().Select(t => t.Namespace ?? "").Where(n => n.StartsWith("BorderAlerts.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[1]).Distinct();
        Assert.Empty(folders.Except(Layers));
    }

    [Theory]
    [InlineData("Storage", "Quartz")] // the cluster scheduler's store and tables belong to Jobs; live instances come from our own table
    [InlineData("Commands", "Quartz")]
    [InlineData("Settings", "Quartz")]
    public void A_host_folder_knows_nothing_of_a_library_that_belongs_to_another(string layer, string library)
    {
        var result = Types.InAssembly(Host).That().ResideInNamespace("BorderAlerts." + layer).ShouldNot().HaveDependencyOn(library).GetResult();
        Assert.True(result.IsSuccessful, $"{layer} uses {library}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
