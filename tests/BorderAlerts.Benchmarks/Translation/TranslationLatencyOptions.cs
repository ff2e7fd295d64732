using System.Globalization;

namespace BorderAlerts.Benchmarks.Translation;

/// <summary>`translate` options (docs/benchmarks.md, "Cards with the translator on").</summary>
public sealed record TranslationLatencyOptions
{
    /// <summary>Cards per condition and run (rounded up to whole waves).</summary>
    public int Cards { get; init; } = 300;
    /// <summary>Feeds, so new items (cards) per wave: each wave is one poll and the delivery passes after it.</summary>
    public int Feeds { get; init; } = 20;
    public int Runs { get; init; } = 3;
    public IReadOnlyList<string> Conditions { get; init; } = ["off", "fast", "slow", "down", "http500", "http429", "malformed"];
    public TimeSpan FastMin { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan FastMax { get; init; } = TimeSpan.FromMilliseconds(300);
    /// <summary>How long the failing conditions (http500, http429, malformed) take to fail.</summary>
    public TimeSpan FailMin { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan FailMax { get; init; } = TimeSpan.FromMilliseconds(300);
    /// <summary>How long the chat receiver takes to answer a message (Discord's answer time).</summary>
    public TimeSpan ChatDelay { get; init; } = TimeSpan.FromMilliseconds(100);
    /// <summary>Quiet time between waves.</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromMilliseconds(200);
    public Dictionary<string, string?> Settings { get; init; } = [];

    public static TranslationLatencyOptions Parse(string[] a)
    {
        var o = new TranslationLatencyOptions();
        for (int i = 0; i < a.Length; i++)
        {
            string Next() => i + 1 < a.Length ? a[++i] : throw new ArgumentException($"{a[i]} needs a value");
            switch (a[i])
            {
                case "--cards": o = o with { Cards = Int(Next(), "--cards", 1, 100_000) }; break;
                case "--feeds": o = o with { Feeds = Int(Next(), "--feeds", 1, 999) }; break;
                case "--runs": o = o with { Runs = Int(Next(), "--runs", 1, 100) }; break;
                case "--chat-ms": o = o with { ChatDelay = TimeSpan.FromMilliseconds(Int(Next(), "--chat-ms", 0, 60_000)) }; break;
                case "--pause-ms": o = o with { Pause = TimeSpan.FromMilliseconds(Int(Next(), "--pause-ms", 0, 60_000)) }; break;
                case "--fast-ms":
                    var (fastMin, fastMax) = Range(Next(), "--fast-ms");
                    o = o with { FastMin = fastMin, FastMax = fastMax };
                    break;
                case "--fail-ms":
                    var (failMin, failMax) = Range(Next(), "--fail-ms");
                    o = o with { FailMin = failMin, FailMax = failMax };
                    break;
                case "--conditions":
                    var names = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var known = TranslatorCondition.All(o.FastMin, o.FastMax, o.FailMin, o.FailMax).Select(c => c.Name).ToList();
                    if (names.FirstOrDefault(n => !known.Contains(n)) is { } bad)
                        throw new ArgumentException($"--conditions: '{bad}' is not one of {string.Join(", ", known)}");
                    o = o with { Conditions = names.Contains("off") ? names : ["off", .. names] }; // added delay is counted against off
                    break;
                case "--set":
                    var pair = Next().Split('=', 2);
                    if (pair.Length != 2) throw new ArgumentException("--set needs Section:Key=Value, e.g. --set Delivery:ClaimBatch=50");
                    o.Settings[pair[0]] = pair[1];
                    break;
                default: throw new ArgumentException($"unknown option '{a[i]}'");
            }
        }
        return o;
    }

    public IReadOnlyList<TranslatorCondition> Chosen() =>
        [.. TranslatorCondition.All(FastMin, FastMax, FailMin, FailMax).Where(c => Conditions.Contains(c.Name))];

    public override string ToString() =>
        $"{Cards} cards per condition and run in waves of {Feeds} (one new item per feed), {Runs} run(s), translator fast {FastMin.TotalMilliseconds:0}–{FastMax.TotalMilliseconds:0} ms, " +
        $"failing after {FailMin.TotalMilliseconds:0}–{FailMax.TotalMilliseconds:0} ms, " +
        $"chat receiver answers after {ChatDelay.TotalMilliseconds:0} ms, {Pause.TotalMilliseconds:0} ms between waves" +
        (Settings.Count == 0 ? "" : $", settings {string.Join(", ", Settings.Select(s => $"{s.Key}={s.Value}"))}");

    /// <summary>"100-300" (milliseconds, a uniform draw between) or "200".</summary>
    static (TimeSpan Min, TimeSpan Max) Range(string text, string name)
    {
        var range = text.Split('-', 2);
        var min = Int(range[0], name, 0, 60_000);
        return (TimeSpan.FromMilliseconds(min), TimeSpan.FromMilliseconds(range.Length == 2 ? Int(range[1], name, min, 60_000) : min));
    }

    static int Int(string s, string name, int min, int max) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v
        : throw new ArgumentException($"{name}: '{s}' is not a whole number from {min} to {max}");
}
