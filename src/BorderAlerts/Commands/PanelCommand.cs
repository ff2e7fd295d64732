using BorderAlerts.Core.Panel;
using BorderAlerts.Settings;
using Microsoft.Extensions.Options;

namespace BorderAlerts.Commands;

/// <summary>
/// `/panel`: a one-time sign-in link to the web panel for the caller, with the role the chat rules give them. The answer
/// is private (every command answer is); the link works once, for <see cref="PanelSignIn.LinkLife"/>, on any instance.
/// </summary>
public sealed class PanelCommand(PanelSignIn signIn, IOptions<PanelSettings> settings)
{
    public async Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (settings.Value.BaseUrl() is not { } baseUrl)
            return CommandReply.Error("The web panel has no public address yet: an operator sets BorderAlerts:PublicUrl " +
                "(environment BorderAlerts__PublicUrl, e.g. https://alerts.example.org) and restarts the service.");
        var caller = request.Caller;
        var secret = await signIn.NewLinkAsync(new PanelUser(caller.Platform, caller.UserId, caller.Name, caller.IsAdmin), cancellationToken);
        var role = caller.IsAdmin ? "an admin" : "a reader";
        return new CommandReply($"Your web panel link: it works once, for {PanelSignIn.LinkLife.TotalMinutes:0} minutes, and signs you in as {role}. Do not share it.")
        {
            Link = new ReplyLink("Open the web panel", new Uri($"{baseUrl}/panel/login?token={secret}")),
        };
    }
}
