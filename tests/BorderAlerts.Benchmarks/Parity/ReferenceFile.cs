using System.Text.Json;
using System.Text.Json.Serialization;

namespace BorderAlerts.Benchmarks.Parity;

/// <summary>One item as feedparser read it (tools/parity/reference.py).</summary>
public sealed record ReferenceItem(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("link")] string? Link,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("readable")] bool Readable);

/// <summary>One corpus file as feedparser read it.</summary>
public sealed record ReferenceFeed(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("contentType")] string? ContentType,
    [property: JsonPropertyName("bozo")] bool Bozo,
    [property: JsonPropertyName("encoding")] string? Encoding,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("items")] IReadOnlyList<ReferenceItem> Items,
    [property: JsonPropertyName("error")] string? Error = null);

/// <summary>Reads the reference lines; a missing or broken file is an error that says how to make it.</summary>
public static class ReferenceFile
{
    public const string DefaultPath = "tests/BorderAlerts.Benchmarks/Parity/reference.jsonl";
    const string HowToMake = "make it with `/usr/bin/python3 tools/parity/reference.py` (needs Debian's python3-feedparser)";

    public static IReadOnlyList<ReferenceFeed> Read(string path)
    {
        if (!File.Exists(path)) throw new ParityException($"no reference file '{path}': {HowToMake}");
        var feeds = new List<ReferenceFeed>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            try
            {
                feeds.Add(JsonSerializer.Deserialize<ReferenceFeed>(line)
                    ?? throw new JsonException("the line is null"));
            }
            catch (JsonException e) { throw new ParityException($"{path}:{lineNumber}: not a reference line ({e.Message}); {HowToMake}"); }
        }
        if (feeds.Count == 0) throw new ParityException($"{path} has no lines: {HowToMake}");
        return feeds;
    }
}

/// <summary>The parity run cannot start; the message says what is missing.</summary>
public sealed class ParityException(string message) : Exception(message);
