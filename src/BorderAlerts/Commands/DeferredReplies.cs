namespace BorderAlerts.Commands;

/// <summary>
/// The 3-second rule of both platforms: a command gets <see cref="Budget"/> to answer inline; past that the endpoint
/// acknowledges at once and the answer follows through the platform's follow-up URL when the work is done. The work
/// runs on the application's lifetime, not the request's, so acknowledging does not cancel it.
/// </summary>
public sealed class DeferredReplies(ILogger<DeferredReplies> log, IHostApplicationLifetime? lifetime = null)
{
    CancellationToken Stopping => lifetime?.ApplicationStopping ?? CancellationToken.None;

    /// <summary>How long a command may take to answer inline (Discord and Slack allow 3 s end to end).</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The reply if it came within the budget; otherwise null, and <paramref name="followUp"/> gets it later.</summary>
    public async Task<CommandReply?> RunAsync(Func<CancellationToken, Task<CommandReply>> work, Func<CommandReply, CancellationToken, Task> followUp)
    {
        var task = Task.Run(() => work(Stopping), Stopping);
        if (await Task.WhenAny(task, Task.Delay(Budget, Stopping)) == task) return await ReplyOf(task);
        _ = FinishAsync(task, followUp);
        return null;
    }

    /// <summary>For answers that can only go through the follow-up URL (Slack buttons): acknowledge now, answer later.</summary>
    public void RunInBackground(Func<CancellationToken, Task<CommandReply>> work, Func<CommandReply, CancellationToken, Task> followUp) =>
        _ = FinishAsync(Task.Run(() => work(Stopping), Stopping), followUp);

    /// <summary>A command that fails on our side still answers: with an apology, the details in the log.</summary>
    async Task<CommandReply> ReplyOf(Task<CommandReply> task)
    {
        try { return await task; }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "A chat command failed");
            return CommandReply.Error("Sorry, that command failed on our side; the error is in the BorderAlerts log.");
        }
    }

    async Task FinishAsync(Task<CommandReply> task, Func<CommandReply, CancellationToken, Task> followUp)
    {
        CommandReply reply;
        try { reply = await ReplyOf(task); }
        catch (OperationCanceledException) { return; }
        try { await followUp(reply, Stopping); }
        catch (Exception e) when (e is not OperationCanceledException) { log.LogError("Could not send a deferred answer: {Error}", e.Message); }
    }
}
