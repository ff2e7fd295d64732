using BorderAlerts.Hosting;
using System.CommandLine;
using BorderAlerts.Storage;
using BorderAlerts.Storage.Transfer;

namespace BorderAlerts.Cli;

/// <summary>
/// `export FILE` and `import FILE`: the whole store to one file and back, e.g. from SQLite to PostgreSQL (README,
/// "Moving to PostgreSQL"). Import loads into an empty store only, then rebuilds the search index.
/// </summary>
public static class TransferCommands
{
    public static Command Export(TextWriter output)
    {
        var file = new Argument<string>("file") { Description = "Where to write the export (gzip'd JSON lines)" };
        var command = new Command("export", "Write the whole store (feeds, items, alerts, deliveries, chat changes…) to one file") { file };
        command.SetAction((parse, ct) => ExportAsync(output, parse.GetValue(file)!, ct));
        return command;
    }

    public static Command Import(TextWriter output)
    {
        var file = new Argument<string>("file") { Description = "A file written by `export`" };
        var command = new Command("import", "Load an export into the configured store, which must be empty; rebuild the search index") { file };
        command.SetAction((parse, ct) => ImportAsync(output, parse.GetValue(file)!, ct));
        return command;
    }

    static async Task<int> ExportAsync(TextWriter output, string file, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
            throw new CliInputException($"{file}: folder {folder} does not exist");
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        var header = await new StoreExporter(app.Services.GetRequiredService<StoreTables>(), TimeProvider.System).ExportAsync(file, cancellationToken);
        output.WriteLine($"exported {header.Total} rows from the {Describe(app)} (schema version {header.SchemaVersion}) to {file}: {header.Describe()}");
        return CliApp.Ok;
    }

    static async Task<int> ImportAsync(TextWriter output, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file)) throw new CliInputException($"{file}: no such file");
        await using var app = AppHost.Build(service: false);
        await AppHost.PrepareAsync(app.Services, cancellationToken);
        ExportHeader header;
        try { header = await new StoreImporter(app.Services.GetRequiredService<StoreTables>()).ImportAsync(file, cancellationToken); }
        catch (TransferException e) { throw new CliInputException(e.Message); }
        // The search index is not in the file: the migrator indexes every item that has no entry yet.
        await app.Services.GetRequiredService<IStoreMigrator>().MigrateAsync(cancellationToken);
        output.WriteLine($"imported {header.Total} rows into the {Describe(app)} from a {header.Provider} export of {header.ExportedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z: {header.Describe()}; search index rebuilt");
        return CliApp.Ok;
    }

    static string Describe(WebApplication app) => app.Services.DescribeStore();
}
