using System.Text.Json;
using BorderAlerts.Core.Config;

namespace BorderAlerts.Settings;

/// <summary>
/// An appsettings*.json the configuration loader refused, as a <see cref="ConfigException"/> naming the file and line.
/// The loader says only which file; this reads it again, as the loader does, to find the line.
/// </summary>
public static class SettingsFileError
{
    static readonly JsonDocumentOptions LoaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static ConfigException? Explain(InvalidDataException error, string contentRoot)
    {
        var file = Directory.EnumerateFiles(contentRoot, "appsettings*.json").FirstOrDefault(f => error.Message.Contains(f, StringComparison.Ordinal));
        if (file is null) return null;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file), LoaderOptions);
            return json.RootElement.ValueKind == JsonValueKind.Object ? null : new ConfigException(file, 1, "json", "the settings must be one JSON object { ... }");
        }
        catch (JsonException e)
        {
            var problem = e.Message.Split(" LineNumber:", 2)[0]; // the line is given in the prefix already
            return new ConfigException(file, (int)(e.LineNumber ?? 0) + 1, "json", problem);
        }
    }
}
