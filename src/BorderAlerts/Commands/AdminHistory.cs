using BorderAlerts.Core.Text;
using System.Text;
using BorderAlerts.Core.Admin;

namespace BorderAlerts.Commands;

/// <summary>`/rules history` and `/rules undo`: the audit record of chat writes (each with its state before and after), and putting a target back as it was.</summary>
public sealed class AdminHistory(AdminWriter writer)
{
    const int Shown = 10;

    public async Task<CommandReply> HistoryAsync(string? target, CancellationToken cancellationToken)
    {
        var changes = await writer.HistoryAsync(target, Shown, cancellationToken);
        if (changes.Count == 0) return new CommandReply(target is null ? "No changes from chat yet." : $"No changes to {target} from chat.");
        var text = new StringBuilder("Latest changes from chat:");
        foreach (var c in changes)
        {
            text.Append($"\n#{c.Id} {c.At.UtcDateTime:yyyy-MM-dd HH:mm} UTC {TextCut.OneLine(c.Actor)}: {c.Action} {c.Target}");
            if (c.Undoes is { } undid) text.Append($" (undid #{undid})");
            if (c.UndoneBy is { } by) text.Append($" (undone by #{by})");
            text.Append($"\n    before: {AdminChangeText.Describe(c.Kind, c.Before)}\n    after: {AdminChangeText.Describe(c.Kind, c.After)}");
        }
        return new CommandReply(text.ToString());
    }

    /// <summary>Undoes the latest change (to one target if an id is given) that was not itself an undo or undone.</summary>
    public async Task<CommandReply> UndoAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var target = request.Option("id");
        var changes = await writer.HistoryAsync(target, 200, cancellationToken);
        var change = changes.FirstOrDefault(c => c.Undoes is null && c.UndoneBy is null)
            ?? throw new CommandInputException(target is null ? "There is nothing to undo." : $"There is nothing to undo for {target}.");
        if (writer.Current.Get(change.Kind, change.Target) != change.After)
            throw new CommandInputException($"{change.Target} changed again after #{change.Id}; undo the later change first (see /rules history {change.Target}).");
        var undo = await writer.WriteAsync(new AdminWrite(request.Caller.Actor, change.Kind, change.Target, $"undo #{change.Id}", change.Before, change.Id,
            new AdminExpectation(change.After)), cancellationToken);
        return new CommandReply($"Undid #{change.Id} ({change.Action} {change.Target}) as change #{undo.Id}.");
    }
}
