using BorderAlerts.Core.Admin;
using BorderAlerts.Core.Delivery;
using BorderAlerts.Core.Feeds;
using BorderAlerts.Core.Rules;

namespace BorderAlerts.Commands;

/// <summary>`/mute &lt;rule|destination&gt; &lt;duration&gt;`: alerts for it are not sent until then; `0` unmutes.</summary>
public sealed class MuteCommand(AdminWriter writer, IRuleSource rules, IDestinations destinations, TimeProvider clock)
{
    static readonly TimeSpan Longest = TimeSpan.FromDays(30);

    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var target = request.Required("target");
        var duration = request.Required("duration");
        if (rules.Current.Rules.All(r => r.Id != target) && destinations.Find(target) is null)
            throw new CommandInputException($"'{target}' is neither a rule id nor a destination name.");
        if (duration == "0")
        {
            await writer.WriteAsync(new AdminWrite(request.Caller.Actor, AdminKinds.Mute, target, "mute 0", null), cancellationToken);
            return new CommandReply($"{target} is no longer muted.");
        }
        if (!DurationParser.TryParse(duration, out var span) || span <= TimeSpan.Zero || span > Longest)
            throw new CommandInputException($"'{duration}' is not a duration between 1m and 30d (examples: 30m, 2h, 1d; 0 unmutes).");
        var until = clock.GetUtcNow() + span;
        await writer.WriteAsync(new AdminWrite(request.Caller.Actor, AdminKinds.Mute, target, $"mute {duration}", AdminJson.Mute(until)), cancellationToken);
        return new CommandReply($"{target} is muted until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Alerts for it until then are recorded, not sent.");
    }
}
