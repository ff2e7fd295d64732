using BorderAlerts.Core.Text;
using System.Text;
using BorderAlerts.Core.Admin;

namespace BorderAlerts.Commands;

/// <summary>
/// `/rules history` and `/rules undo`, and the panel's history page: the audit record of chat and panel writes (each with its
/// state before and after), and putting a target back as it was. Chat undoes the latest change (to one target), the panel a
/// change by its id; both go through <see cref="UndoBlocker"/> and <see cref="UndoChangeAsync"/>, so the same checks apply.
/// </summary>
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
        var undo = await UndoChangeAsync(change, request.Caller, cancellationToken);
        return new CommandReply($"Undid #{change.Id} ({change.Action} {change.Target}) as change #{undo.Id}.");
    }

    /// <summary>Undoes change <paramref name="id"/> (the panel's Undo button); a change that cannot be undone is refused with the reason.</summary>
    public async Task<AdminChange> UndoAsync(long id, Caller caller, CancellationToken cancellationToken)
    {
        var change = (await writer.HistoryAsync(null, id + 1, 1, cancellationToken)).FirstOrDefault(c => c.Id == id)
            ?? throw new CommandInputException($"There is no change #{id}.");
        return await UndoChangeAsync(change, caller, cancellationToken);
    }

    /// <summary>Why <paramref name="change"/> cannot be undone now, or null when it can: an undo, undone already, or its target changed again since.</summary>
    public string? UndoBlocker(AdminChange change) => change switch
    {
        { Undoes: { } undid } => $"#{change.Id} is itself an undo (of #{undid}); change {change.Target} again instead.",
        { UndoneBy: { } by } => $"#{change.Id} was undone already, by #{by}.",
        _ when writer.Current.Get(change.Kind, change.Target) != change.After =>
            $"{change.Target} changed again after #{change.Id}; undo the later change first (see /rules history {change.Target}).",
        _ => null,
    };

    /// <summary>Puts the target back as it was before <paramref name="change"/>, audited, only if it is still as that change left it.</summary>
    async Task<AdminChange> UndoChangeAsync(AdminChange change, Caller caller, CancellationToken cancellationToken)
    {
        if (UndoBlocker(change) is { } problem) throw new CommandInputException(problem);
        return await writer.WriteAsync(new AdminWrite(caller.Actor, change.Kind, change.Target, $"undo #{change.Id}", change.Before, change.Id,
            new AdminExpectation(change.After)), cancellationToken);
    }
}
