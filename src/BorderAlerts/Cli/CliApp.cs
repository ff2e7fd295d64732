using System.CommandLine;
using BorderAlerts.Core.Config;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Cli;

/// <summary>
/// The command line (design section 8). Exit codes: 0 success, 1 runtime failure, 2 bad input or configuration,
/// with a message that names the file, line and field or the settings key.
/// </summary>
public static class CliApp
{
    public const int Ok = 0, Failure = 1, BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        var root = new RootCommand("BorderAlerts: polls China–DPRK border and sanctions sources and alerts on keyword rules.");
        var run = RunCommand.Create(errors);
        root.Subcommands.Add(run);
        root.Subcommands.Add(PollCommand.Create(output, errors));
        root.Subcommands.Add(FeedsCommand.Create(output));
        root.Subcommands.Add(RulesCommand.Create(output, errors));
        root.Subcommands.Add(SearchCommand.Create(output));
        root.Subcommands.Add(DiscordCommand.Create(output, errors));
        root.Subcommands.Add(MigrateCommand.Create(output));
        root.Subcommands.Add(TransferCommands.Export(output));
        root.Subcommands.Add(TransferCommands.Import(output));
        root.SetAction((parse, ct) => RunCommand.RunAsync([], ct));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) errors.WriteLine($"error: {error.Message}");
            errors.WriteLine("Try 'borderalerts --help'.");
            return BadInput;
        }
        try { return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false }); }
        catch (ConfigException e) { errors.WriteLine($"error: {e.Message}"); return BadInput; }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures) errors.WriteLine($"error: settings: {failure}");
            return BadInput;
        }
        catch (CliInputException e) { errors.WriteLine($"error: {e.Message}"); return BadInput; }
        catch (OperationCanceledException) { return Failure; }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException
            or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: {e.Message}");
            return Failure;
        }
    }
}

/// <summary>Bad input on the command line that the parser cannot see (an unknown feed id, say).</summary>
public sealed class CliInputException(string message) : Exception(message);
