namespace BorderAlerts.Benchmarks.Adaptive;

/// <summary>A simulated source: its cadence class and every publication time, in minutes from the simulation's start.</summary>
public sealed record SimulatedSource(string Class, double[] Published);

/// <summary>
/// Sources with known cadences, from one seed: a newsroom busy 01:00–10:00 UTC (East Asian office hours) with bursts,
/// a wire every few minutes around the clock, a daily bulletin near a fixed hour, and dormant sources that publish
/// every week or two.
/// </summary>
public static class SimulatedSources
{
    public static readonly string[] Classes = ["newsroom", "wire", "bulletin", "dormant"];

    public static List<SimulatedSource> Population(int perClass, double days, int seed)
    {
        var random = new Random(seed);
        var sources = new List<SimulatedSource>();
        for (int i = 0; i < perClass; i++)
        {
            sources.Add(new("newsroom", Newsroom(random, days)));
            sources.Add(new("wire", Poisson(random, 0, days * 1440, 3 + random.NextDouble() * 4)));
            sources.Add(new("bulletin", Bulletin(random, days)));
            sources.Add(new("dormant", Poisson(random, 0, days * 1440, (7 + random.NextDouble() * 7) * 1440)));
        }
        return sources;
    }

    /// <summary>Poisson arrivals with the given mean gap (minutes) in [from, to).</summary>
    static double[] Poisson(Random random, double from, double to, double meanGap)
    {
        var times = new List<double>();
        for (double t = from + Exponential(random, meanGap); t < to; t += Exponential(random, meanGap)) times.Add(t);
        return [.. times];
    }

    static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    /// <summary>Office hours: an item every ~20 minutes and now and then a burst of 3–6 within 15 minutes; nights: every ~4 h.</summary>
    static double[] Newsroom(Random random, double days)
    {
        var times = new List<double>();
        for (int day = 0; day < days; day++)
        {
            double open = day * 1440 + 60, close = day * 1440 + 600;
            times.AddRange(Poisson(random, day * 1440, open, 240));
            times.AddRange(Poisson(random, open, close, 20));
            times.AddRange(Poisson(random, close, (day + 1) * 1440, 240));
            foreach (var burst in Poisson(random, open, close, 180))
                for (int k = random.Next(3, 7); k > 0; k--) times.Add(burst + random.NextDouble() * 15);
        }
        times.Sort();
        return [.. times];
    }

    /// <summary>One or two items a day within ten minutes of the source's own hour.</summary>
    static double[] Bulletin(Random random, double days)
    {
        var hour = random.Next(0, 24) * 60.0;
        var times = new List<double>();
        for (int day = 0; day < days; day++)
            for (int k = random.Next(1, 3); k > 0; k--) times.Add(day * 1440 + hour + random.NextDouble() * 10);
        times.Sort();
        return [.. times];
    }
}
