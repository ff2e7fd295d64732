namespace BorderAlerts.Tests.Infrastructure;

/// <summary>The files under Fixtures/, copied beside the test assembly at build.</summary>
public static class FixtureFiles
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static byte[] Read(string relative) => File.ReadAllBytes(PathOf(relative));

    public static string ContentTypeOf(string relative) => Path.GetExtension(relative).ToLowerInvariant() switch
    {
        ".json" => Responses.Json,
        ".html" => Responses.Html,
        _ => Responses.Rss,
    };
}
