using System.IO.Compression;
using System.Text;
using BorderAlerts.Tests.Infrastructure;

namespace BorderAlerts.Tests.Cli;

/// <summary>
/// `import` refuses, with exit code 2 and a message naming the problem, a store that already holds data and a file
/// that is not a whole export of this format; a refused import leaves the store as empty as it was.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class StoreImportRefusalTests(FeedServer server) : IClassFixture<FeedServer>
{
    public static TheoryData<string, string> Damage => new()
    {
        { "not gzip", "not a gzip'd BorderAlerts export" },
        { "gzip cut in half", "store.jsonl.gz:" },
        { "last lines cut off", "cut off" },
        { "a row removed", "has 11 rows; the header says 12" },
        { "format version 99", "export format version 99 is not supported (this version reads format 1)" },
        { "not an export", "not a BorderAlerts export" },
        { "a value of the wrong kind", "items.id: String is not a Long value" },
    };

    static async Task<(CliSession Session, string File)> ExportAsync(FeedServer server)
    {
        var session = new CliSession();
        var stories = Enumerable.Range(0, 12).Select(FeedXml.Story(DateTimeOffset.UtcNow)).ToList();
        session.WriteFeeds($"feeds:\n  - id: kyodo-zh\n    url: {server.Serve(Responses.Bytes(FeedXml.Rss("kyodo", stories), Responses.Rss))}\n    language: zh-Hans\n");
        Assert.Equal(0, (await session.RunAsync("poll", "--all")).ExitCode);
        var file = Path.Combine(session.Folder.Root, "store.jsonl.gz");
        Assert.Equal(0, (await session.RunAsync("export", file)).ExitCode);
        return (session, file);
    }

    static List<string> Lines(string file)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    static void Rewrite(string file, IEnumerable<string> lines)
    {
        using var gzip = new GZipStream(File.Create(file), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
    }

    static void Spoil(string file, string damage)
    {
        var lines = Lines(file);
        var firstItem = lines.FindIndex(l => l.StartsWith("{\"table\":\"items\"", StringComparison.Ordinal)) + 1;
        switch (damage)
        {
            case "not gzip": File.WriteAllText(file, "id,title\n1,丹东\n"); break;
            case "gzip cut in half": var bytes = File.ReadAllBytes(file); File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]); break;
            case "last lines cut off": Rewrite(file, lines.Take(lines.Count - 5)); break;
            case "a row removed": lines.RemoveAt(firstItem); Rewrite(file, lines); break;
            case "format version 99": lines[0] = lines[0].Replace("\"formatVersion\":1", "\"formatVersion\":99"); Rewrite(file, lines); break;
            case "not an export": Rewrite(file, ["{\"hello\":\"world\"}"]); break;
            default: lines[firstItem] = "[\"one\"" + lines[firstItem][(lines[firstItem].IndexOf(',')..)]; Rewrite(file, lines); break;
        }
    }

    [Theory, MemberData(nameof(Damage))]
    public async Task A_damaged_cut_off_or_foreign_file_is_refused_and_the_store_stays_empty(string damage, string message)
    {
        var (session, file) = await ExportAsync(server);
        using var _ = session;
        Spoil(file, damage);
        using var target = new TempFolder();
        session.Environment.Set("BorderAlerts__DataDir", target.Data);

        var import = await session.RunAsync("import", file);

        Assert.Equal(2, import.ExitCode);
        Assert.Contains(message, import.Stderr);
        Assert.All(await StoreDump.SqliteAsync(target.DatabaseFile), table => Assert.Empty(table.Value));
    }

    [Fact]
    public async Task An_import_into_a_store_that_holds_data_is_refused()
    {
        var (session, file) = await ExportAsync(server);
        using var _ = session;
        var before = await StoreDump.SqliteAsync(session.Folder.DatabaseFile);

        var import = await session.RunAsync("import", file);

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("the sqlite store is not empty (feeds 1, evidence 1, items 12, item_keys 12, sightings 12 rows)", import.Stderr);
        Assert.Equal(before, await StoreDump.SqliteAsync(session.Folder.DatabaseFile));
    }

    [Fact]
    public async Task An_import_of_a_missing_file_names_it()
    {
        using var session = new CliSession();
        var import = await session.RunAsync("import", "no-such-export.jsonl.gz");
        Assert.Equal((2, "error: no-such-export.jsonl.gz: no such file\n"), (import.ExitCode, import.Stderr));
    }
}
