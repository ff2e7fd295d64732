using System.Globalization;
using BorderAlerts.Core.Storage;
using static BorderAlerts.Benchmarks.FeedFarm.FeedFarmBenchmark;

namespace BorderAlerts.Benchmarks.FeedFarm;

/// <summary>The figures of one run; printed, and written as JSON with --json.</summary>
public sealed record Result
{
    public required string Command { get; init; }
    public required int Feeds { get; init; }
    public required int Cores { get; init; }
    public required double OfferedPollsPerSecond { get; init; }
    // Warm-up (seed pass)
    public required double SeedSeconds { get; init; }
    public required double SeedPollsPerSecond { get; init; }
    public required double SeedCpuPercentOfMachine { get; init; }
    public required double SeedPeakResidentMb { get; init; }
    // Window
    public required double WindowSeconds { get; init; }
    public required long Polls { get; init; }
    public required double PollsPerSecond { get; init; }
    public required double PeakPollsPerSecond5s { get; init; }
    public required long Fetched { get; init; }
    public required long NotModified { get; init; }
    public required double NotModifiedShare { get; init; }
    public required long Failed { get; init; }
    public required long NewItems { get; init; }
    public required int Passes { get; init; }
    public required double CpuPercentOfMachine { get; init; }
    public required double CpuPercentOfOneCore { get; init; }
    public required double PeakCpuPercentOfMachine5s { get; init; }
    public required double CpuMsPerPoll { get; init; }
    public required double PeakResidentMb { get; init; }
    public required double MaxSampledResidentMb { get; init; }
    public required double MaxGcHeapMb { get; init; }
    public required double MaxGcCommittedMb { get; init; }
    /// <summary>The sample with the highest resident set: resident, anonymous part, GC heap, GC committed (at the last GC), threads.</summary>
    public required string AtPeakSample { get; init; }
    public required int MaxThreads { get; init; }
    public required string SeedPeakSample { get; init; }
    public required int Gen0 { get; init; }
    public required int Gen1 { get; init; }
    public required int Gen2 { get; init; }
    public required double GcPausePercent { get; init; }
    public required double AllocatedMbPerSecond { get; init; }
    public required double AllocatedKbPerPoll { get; init; }
    public required long LockContentions { get; init; }
    public required double StoreBusyPercent { get; init; }
    public required double ClaimMsMean { get; init; }
    public required double Complete304MsMean { get; init; }
    public required double Complete200MsMean { get; init; }
    public required double Complete200MsP95 { get; init; }
    public required double FetchMsMean { get; init; }
    public required double FetchMsP95 { get; init; }
    public required double HttpMsMean { get; init; }
    public required double FetchesInFlightMean { get; init; }
    public required double ParseMsMean { get; init; }
    public required double ParseMsP95 { get; init; }
    public required double LatenessSecondsP50 { get; init; }
    public required double LatenessSecondsP95 { get; init; }
    public required double LatenessSecondsP99 { get; init; }
    public required double LatenessSecondsMax { get; init; }
    public required int MaxBacklog { get; init; }
    public required int EndBacklog { get; init; }
    public required double MaxOldestDueSeconds { get; init; }
    public required long FarmRequests { get; init; }
    public required long FarmNotModified { get; init; }
    public required double FarmCpuPercentOfMachine { get; init; }
    public required double DatabaseMb { get; init; }
    public required double CpuTargetPercent { get; init; }
    public required double MemoryTargetMb { get; init; }
    public required string[] SampleErrors { get; init; }

