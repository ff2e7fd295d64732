namespace BorderAlerts.Benchmarks.Parity;

/// <summary>Agreement counts for one group of files (a corpus folder, or a total).</summary>
public sealed class ParityTally
{
    public int Files { get; private set; }
    public int FilesWithItems { get; private set; }
    public int CountAgrees { get; private set; }
    public int CountAgreesWithItems { get; private set; }
    public int CountAgreesReadable { get; private set; }
    /// <summary>feedparser found items, we reported an error: news lost.</summary>
    public int OursFailed { get; private set; }
    /// <summary>feedparser recognised a feed (RSS, Atom, RDF), with or without items; we reported an error.</summary>
    public int OursFailedOnFeed { get; private set; }
    readonly Dictionary<Field, int[]> _fields = FieldComparison.All.ToDictionary(f => f, _ => new int[4]);

    public void AddFile(int ours, int theirs, int theirsReadable, bool oursFailed, bool theirsFoundFeed)
    {
        if (oursFailed && theirsFoundFeed) OursFailedOnFeed++;
        Files++;
        if (ours == theirs) CountAgrees++;
        if (ours == theirsReadable) CountAgreesReadable++;
        if (theirs > 0) FilesWithItems++;
        if (theirs > 0 && ours == theirs) CountAgreesWithItems++;
        if (oursFailed && theirs > 0) OursFailed++;
    }

    /// <summary>One file's pairs for one field: items agreeing / compared, and whether every pair agreed.</summary>
    public void AddField(Field field, int agreeing, int compared)
    {
        if (compared == 0) return;
        var f = _fields[field];
        f[0] += agreeing == compared ? 1 : 0;
        f[1]++;
        f[2] += agreeing;
        f[3] += compared;
    }

    public void Add(ParityTally other)
    {
        Files += other.Files; FilesWithItems += other.FilesWithItems; CountAgrees += other.CountAgrees;
        CountAgreesWithItems += other.CountAgreesWithItems; CountAgreesReadable += other.CountAgreesReadable; OursFailed += other.OursFailed;
        OursFailedOnFeed += other.OursFailedOnFeed;
        foreach (var (field, counts) in other._fields)
            for (int i = 0; i < counts.Length; i++) _fields[field][i] += counts[i];
    }

    public string Row(string name) =>
        $"| {name} | {Files} | {Ratio(CountAgrees, Files)} | {Ratio(CountAgreesWithItems, FilesWithItems)} | {Ratio(CountAgreesReadable, Files)} | {OursFailed} | {OursFailedOnFeed} | "
        + string.Join(" | ", FieldComparison.All.Select(f => $"{Ratio(_fields[f][0], _fields[f][1])}; {Ratio(_fields[f][2], _fields[f][3])}")) + " |";

    public const string Header =
        "| folder | files | item count = feedparser's | … of files with items | item count = its readable items | we failed, it had items | we failed, it read a feed | links (files; items) | titles (files; items) | ids (files; items) | dates (files; items) |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    static string Ratio(int agreeing, int compared) =>
        compared == 0 ? "–" : $"{agreeing}/{compared} ({100.0 * agreeing / compared:0}%)";
}
