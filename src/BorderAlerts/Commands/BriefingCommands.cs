using BorderAlerts.Core.Briefings;
using BorderAlerts.Core.Storage;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Commands;

/// <summary>
/// `/briefings list` for everyone (each briefing's schedule and last outcome) and `/briefings run id:&lt;id&gt;` for admins:
/// the briefing of the window ending now, posted to its destinations as its schedule would (recorded as a run, retried
/// and dead-lettered like a card). The answer says where it went.
/// </summary>
public sealed class BriefingCommands(FileBriefings briefings, BriefingRunner runner, IBriefingRuns runs, TimeProvider clock)
{
    public Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => request.Subcommand switch
    {
        "run" => RunAsync(request.Required("id"), cancellationToken),
        _ => ListAsync(cancellationToken),
    };

    async Task<CommandReply> ListAsync(CancellationToken cancellationToken)
    {
        var all = briefings.Current;
        if (all.Count == 0) return new CommandReply("No briefings are configured (an operator adds them to config/briefings.yaml).");
        var last = await runs.LastRunsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new CommandReply("Briefings:\n" + string.Join("\n", all.Select(b => TextCut.OneLine(
            $"• {b.Id} ({b.Name}): {b.Cron} {b.TimeZone.Id}, to {string.Join(", ", b.To)}" +
            (b.Enabled && b.Schedule.NextAfter(now) is { } next ? $"; next {next.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "; disabled") +
            (last.GetValueOrDefault(b.Id) is { } run ? $"; last {run.FireTime.UtcDateTime:yyyy-MM-dd HH:mm} UTC {run.Outcome.ToString().ToLowerInvariant()}" : "")))));
    }

    async Task<CommandReply> RunAsync(string id, CancellationToken cancellationToken)
    {
        if (briefings.Find(id) is not { } briefing)
            throw new CommandInputException($"No briefing '{id}' (known: {string.Join(", ", briefings.Current.Select(b => b.Id).DefaultIfEmpty("none"))}).");
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        var result = await runner.RunAsync(briefing, now, cancellationToken);
        return result.Error is { } error
            ? CommandReply.Error(TextCut.OneLine($"Briefing '{id}' was not posted everywhere: {error}. The admin destination was told."))
            : new CommandReply($"Briefing '{id}' posted to {string.Join(", ", result.Destinations.Keys)}.");
    }
}
