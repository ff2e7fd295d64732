using System.Text.Encodings.Web;
using System.Text.Json;

namespace BorderAlerts.Cli;

/// <summary>JSON for scripts: compact, one object per line, CJK and Hangul written as themselves rather than \u escapes.</summary>
public static class CliJson
{
    static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(object? value) => JsonSerializer.Serialize(value, Options);
}