    public static Result From(FeedFarmOptions o, int cores, Mark seed, Mark seeded, double seedPeakMb, Mark start, Mark end, double peakMb,
        Sampler sampler, List<PollRecord> records, List<double> fetchMs, Sample endBacklog, int passes, string dbPath, FarmMetrics metrics)
    {
        var wall = (end.At - start.At).TotalSeconds;
        var seedWall = (seeded.At - seed.At).TotalSeconds;
        var m0 = start.Metrics; var m1 = end.Metrics;
        var polls = m1.Polls - m0.Polls;
        var cpu = (end.Cpu - start.Cpu).TotalSeconds;
        var samples = sampler.Samples.Where(s => s.At >= start.At).ToList();
        var seedSamples = sampler.Samples.Where(s => s.At < start.At).ToList();
        double peakCpu = 0, peakRate = 0;
        for (int i = 5; i < samples.Count; i++)
        {
            var span = (samples[i].At - samples[i - 5].At).TotalSeconds;
            peakCpu = Math.Max(peakCpu, 100 * (samples[i].Cpu - samples[i - 5].Cpu).TotalSeconds / span / cores);
            peakRate = Math.Max(peakRate, (samples[i].Polls - samples[i - 5].Polls) / span);
        }
        var backlogs = samples.Where(s => s.Backlog >= 0).ToList();
        var late = records.Where(r => r.LatenessMs is not null).Select(r => r.LatenessMs!.Value / 1000).ToList();
        var parse = records.Where(r => r.Status == PollStatus.Fetched && r.ParseMs is not null).Select(r => r.ParseMs!.Value).ToList();
        var c200 = records.Where(r => r.Status == PollStatus.Fetched).Select(r => r.CompleteMs).ToList();
        var c304 = records.Where(r => r.Status == PollStatus.NotModified).Select(r => r.CompleteMs).ToList();
        var db = new[] { "", "-wal", "-shm" }.Select(x => new FileInfo(dbPath + x)).Where(f => f.Exists).Sum(f => f.Length) / 1048576.0;
        var farmRequests = (end.Farm?.Requests ?? 0) - (start.Farm?.Requests ?? 0);
        return new Result
        {
            Command = "feedfarm " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).SkipWhile(a => a != "feedfarm").Skip(1)),
            Feeds = o.Feeds,
            Cores = cores,
            OfferedPollsPerSecond = o.OfferedPerSecond,
            SeedSeconds = seedWall,
            SeedPollsPerSecond = (seeded.Metrics.Polls - seed.Metrics.Polls) / seedWall,
            SeedCpuPercentOfMachine = 100 * (seeded.Cpu - seed.Cpu).TotalSeconds / seedWall / cores,
            SeedPeakResidentMb = seedPeakMb,
            WindowSeconds = wall,
            Polls = polls,
            PollsPerSecond = polls / wall,
            PeakPollsPerSecond5s = peakRate,
            Fetched = m1.Fetched - m0.Fetched,
            NotModified = m1.NotModified - m0.NotModified,
            NotModifiedShare = polls == 0 ? 0 : (double)(m1.NotModified - m0.NotModified) / polls,
            Failed = m1.Failed - m0.Failed,
            NewItems = m1.NewItems - m0.NewItems,
            Passes = passes,
            CpuPercentOfMachine = 100 * cpu / wall / cores,
            CpuPercentOfOneCore = 100 * cpu / wall,
            PeakCpuPercentOfMachine5s = peakCpu,
            CpuMsPerPoll = polls == 0 ? 0 : 1000 * cpu / polls,
            PeakResidentMb = peakMb,
            MaxSampledResidentMb = samples.Max(s => s.ResidentMb),
            MaxGcHeapMb = samples.Max(s => s.HeapMb),
            MaxGcCommittedMb = samples.Max(s => s.CommittedMb),
            AtPeakSample = samples.MaxBy(s => s.ResidentMb) is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"resident {p.ResidentMb:0} MB, of which anonymous {p.AnonMb:0} MB; GC heap {p.HeapMb:0} MB, GC committed at the last GC {p.CommittedMb:0} MB; {p.Threads} threads")
                : "",
            MaxThreads = samples.Max(s => s.Threads),
            SeedPeakSample = seedSamples.MaxBy(s => s.ResidentMb) is { } q
                ? string.Create(CultureInfo.InvariantCulture, $"resident {q.ResidentMb:0} MB, of which anonymous {q.AnonMb:0} MB; GC heap {q.HeapMb:0} MB, GC committed at the last GC {q.CommittedMb:0} MB; {q.Threads} threads")
                : "",
            Gen0 = end.Gen0 - start.Gen0,
            Gen1 = end.Gen1 - start.Gen1,
            Gen2 = end.Gen2 - start.Gen2,
            GcPausePercent = 100 * (end.GcPause - start.GcPause).TotalSeconds / wall,
            AllocatedMbPerSecond = (end.Allocated - start.Allocated) / 1048576.0 / wall,
            AllocatedKbPerPoll = polls == 0 ? 0 : (end.Allocated - start.Allocated) / 1024.0 / polls,
            LockContentions = end.LockContentions - start.LockContentions,
            StoreBusyPercent = 100 * (m1.StoreBusy - m0.StoreBusy).TotalSeconds / wall,
            ClaimMsMean = m1.Claims == m0.Claims ? 0 : (m1.ClaimTime - m0.ClaimTime).TotalMilliseconds / (m1.Claims - m0.Claims),
            Complete304MsMean = Mean(c304),
            Complete200MsMean = Mean(c200),
            Complete200MsP95 = Percentile(c200, 0.95),
            FetchMsMean = Mean(fetchMs),
            FetchMsP95 = Percentile(fetchMs, 0.95),
            HttpMsMean = m1.HttpCount == m0.HttpCount ? 0 : (m1.HttpTime - m0.HttpTime).TotalMilliseconds / (m1.HttpCount - m0.HttpCount),
            FetchesInFlightMean = (m1.FetchTime - m0.FetchTime).TotalSeconds / wall,
            ParseMsMean = Mean(parse),
            ParseMsP95 = Percentile(parse, 0.95),
            LatenessSecondsP50 = Percentile(late, 0.50),
            LatenessSecondsP95 = Percentile(late, 0.95),
            LatenessSecondsP99 = Percentile(late, 0.99),
            LatenessSecondsMax = late.Count == 0 ? 0 : late.Max(),
            MaxBacklog = backlogs.Count == 0 ? 0 : backlogs.Max(s => s.Backlog),
            EndBacklog = endBacklog.Backlog,
            MaxOldestDueSeconds = backlogs.Count == 0 ? 0 : backlogs.Max(s => s.OldestDueSeconds),
            FarmRequests = farmRequests,
            FarmNotModified = (end.Farm?.NotModified ?? 0) - (start.Farm?.NotModified ?? 0),
            FarmCpuPercentOfMachine = end.Farm is { } f1 && start.Farm is { } f0 ? (f1.CpuMs - f0.CpuMs) / 10 / wall / cores : double.NaN,
            DatabaseMb = db,
            CpuTargetPercent = o.CpuTargetPercent,
            MemoryTargetMb = o.MemoryTargetMb,
            SampleErrors = [.. metrics.Errors.Take(5)],
        };
    }

    static double Mean(List<double> values) => values.Count == 0 ? 0 : values.Average();

    static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public void Print()
    {
        var expected = OfferedPollsPerSecond * WindowSeconds;
        var keepsUp = Polls >= 0.98 * expected && EndBacklog <= Math.Max(50, OfferedPollsPerSecond * 15);
        string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine($"== result: {Command}");
        Console.WriteLine($"window            {F(WindowSeconds)} s of steady state after the seed pass ({Passes} passes)");
        Console.WriteLine($"polls             {Polls:N0} = {F(PollsPerSecond)} polls/s (offered by the schedule: {F(OfferedPollsPerSecond)}/s = {expected:N0} in the window); busiest 5 s: {F(PeakPollsPerSecond5s)}/s");
        Console.WriteLine($"answers           304: {NotModified:N0} ({F(100 * NotModifiedShare)} %), 200: {Fetched:N0}, failed: {Failed}; new items stored: {NewItems:N0}");
        Console.WriteLine($"CPU (poller)      {F(CpuPercentOfMachine)} % of the machine ({Cores} cores) = {F(CpuPercentOfOneCore)} % of one core; busiest 5 s: {F(PeakCpuPercentOfMachine5s)} % of the machine; {F(CpuMsPerPoll, "0.00")} ms CPU per poll");
        Console.WriteLine($"CPU (farm)        {F(FarmCpuPercentOfMachine)} % of the machine (separate process, not counted above); farm saw {FarmRequests:N0} requests, {FarmNotModified:N0} answered 304");
        Console.WriteLine($"memory            peak resident {F(PeakResidentMb, "0")} MB in the window (sampled max {F(MaxSampledResidentMb, "0")} MB), {F(SeedPeakResidentMb, "0")} MB over startup + seed; GC heap max {F(MaxGcHeapMb, "0")} MB, GC committed max {F(MaxGcCommittedMb, "0")} MB");
        Console.WriteLine($"at peak sample    {AtPeakSample}; most threads {MaxThreads}");
        Console.WriteLine($"GC                gen0/1/2 {Gen0}/{Gen1}/{Gen2}, pauses {F(GcPausePercent, "0.00")} % of wall, allocation {F(AllocatedMbPerSecond)} MB/s = {F(AllocatedKbPerPoll, "0")} KB per poll; monitor contentions {LockContentions:N0}");
        Console.WriteLine($"store             write lock busy {F(StoreBusyPercent)} % of wall; claim {F(ClaimMsMean, "0.00")} ms; complete 304 {F(Complete304MsMean, "0.00")} ms, 200 {F(Complete200MsMean, "0.00")} ms (p95 {F(Complete200MsP95, "0.00")}) incl. lock wait; DB {F(DatabaseMb, "0")} MB");
        Console.WriteLine($"fetch             {F(FetchMsMean, "0.00")} ms mean (p95 {F(FetchMsP95, "0.00")}) incl. host gate; HTTP alone {F(HttpMsMean, "0.00")} ms; {F(FetchesInFlightMean, "0.00")} fetches in flight on average");
        Console.WriteLine($"parse + identity  {F(ParseMsMean, "0.00")} ms mean (p95 {F(ParseMsP95, "0.00")}) wall per 200, from fetch end to store call");
        Console.WriteLine($"lateness          completed after due: p50 {F(LatenessSecondsP50, "0.0")} s, p95 {F(LatenessSecondsP95, "0.0")} s, p99 {F(LatenessSecondsP99, "0.0")} s, max {F(LatenessSecondsMax, "0.0")} s; due backlog max {MaxBacklog:N0} (oldest {F(MaxOldestDueSeconds, "0")} s), at the end {EndBacklog:N0}");
        Console.WriteLine($"seed pass         {F(SeedSeconds)} s = {F(SeedPollsPerSecond)} polls/s (all 200, {Feeds:N0} new feeds) at {F(SeedCpuPercentOfMachine)} % CPU of the machine");
        Console.WriteLine($"seed peak sample  {SeedPeakSample}");
        foreach (var e in SampleErrors) Console.WriteLine($"  failure sample: {e}");
        Console.WriteLine($"verdict           throughput: {(keepsUp ? "PASS" : "FAIL")} ({F(PollsPerSecond)} polls/s against {F(OfferedPollsPerSecond)} offered, backlog at the end {EndBacklog:N0})");
        Console.WriteLine($"                  CPU: {(CpuPercentOfMachine < CpuTargetPercent ? "PASS" : "FAIL")} ({F(CpuPercentOfMachine)} % < {F(CpuTargetPercent, "0")} %)");
        var memory = Math.Max(PeakResidentMb, SeedPeakResidentMb);
        Console.WriteLine($"                  memory: {(memory < MemoryTargetMb ? "PASS" : "FAIL")} (peak resident {F(memory, "0")} MB over the whole run < {F(MemoryTargetMb, "0")} MB)");
        Console.WriteLine($"                  failures: {(Failed == 0 ? "PASS" : "FAIL")} ({Failed})");
    }
}
