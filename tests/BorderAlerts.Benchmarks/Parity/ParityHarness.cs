using System.Security.Cryptography;
using System.Text;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Parsing;

namespace BorderAlerts.Benchmarks.Parity;

/// <summary>
/// `parity`: every corpus file through our parser as the poller calls it, compared field by field with what
/// feedparser read (reference.jsonl). Prints agreement per folder, for the tuning and held-out parts, and every
/// disagreement with both values. docs/benchmarks.md "Feed parser parity (issue 20)".
/// </summary>
public static class ParityHarness
{
    const string CorpusRoot = "tests/BorderAlerts.Benchmarks/Parity/corpus/";
    static readonly Uri FetchedFrom = new("http://example.org/feed.xml");
    static readonly DateTimeOffset FetchedAt = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static int Run(TextWriter output, string referencePath, int maxDifferences)
    {
        var reference = ReferenceFile.Read(referencePath);
        var folders = new SortedDictionary<string, ParityTally>(StringComparer.Ordinal);
        var parts = new Dictionary<string, ParityTally> { ["tuning"] = new(), ["held out"] = new() };
        var differences = new List<string>();
        var referenceFailed = new List<string>();
        foreach (var theirs in reference)
        {
            if (!File.Exists(theirs.Path)) throw new ParityException($"{referencePath}: corpus file '{theirs.Path}' is gone; rerun tools/parity/reference.py");
            if (theirs.Error is not null)
            {
                var ours = Ours(theirs);
                referenceFailed.Add($"{theirs.Path}: feedparser raised {theirs.Error}; ours: {(ours.Ok ? $"{ours.Items.Count} items" : ours.Error)}");
                continue;
            }
            var tally = new ParityTally();
            Compare(theirs, Ours(theirs), tally, differences);
            Group(folders, Folder(theirs.Path)).Add(tally);
            parts[IsHeldOut(theirs.Path) ? "held out" : "tuning"].Add(tally);
        }
        output.WriteLine($"Feed parser parity: {reference.Count} files, BorderAlerts vs feedparser ({referencePath})");
        output.WriteLine("Each field: files whose every paired item agrees / files with paired items; items agreeing / items paired.");
        output.WriteLine();
        output.WriteLine(ParityTally.Header);
        foreach (var (name, tally) in folders) output.WriteLine(tally.Row(name));
        foreach (var (name, tally) in parts) output.WriteLine(tally.Row($"**{name}**"));
        var all = new ParityTally();
        foreach (var tally in parts.Values) all.Add(tally);
        output.WriteLine(all.Row("**all**"));
        output.WriteLine();
        output.WriteLine($"Not compared, feedparser raised ({referenceFailed.Count}):");
        foreach (var line in referenceFailed) output.WriteLine(line);
        output.WriteLine();
        output.WriteLine($"Disagreements ({differences.Count}{(differences.Count > maxDifferences ? $", first {maxDifferences}; --max-diffs N for more" : "")}):");
        foreach (var line in differences.Take(maxDifferences)) output.WriteLine(line);
        return 0;
    }

    static ParseResult Ours(ReferenceFeed theirs)
    {
        var feed = new FeedDefinition { Id = "parity", Name = "parity", Url = FetchedFrom, TimeZone = TimeZoneInfo.Utc };
        try { return FeedParser.Parse(File.ReadAllBytes(theirs.Path), theirs.ContentType, new ParseContext(feed, FetchedFrom, FetchedAt)); }
        catch (Exception e) { return ParseResult.Fail($"threw {e.GetType().Name}: {e.Message}", "?"); }
    }

    static void Compare(ReferenceFeed theirs, ParseResult ours, ParityTally tally, List<string> differences)
    {
        int readable = theirs.Items.Count(i => i.Readable);
        tally.AddFile(ours.Items.Count, theirs.Items.Count, readable, !ours.Ok, theirs.Version is not null);
        if (ours.Items.Count != theirs.Items.Count || !ours.Ok && theirs.Version is not null)
            differences.Add($"{theirs.Path}: items: ours {ours.Items.Count}{(ours.Ok ? "" : $" ({ours.Error})")}, "
                + $"feedparser {theirs.Items.Count} ({readable} readable{(theirs.Bozo ? ", bozo" : "")})");
        var pairs = ItemAlignment.Pair(ours.Items, theirs.Items);
        foreach (var field in FieldComparison.All)
        {
            int agreeing = 0, compared = 0;
            for (int i = 0; i < pairs.Count; i++)
            {
                if (FieldComparison.Values(field, pairs[i].Ours, pairs[i].Theirs) is not var (o, t)) continue;
                compared++;
                if (o == t) agreeing++;
                else differences.Add($"{theirs.Path}: item {i + 1} {field.ToString().ToLowerInvariant()}: ours '{Short(o)}', feedparser '{Short(t)}'");
            }
            tally.AddField(field, agreeing, compared);
        }
    }

    static string Short(string value) => value.Length > 100 ? value[..100] + "…" : value;

    static ParityTally Group(SortedDictionary<string, ParityTally> groups, string name) =>
        groups.TryGetValue(name, out var tally) ? tally : groups[name] = new ParityTally();

    /// <summary>corpus/feedparser/wellformed/rss/x.xml → feedparser/wellformed/rss; a repository fixture → its folder.</summary>
    static string Folder(string path)
    {
        var folder = Path.GetDirectoryName(path)!.Replace('\\', '/');
        return path.StartsWith(CorpusRoot, StringComparison.Ordinal) ? folder[CorpusRoot.Length..] : folder.Replace("tests/", "");
    }

    /// <summary>
    /// Held out from tuning: all of the W3C validator's cases and the feedparser files whose path hashes to 0 mod 3.
    /// Fixes are made looking at the rest; the held-out figures show whether they generalise.
    /// </summary>
    public static bool IsHeldOut(string path) =>
        path.StartsWith(CorpusRoot + "w3c/", StringComparison.Ordinal)
        || path.StartsWith(CorpusRoot + "feedparser/", StringComparison.Ordinal) && SHA256.HashData(Encoding.UTF8.GetBytes(path))[0] % 3 == 0;
}
