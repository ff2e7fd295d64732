using System.Text;
using BorderAlerts.Core.Feedback;
using BorderAlerts.Core.Rules;
using BorderAlerts.Core.Text;

namespace BorderAlerts.Commands;

/// <summary>
/// The buttons on cards and `/rules feedback`. "Not relevant" is open to everyone and answered privately with a way to
/// take it back; "Mute rule 2h" is `/mute RULE 2h`, with its permission check and its audit record.
/// </summary>
public sealed class FeedbackCommands(IFeedbackStore store, MuteCommand mute, IRuleSource rules, TimeProvider clock, ILogger<FeedbackCommands> log)
{
    public const string MuteFor = "2h";
    const int DefaultDays = 30, MaxDays = 365;

    public async Task<CommandReply> PressAsync(FeedbackButton button, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.UserId is "?" or "") return CommandReply.Error("The platform did not say who pressed the button; nothing was recorded.");
        if (await store.AlertAsync(button.AlertId, cancellationToken) is not { } alert)
        {
            log.LogWarning("Refused a card button from {Actor}: no alert {AlertId}", caller.Actor, button.AlertId);
            return CommandReply.Error("That card's alert is not in the store any more.");
        }
        if (button.Action == FeedbackAction.MuteRule) return await MuteAsync(alert, caller, cancellationToken);
        await store.RecordAsync(new FeedbackVote(alert.AlertId, caller.Platform, caller.UserId, button.Action == FeedbackAction.NotRelevant
            ? Verdict.NotRelevant : Verdict.Relevant, clock.GetUtcNow()), cancellationToken);
        var title = TextCut.OneLine(TextCut.Truncate(alert.Title, 120));
        return button.Action == FeedbackAction.NotRelevant
            ? new CommandReply($"Marked not relevant: \"{title}\" (rule {alert.RuleId}). Thank you: /rules feedback shows each rule's precision.")
                { Buttons = [new ReplyButton("Relevant after all", FeedbackButtons.Encode(FeedbackAction.Relevant, alert.AlertId))] }
            : new CommandReply($"Marked relevant: \"{title}\" (rule {alert.RuleId}).");
    }

    async Task<CommandReply> MuteAsync(VotedAlert alert, Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin)
        {
            log.LogWarning("Refused a mute button from {Actor}: not an admin", caller.Actor);
            return CommandReply.Error($"Only admins can mute a rule (as with /mute). Ask one, or mark the card not relevant.");
        }
        try
        {
            return await mute.HandleAsync(new CommandRequest("mute", null,
                new Dictionary<string, string> { ["target"] = alert.RuleId, ["duration"] = MuteFor }, caller), cancellationToken);
        }
        catch (CommandInputException e) { return CommandReply.Error(e.Message); } // the rule was removed since the card went out
    }

    /// <summary>`/rules feedback [days:N]`: each rule's alerts and precision over the window, worst first.</summary>
    public async Task<CommandReply> ReportAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var days = request.Option("days") is { } text
            ? int.TryParse(text, out var n) && n is >= 1 and <= MaxDays ? n : throw new CommandInputException($"days must be a whole number from 1 to {MaxDays}.")
            : DefaultDays;
        var rows = await TallyAsync(days, cancellationToken);
        var reply = new StringBuilder($"Feedback on the last {days} days' cards (an alert nobody marked not relevant within a day counts as relevant):\n");
        foreach (var row in rows)
            reply.Append($"• {row.Rule}: {Precision(row)} — {row.Alerts} alerts, {row.Relevant} relevant, {row.NotRelevant} not relevant" +
                (row.Pending > 0 ? $", {row.Pending} under a day old" : "") + "\n");
        return new CommandReply(reply.ToString().TrimEnd());
    }

    public async Task<IReadOnlyList<RuleFeedbackRow>> TallyAsync(int days, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var alerts = await store.SentSinceAsync(now.AddDays(-days), cancellationToken);
        return RuleFeedback.Tally(alerts, rules.Current.Rules.Select(r => r.Id), now);
    }

    static string Precision(RuleFeedbackRow row) => row.Precision is { } p ? $"precision {p * 100:0}%" : "not judged yet";
}
