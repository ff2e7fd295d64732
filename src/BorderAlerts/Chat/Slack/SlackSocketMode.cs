namespace BorderAlerts.Chat.Slack;

/// <summary>Why Socket Mode stopped for good (a refused token, Socket Mode switched off, or the service stopping).</summary>
public sealed record SlackSocketModeStop(string Reason);

/// <summary>
/// Slack Socket Mode (docs/platform-contracts.md §S6), for workspaces where Slack cannot reach us over HTTP: open a connection
/// URL with the app-level token, hold one WebSocket, answer its envelopes, and keep it up. refresh_requested and warning
/// reconnect at once with a fresh URL; a dropped socket or a failed open reconnects after a delay that doubles up to
/// a cap and starts over after a healthy connection; a refused token or socket_mode_disabled / link_disabled stops,
/// logged once. Neither the token nor the connection URL (it carries a ticket) is ever logged.
/// </summary>
public sealed class SlackSocketMode(SlackSocketOpen opener, SlackSocketHandlers handlers, SlackResponseUrl responseUrl, SlackRedeliveries redeliveries,
    ILogger<SlackSocketMode> logger)
{
    public async Task<SlackSocketModeStop> RunAsync(SlackSocketModeOptions options, CancellationToken cancellationToken)
    {
        var delay = options.ReconnectDelay;
        try
        {
            while (true)
            {
                var wait = delay;
                switch (await opener.OpenAsync(options, cancellationToken))
                {
                    case SlackSocketOpenResult.Fatal fatal:
                        logger.LogError("Slack Socket Mode stopped: {Reason}", fatal.Reason);
                        return new SlackSocketModeStop(fatal.Reason);
                    case SlackSocketOpenResult.Retry retry:
                        logger.LogWarning("Slack Socket Mode could not open a connection: {Reason}", retry.Reason);
                        wait = retry.After ?? delay;
                        break;
                    case SlackSocketOpenResult.Opened opened:
                        var end = await new SlackSocketConnection(opened.Url, options, handlers, responseUrl, redeliveries, logger).RunAsync(cancellationToken);
                        if (end.Kind == SlackSocketEnd.Final)
                        {
                            logger.LogError("Slack Socket Mode stopped: Slack sent disconnect {Reason}", end.Reason);
                            return new SlackSocketModeStop(end.Reason);
                        }
                        if (end.Kind == SlackSocketEnd.Refresh) { delay = options.ReconnectDelay; continue; }
                        logger.LogWarning("Slack Socket Mode connection lost: {Reason}", end.Reason);
                        if (end.Healthy) delay = wait = options.ReconnectDelay;
                        break;
                }
                await Task.Delay(wait, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxReconnectDelay.Ticks));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new SlackSocketModeStop("stopping");
        }
    }
}
