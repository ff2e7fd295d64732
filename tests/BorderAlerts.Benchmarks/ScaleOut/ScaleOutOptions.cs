using System.Globalization;
using BorderAlerts.Core.Feeds;

namespace BorderAlerts.Benchmarks.ScaleOut;

/// <summary>Options of `scaleout`.</summary>
public sealed record ScaleOutOptions
{
    public int Feeds { get; init; } = 3_000;
    public TimeSpan Every { get; init; } = TimeSpan.FromMinutes(2);
    public int[] Instances { get; init; } = [1, 3];
    public int Seconds { get; init; } = 240;
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(30);
    public int Hosts { get; init; } = 16;
    public double NotModifiedShare { get; init; } = 0.6;
    /// <summary>A role with CREATEDB; a database is created per run and dropped after it. Default: what the tests use.</summary>
    public string Postgres { get; init; } = Environment.GetEnvironmentVariable("BORDERALERTS_TEST_POSTGRES") is { Length: > 0 } s ? s
        : "Host=127.0.0.1;Port=5432;Username=borderalerts;Password=borderalerts;Database=borderalerts_test";

    public static ScaleOutOptions Parse(string[] a)
    {
        var o = new ScaleOutOptions();
        for (int i = 0; i < a.Length; i++)
        {
            string Next() => i + 1 < a.Length ? a[++i] : throw new ArgumentException($"{a[i]} needs a value");
            o = a[i] switch
            {
                "--feeds" => o with { Feeds = Int(Next()) },
                "--every" => o with { Every = Duration(Next()) },
                "--instances" => o with { Instances = Next().Split(',').Select(Int).ToArray() },
                "--seconds" => o with { Seconds = Int(Next()) },
                "--tick" => o with { Tick = Duration(Next()) },
                "--idle" => o with { Idle = Duration(Next()) },
                "--hosts" => o with { Hosts = Int(Next()) },
                "--postgres" => o with { Postgres = Next() },
                _ => throw new ArgumentException($"unknown option '{a[i]}'"),
            };
        }
        if (o.Feeds < 1 || o.Instances.Any(n => n is < 1 or > 16)) throw new ArgumentException("--feeds must be positive and --instances 1–16 each");
        return o;
    }

    static int Int(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"'{s}' is not a whole number");

    static TimeSpan Duration(string s) => DurationParser.TryParse(s, out var t) ? t : throw new ArgumentException($"'{s}' is not a duration (examples: 5s, 2m)");
}
