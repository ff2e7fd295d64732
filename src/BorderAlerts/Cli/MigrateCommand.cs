using BorderAlerts.Hosting;
using System.CommandLine;
using BorderAlerts.Storage;

namespace BorderAlerts.Cli;

/// <summary>`migrate`: brings the configured store's schema up to date, says from which version to which, and exits.</summary>
public static class MigrateCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("migrate", "Apply the store's schema migrations (and index unindexed items), then exit");
        command.SetAction((parse, ct) => RunAsync(output, ct));
        return command;
    }

    static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var app = AppHost.Build(service: false);
        var tables = app.Services.GetRequiredService<StoreTables>();
        var before = await tables.SchemaVersionAsync(cancellationToken);
        await AppHost.MigrateAsync(app.Services, cancellationToken);
        var after = await tables.SchemaVersionAsync(cancellationToken);
        var store = app.Services.DescribeStore();
        output.WriteLine(before == after
            ? $"{store}: schema version {after}, up to date"
            : $"{store}: schema version {before} -> {after}");
        return CliApp.Ok;
    }
}
