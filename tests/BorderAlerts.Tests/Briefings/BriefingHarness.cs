using BorderAlerts.Core.Briefings;
using BorderAlerts.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace BorderAlerts.Tests.Briefings;

/// <summary>A store with alerted items and a briefings.yaml, the real composition root, and the briefing runner to fire a briefing at a time.</summary>
sealed class BriefingHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset FireTime = new(2026, 3, 30, 23, 0, 0, TimeSpan.Zero); // 08:00 in Seoul

    readonly TempFolder _folder;

    BriefingHarness(TempFolder folder, Pipeline pipeline) => (_folder, Pipeline) = (folder, pipeline);

    public Pipeline Pipeline { get; }

    public static Task<BriefingHarness> StartAsync(string to, params (string Key, string Value)[] settings) => StartAsync(Store.Sqlite, to, settings);

    public static Task<BriefingHarness> StartAsync(Store store, string to, params (string Key, string Value)[] settings) => StartAsync(store, to, null, settings);

    /// <param name="configure">Registrations after the composition root's, e.g. <see cref="ScriptedDestinations.Over"/>.</param>
    public static async Task<BriefingHarness> StartAsync(Store store, string to, Action<IServiceCollection>? configure, params (string Key, string Value)[] settings)
    {
        var folder = new TempFolder(store);
        Directory.CreateDirectory(folder.Config);
        File.WriteAllText(Path.Combine(folder.Config, "briefings.yaml"), $"""
            briefings:
              - id: morning
                name: Morning brief
                cron: "0 0 8 ? * *"
                timezone: Asia/Seoul
                to: [{to}]
            """);
        var pipeline = await Pipeline.StartAsync(folder, configure, settings);
        await BriefingData.SeedAsync(pipeline.Services,
            new BriefingData.Alerted("kyodo", FireTime.AddHours(-2), "coal", "high", Title: "丹东查获走私煤炭", AlsoSeenBy: ["yonhap"], TranslatedTitle: "Dandong seizes smuggled coal"),
            new BriefingData.Alerted("state", FireTime.AddHours(-30), "ships", Language: "en", Title: "Treasury designates tankers"));
        return new BriefingHarness(folder, pipeline);
    }

    public BriefingDefinition Briefing => Pipeline.Services.GetRequiredService<FileBriefings>().Find("morning")!;

    public Task<BriefingResult> FireAsync(CancellationToken cancellationToken = default) =>
        Pipeline.Services.GetRequiredService<BriefingRunner>().RunAsync(Briefing, FireTime, cancellationToken);

    /// <summary>The PNG decoded by SkiaSharp: its width and height (0 × 0 when it is not a PNG).</summary>
    public static (int Width, int Height) Decode(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png.Take(8)); // the PNG signature
        using var bitmap = SKBitmap.Decode(png);
        return bitmap is null ? (0, 0) : (bitmap.Width, bitmap.Height);
    }

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        _folder.Dispose();
    }
}
