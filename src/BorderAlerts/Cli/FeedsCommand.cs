using System.CommandLine;

namespace BorderAlerts.Cli;

/// <summary>`feeds list` and `feeds check`.</summary>
public static class FeedsCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("feeds", "List sources with their health, or check one without changing anything");
        command.Subcommands.Add(FeedsListCommand.Create(output));
        command.Subcommands.Add(FeedsCheckCommand.Create(output));
        return command;
    }
}
