namespace BorderAlerts.Benchmarks.Translation;

/// <summary>How the LibreTranslate stand-in behaves for one condition; <see cref="Off"/> runs with Provider none.</summary>
public enum TranslatorBehaviour { Off, Answer, Down, Status500, Status429, Malformed }

/// <summary>
/// One translator condition of the benchmark: its name on the command line and in the report, what the stand-in does,
/// and how long it takes to answer (a uniform draw between the two bounds).
/// </summary>
public sealed record TranslatorCondition(string Name, TranslatorBehaviour Behaviour, TimeSpan MinDelay, TimeSpan MaxDelay, string Description)
{
    public static IReadOnlyList<TranslatorCondition> All(TimeSpan fastMin, TimeSpan fastMax, TimeSpan failMin, TimeSpan failMax) =>
    [
        new("off", TranslatorBehaviour.Off, TimeSpan.Zero, TimeSpan.Zero, "Provider none"),
        new("fast", TranslatorBehaviour.Answer, fastMin, fastMax, $"answers after {Ms(fastMin)}–{Ms(fastMax)}"),
        new("slow", TranslatorBehaviour.Answer, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), "answers after 5 s (past the 2 s wait)"),
        new("down", TranslatorBehaviour.Down, TimeSpan.Zero, TimeSpan.Zero, "connection refused (nothing listens on its port)"),
        new("http500", TranslatorBehaviour.Status500, failMin, failMax, $"HTTP 500 {{\"error\"}} after {Ms(failMin)}–{Ms(failMax)}"),
        new("http429", TranslatorBehaviour.Status429, failMin, failMax, $"HTTP 429 without Retry-After after {Ms(failMin)}–{Ms(failMax)}"),
        new("malformed", TranslatorBehaviour.Malformed, failMin, failMax, $"HTTP 200 with a body that is not its JSON after {Ms(failMin)}–{Ms(failMax)}"),
    ];

    static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0} ms";
}
