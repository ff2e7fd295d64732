using System.CommandLine;
using BorderAlerts.Core.Config;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Cli;

/// <summary>
/// The command line (docs/architecture.md §8). Exit codes: 0 success, 1 runtime failure, 2 bad input or configuration,
/// with a message that names the file, line and field or the settings key.
/// </summary>
public static class CliApp
{
    public const int Ok = 0, Failure = 1, BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        try { return await ParseAndInvokeAsync(args, output, errors); }
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
            errors.WriteLine($"error: {FirstLine(e.Message)}");
            return Failure;
        }
        catch (Exception e)
        {
            // The edge: whatever else escapes is a bug, reported in one line rather than a stack trace and exit 134.
            errors.WriteLine($"error: unexpected {e.GetType().Name}: {FirstLine(e.Message)}");
            return Failure;
        }
    }

    static async Task<int> ParseAndInvokeAsync(string[] args, TextWriter output, TextWriter errors)
    {
        // No response files: an argument starting with '@' is a query's @concept or a mention, never a file to read.
        var parsed = Commands(output, errors).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) errors.WriteLine($"error: {error.Message}");
            errors.WriteLine("Try 'borderalerts --help'.");
            return BadInput;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
    }

    static RootCommand Commands(TextWriter output, TextWriter errors)
    {
        var root = new RootCommand("BorderAlerts: polls China–DPRK border and sanctions sources and alerts on keyword rules.");
        root.Subcommands.Add(RunCommand.Create(errors));
        root.Subcommands.Add(PollCommand.Create(output, errors));
        root.Subcommands.Add(FeedsCommand.Create(output));
        root.Subcommands.Add(RulesCommand.Create(output, errors));
        root.Subcommands.Add(SearchCommand.Create(output));
        root.Subcommands.Add(WatchlistsCommand.Create(output));
        root.Subcommands.Add(BriefingsCommand.Create(output));
        root.Subcommands.Add(DiscordCommand.Create(output, errors));
        root.Subcommands.Add(JobsCommand.Create(output));
        root.Subcommands.Add(MigrateCommand.Create(output));
        root.Subcommands.Add(TransferCommands.Export(output));
        root.Subcommands.Add(TransferCommands.Import(output));
        root.SetAction((parse, ct) => RunCommand.RunAsync([], ct));
        return root;
    }

    static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd();
}

/// <summary>Bad input on the command line that the parser cannot see (an unknown feed id, say).</summary>
public sealed class CliInputException(string message) : Exception(message);
